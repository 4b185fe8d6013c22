/**
 * The workspace-file half of "Move to environment variable": append the key to `.env` and `.env` to `.gitignore`.
 * Only ever appends: an existing key, an existing line and every byte already in those files stay as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CreateFile, TextDocumentEdit } from 'vscode-languageserver/node';
import { escapeRegExp } from './engine';
import { childUri } from './workspace';

/** The folder that owns `.env` and `.gitignore`, as a URI and a path. */
export interface WorkspaceRoot {
  uri: string;
  fsPath: string;
}

/** A workspace file as the editor or the disk has it now. */
interface FileNow {
  uri: string;
  /** Null when the file does not exist. */
  text: string | null;
  /** The open document's version, or null when the file is not open. */
  version: number | null;
  /** True when the file exists but cannot be read: it is then left alone. */
  unreadable?: boolean;
}

/** Reads a workspace file, preferring the open (possibly unsaved) document. */
export type OpenDocumentLookup = (uri: string) => TextDocument | undefined;

/** True when `.env` text already assigns the key (`KEY=…`, `export KEY=…`, `KEY: …`). */
export function definesKey(envText: string, key: string): boolean {
  return new RegExp(`^[ \\t]*(?:export[ \\t]+)?${escapeRegExp(key)}[ \\t]*[=:]`, 'm').test(envText);
}

/** True when `.gitignore` text already keeps `.env` out of the repository. */
export function ignoresEnvFile(gitignoreText: string): boolean {
  return ignore().add(gitignoreText).ignores('.env');
}

/** A `.env` line for a value: bare when it is plain, double-quoted otherwise. */
export function envLine(key: string, value: string): string {
  return /^[A-Za-z0-9_\-.:/+=@]*$/.test(value) ? `${key}=${value}` : `${key}=${JSON.stringify(value)}`;
}

/** Whether `.env` already defines the key; read when the action is listed so its title can say so. */
export function envKeyExists(root: WorkspaceRoot, key: string, lookup: OpenDocumentLookup): boolean {
  const env = readNow(root, '.env', lookup);
  return env.text !== null && definesKey(env.text, key);
}

/**
 * The resource operations and edits that add `KEY=value` to `.env` (unless the key is there) and `.env` to
 * `.gitignore` (unless it is ignored), creating either file when it is missing.
 */
export function envFileChanges(
  root: WorkspaceRoot,
  key: string,
  value: string,
  lookup: OpenDocumentLookup,
): (CreateFile | TextDocumentEdit)[] {
  const changes: (CreateFile | TextDocumentEdit)[] = [];
  const env = readNow(root, '.env', lookup);
  if (!env.unreadable && (env.text === null || !definesKey(env.text, key))) changes.push(...appendLine(env, envLine(key, value)));
  const gitignore = readNow(root, '.gitignore', lookup);
  if (!gitignore.unreadable && (gitignore.text === null || !ignoresEnvFile(gitignore.text))) {
    changes.push(...appendLine(gitignore, '.env'));
  }
  return changes;
}

/** Creates the file if needed (never replacing one) and appends a line, after a newline if the file lacks a final one. */
function appendLine(file: FileNow, line: string): (CreateFile | TextDocumentEdit)[] {
  const text = file.text ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lead = text === '' || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
  const end = TextDocument.create(file.uri, 'plaintext', 0, text).positionAt(text.length);
  const edit: TextDocumentEdit = {
    textDocument: { uri: file.uri, version: file.version },
    edits: [{ range: { start: end, end }, newText: `${lead}${line}${eol}` }],
  };
  if (file.text !== null) return [edit];
  return [{ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } }, edit];
}

function readNow(root: WorkspaceRoot, name: string, lookup: OpenDocumentLookup): FileNow {
  const uri = childUri(root.uri, name);
  const open = lookup(uri);
  if (open !== undefined) return { uri, text: open.getText(), version: open.version };
  try {
    return { uri, text: fs.readFileSync(path.join(root.fsPath, name), 'utf8'), version: null };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { uri, text: null, version: null, unreadable: !missing };
  }
}
