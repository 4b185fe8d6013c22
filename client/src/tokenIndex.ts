/**
 * The tokens the Tokens view lists, per file: found with the engine's `findTokens` in open documents (kept current
 * as they change), and, for files no editor has open, as the language server's workspace scan found them. Every
 * token is held masked; no raw token is kept.
 *
 * Open documents are indexed only when the server would scan them by `plaidLens.enable` and
 * `plaidLens.maxFileSizeKB`, read through the server's own `checkSettings`. The `ignore` globs of `.plaidlens.json`
 * are not honoured here: following them would mean finding, parsing and watching those files a second time, and
 * the server's diagnostics cannot stand in for that answer, since it publishes the same empty list for an ignored
 * file as for a clean one. An open file that `.plaidlens.json` ignores therefore still lists its tokens (masked),
 * with no findings; the workspace scan, done by the server, honours `ignore`.
 */
import * as vscode from 'vscode';
import { findTokens } from '../../server/src/engine';
import { SETTINGS_SECTION, type PlaidLensSettings } from '../../server/src/protocol';
import { checkSettings } from '../../server/src/settings';

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

/** Keystrokes within this many milliseconds cost one re-index. */
const CHANGE_DELAY_MS = 250;
/** The settings that decide whether the server scans a document. */
const SCAN_SETTINGS = [`${SETTINGS_SECTION}.enable`, `${SETTINGS_SECTION}.maxFileSizeKB`];

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

  /** Starts following open documents and the settings that decide which of them are scanned. */
  watchDocuments(): this {
    this.indexOpenDocuments();
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.index(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleIndex(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (SCAN_SETTINGS.some((setting) => event.affectsConfiguration(setting))) this.settingsChanged();
      }),
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

  private index(document: vscode.TextDocument): void {
    if (this.indexDocument(document)) this.changed.fire();
  }

  /** Re-reads one document's tokens; true when the index changed. */
  private indexDocument(document: vscode.TextDocument): boolean {
    if (!hasScannedScheme(document)) return false;
    const text = scannedText(document);
    return this.store(document.uri, text === undefined ? [] : tokensIn(document.uri, text, document));
  }

  /** Waits for typing to pause; nothing here may read the text, which would copy the document on every keystroke. */
  private scheduleIndex(document: vscode.TextDocument): void {
    if (!hasScannedScheme(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.index(document);
      }, CHANGE_DELAY_MS),
    );
  }

  /**
   * Indexes every open document again under the new settings, and drops the scanned tokens of files that are no
   * longer enabled. Scanned files now over the size limit stay listed until the next scan: their size is not known here.
   */
  private settingsChanged(): void {
    let changed = this.indexOpenDocuments();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const key of this.scanned) {
      if (open.has(key) || settingsFor(vscode.Uri.parse(key)).enable) continue;
      this.scanned.delete(key);
      changed = this.files.delete(key) || changed;
    }
    if (changed) this.changed.fire();
  }

  /** Indexes every open document; true when the index changed. */
  private indexOpenDocuments(): boolean {
    let changed = false;
    for (const document of vscode.workspace.textDocuments) changed = this.indexDocument(document) || changed;
    return changed;
  }

  private closed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (!this.scanned.has(key) && this.files.delete(key)) this.changed.fire();
  }

  /** Sets one file's tokens; true when that changed the index. */
  private store(uri: vscode.Uri, tokens: TokenOccurrence[]): boolean {
    const key = uri.toString();
    if (tokens.length > 0) {
      this.files.set(key, tokens);
      return true;
    }
    return this.files.delete(key);
  }
}

/** Files and untitled buffers: the schemes the language server sees. */
function hasScannedScheme(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'file' || document.uri.scheme === 'untitled';
}

/** The `plaidLens` settings in force for a resource, checked and defaulted as the server does. */
function settingsFor(uri: vscode.Uri): PlaidLensSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  return checkSettings({ enable: config.get('enable'), maxFileSizeKB: config.get('maxFileSizeKB') }).settings;
}

/**
 * The document's text when the server scans it: enabled, and at most `plaidLens.maxFileSizeKB` in UTF-8 as the
 * server counts it; undefined otherwise. A document far over the limit is never copied out of the editor.
 */
function scannedText(document: vscode.TextDocument): string | undefined {
  const settings = settingsFor(document.uri);
  if (!settings.enable) return undefined;
  const limitBytes = settings.maxFileSizeKB * 1024;
  const length = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  // A UTF-16 unit takes one to three UTF-8 bytes (a surrogate pair four for two), so bytes are only counted near the limit.
  if (length > limitBytes) return undefined;
  const text = document.getText();
  if (length * 3 > limitBytes && Buffer.byteLength(text, 'utf8') > limitBytes) return undefined;
  return text;
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
