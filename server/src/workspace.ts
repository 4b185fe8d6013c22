/**
 * Workspace folders and the URI arithmetic the server needs: which folder holds a document, and where that
 * document lives on disk (when it lives on disk at all: untitled buffers and virtual files do not).
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver/node';

/** The file-system path of a `file:` URI, or undefined for any other scheme. */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A child of a folder URI, keeping the client's own spelling of the folder (`file:///c%3A/…` stays so). */
export function childUri(folderUri: string, name: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${encodeURIComponent(name)}`;
}

/** The URI of the folder that holds a document, e.g. `file:///w/src` for `file:///w/src/a.ts`. */
export function parentUri(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash > uri.indexOf('//') + 1 ? uri.slice(0, slash) : uri;
}

/** The workspace folders the client announced, kept up to date with `workspace/didChangeWorkspaceFolders`. */
export class WorkspaceFolders {
  private folders: WorkspaceFolder[] = [];

  /** Replaces the folders, e.g. from `initialize`. */
  set(folders: readonly WorkspaceFolder[]): void {
    this.folders = [...folders];
  }

  /** Applies a change event. */
  change(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((f) => f.uri));
    this.folders = [...this.folders.filter((f) => !gone.has(f.uri)), ...added];
  }

  /** How many folders the workspace has. */
  count(): number {
    return this.folders.length;
  }

  /** The URIs of every folder, in the order the client gave them. */
  uris(): string[] {
    return this.folders.map((f) => f.uri);
  }

  /** The innermost workspace folder that contains the document, if any. */
  folderOf(uri: string): WorkspaceFolder | undefined {
    const docPath = fsPathOf(uri);
    let best: WorkspaceFolder | undefined;
    let bestLength = -1;
    for (const folder of this.folders) {
      const length = contains(folder.uri, uri, docPath);
      if (length > bestLength) {
        best = folder;
        bestLength = length;
      }
    }
    return best;
  }

  /**
   * The folder that owns workspace files such as `.env` for a document: its workspace folder, else the folder the
   * document sits in. Undefined for documents that are not files.
   */
  rootOf(uri: string): { uri: string; fsPath: string } | undefined {
    const folder = this.folderOf(uri);
    const folderPath = folder ? fsPathOf(folder.uri) : undefined;
    if (folder && folderPath !== undefined) return { uri: folder.uri.replace(/\/+$/, ''), fsPath: folderPath };
    const docPath = fsPathOf(uri);
    return docPath === undefined ? undefined : { uri: parentUri(uri), fsPath: path.dirname(docPath) };
  }
}

/** The length of the folder's path when it contains the document, else -1; compared as paths for `file:` URIs. */
function contains(folderUri: string, uri: string, docPath: string | undefined): number {
  const folderPath = fsPathOf(folderUri);
  if (folderPath !== undefined && docPath !== undefined) {
    const relative = path.relative(folderPath, docPath);
    const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    return inside ? folderPath.length : -1;
  }
  const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(prefix) ? folderUri.length : -1;
}
