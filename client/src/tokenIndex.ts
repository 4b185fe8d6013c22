/**
 * The tokens the Tokens view lists, per file: found with the engine's `findTokens` in open documents (kept current
 * as they change), and, for files no editor has open, as the language server's workspace scan found them. Every
 * token is held masked; no raw token is kept.
 */
import * as vscode from 'vscode';
import { findTokens } from '../../server/src/engine';

/** One token in one file, masked. */
export interface TokenOccurrence {
  uri: vscode.Uri;
  range: vscode.Range;
  /** The type prefix, e.g. `access`. */
  type: string;
  /** The environment segment as written, e.g. `sandbox`. */
  environment: string;
  /** e.g. `access-sandbox-…4f2a`. */
  masked: string;
}

/** Documents larger than this are left to the server's own size limit and not indexed. */
const MAX_INDEXED_LENGTH = 4 * 1024 * 1024;
/** Keystrokes within this many milliseconds cost one re-index. */
const CHANGE_DELAY_MS = 250;

/** Tokens by file, with a change event. */
export class TokenIndex implements vscode.Disposable {
  private readonly files = new Map<string, TokenOccurrence[]>();
  /** Files the last workspace scan listed tokens for: they stay listed after their editor closes. */
  private readonly scanned = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fires after any file's tokens changed. */
  readonly onDidChange = this.changed.event;

  /** Starts following open documents. */
  watchDocuments(): this {
    for (const document of vscode.workspace.textDocuments) this.indexDocument(document);
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.indexDocument(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleIndex(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)),
    );
    return this;
  }

  /**
   * Replaces the tokens of the previous workspace scan with those of a new one. A file open in an editor keeps its
   * live tokens, which are newer than the disk the scan read.
   */
  setScannedTokens(tokens: readonly TokenOccurrence[]): void {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.scanned) if (!open.has(key)) this.files.delete(key);
    this.scanned.clear();
    for (const [key, group] of byFile(tokens)) {
      this.scanned.add(key);
      if (!open.has(key)) this.files.set(key, group);
    }
    this.changed.fire();
  }

  /** The tokens of one file, in text order. */
  tokensOf(uri: vscode.Uri): readonly TokenOccurrence[] {
    return this.files.get(uri.toString()) ?? [];
  }

  /** Every indexed token. */
  all(): TokenOccurrence[] {
    return [...this.files.values()].flat();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  private indexDocument(document: vscode.TextDocument): void {
    if (!isIndexed(document)) return;
    this.store(document.uri, tokensIn(document.uri, document.getText(), document));
  }

  private scheduleIndex(document: vscode.TextDocument): void {
    if (!isIndexed(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.indexDocument(document);
      }, CHANGE_DELAY_MS),
    );
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!this.scanned.has(key) && this.files.delete(key)) this.changed.fire();
  }

  private store(uri: vscode.Uri, tokens: TokenOccurrence[]): void {
    const key = uri.toString();
    const before = this.files.get(key);
    if (tokens.length === 0 && before === undefined) return;
    if (tokens.length === 0) this.files.delete(key);
    else this.files.set(key, tokens);
    this.changed.fire();
  }
}

/** Files and untitled buffers, the schemes the language server sees, up to a size. */
function isIndexed(document: vscode.TextDocument): boolean {
  return (document.uri.scheme === 'file' || document.uri.scheme === 'untitled') && document.getText().length <= MAX_INDEXED_LENGTH;
}

/** Tokens grouped by file, each file's in the order given. */
function byFile(tokens: readonly TokenOccurrence[]): Map<string, TokenOccurrence[]> {
  const files = new Map<string, TokenOccurrence[]>();
  for (const token of tokens) {
    const key = token.uri.toString();
    const group = files.get(key);
    if (group) group.push(token);
    else files.set(key, [token]);
  }
  return files;
}

function tokensIn(uri: vscode.Uri, text: string, positions: { positionAt(offset: number): vscode.Position }): TokenOccurrence[] {
  return findTokens(text).map((ref) => ({
    uri,
    range: new vscode.Range(positions.positionAt(ref.range.start), positions.positionAt(ref.range.end)),
    type: ref.type,
    environment: ref.environment,
    masked: ref.masked,
  }));
}
