/**
 * The editor's "Scan Workspace", done by the server: walks the workspace folders with the CLI's walker
 * (`.gitignore`, and `.plaidlens.json` read by the live diagnostics' own resolver, so a file gets the same findings
 * open or not, and a broken config warns once and counts as `{}`), scans every file on all cores, publishes the
 * diagnostics of each file with findings, collects the masked tokens for the client's Tokens view, reports
 * work-done progress with a percentage, and stops when cancelled. Open documents keep their live diagnostics and
 * are left out.
 */
import * as fs from 'node:fs';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type WorkDoneProgressReporter,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { mergeRules } from './engine';
import type { ServerContext } from './context';
import { diagnosticAt } from './diagnostics';
import type { SizeLimitName } from './files/readText';
import type { FileNote, FileResult, LocatedFinding, LocatedToken } from './files/report';
import { defaultJobs, scanFiles } from './files/scanPool';
import { FileWalker, type WalkItem } from './files/walk';
import { MAX_SCAN_TOKENS, type ScanWorkspaceParams, type ScanWorkspaceResult, type ScannedToken } from './protocol';
import { fsPathOf } from './workspace';

/** One folder's share of a scan: its files, listed, and the size limit its settings set. */
interface FolderScan {
  uri: string;
  items: WalkItem[];
  maxBytes: number;
}

/** What a scan has done so far. */
interface Tally {
  /** The answer, filled in as results arrive. */
  result: ScanWorkspaceResult;
  /** Files listed in every folder, for the percentage. */
  total: number;
  lastReport: number;
}

/** Progress is redrawn at most this often, so a fast scan does not flood the client. */
const PROGRESS_INTERVAL_MS = 100;

const TITLE = 'Plaid Lens: scanning the workspace';

/** The setting a "too large" note names. */
const SIZE_LIMIT: SizeLimitName = { name: 'plaidLens.maxFileSizeKB', unit: 'KiB' };

/** Files listed between two turns of the event loop. */
const LIST_YIELD_EVERY = 256;

/** Runs workspace scans, one at a time: a new request cancels the scan still running. */
export class WorkspaceScanner {
  private running: AbortController | undefined;
  /** Files whose diagnostics a workspace scan published, so that one found clean later is cleared. */
  private readonly published = new Set<string>();

  /** @param workerScript the scanning thread's script (`dist/scanWorker.js`); without it, files are scanned here. */
  constructor(
    private readonly context: ServerContext,
    private readonly workerScript: string,
  ) {}

  /** Answers `plaidLens/scanWorkspace`. */
  async scan(params: ScanWorkspaceParams, token: CancellationToken): Promise<ScanWorkspaceResult> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const progress = await this.progressFor(params);
    const subscriptions = [token, 'token' in progress ? progress.token : undefined]
      .filter((t): t is CancellationToken => t !== undefined)
      .map((t) => t.onCancellationRequested(() => controller.abort()));
    // A token cancelled while the progress was being set up tells its listeners only later.
    if (token.isCancellationRequested) controller.abort();
    progress.begin(TITLE, 0, 'Listing files…', true);
    try {
      const folders = await this.list(params.folders ?? this.context.folders.uris(), controller.signal);
      const result: ScanWorkspaceResult = { files: 0, findings: 0, filesWithFindings: 0, skipped: 0, tokens: [], tokensOmitted: 0 };
      const tally: Tally = { result, total: 0, lastReport: 0 };
      for (const folder of folders) tally.total += folder.items.length;
      for (const folder of folders) {
        if (controller.signal.aborted) break;
        await this.scanFolder(folder, controller.signal, tally, progress);
      }
      if (controller.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The workspace scan was cancelled.');
      this.context.logger.info(`Scanned the workspace: ${result.files} file(s), ${result.findings} finding(s), ${result.skipped} skipped`);
      return result;
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
      progress.done();
      if (this.running === controller) this.running = undefined;
    }
  }

  /** The client's progress token when it sent one, else a progress the server creates (a no-op if unsupported). */
  private progressFor(params: ScanWorkspaceParams): Promise<WorkDoneProgressReporter | WorkDoneProgressServerReporter> {
    const { window } = this.context.connection;
    if (params.workDoneToken !== undefined) return Promise.resolve(window.attachWorkDoneProgress(params.workDoneToken));
    return window.createWorkDoneProgress();
  }

  /** Lists the files of every folder that is on disk and enabled, under that folder's settings. */
  private async list(folderUris: readonly string[], signal: AbortSignal): Promise<FolderScan[]> {
    const folders: FolderScan[] = [];
    for (const uri of folderUris) {
      const root = fsPathOf(uri);
      if (root === undefined || !fs.existsSync(root)) continue;
      const settings = await this.context.settings.fetch(uri);
      if (!settings.enable) continue;
      // The live diagnostics' resolver: the same search, the same cache, and one warning per broken file for both.
      const walker = new FileWalker(root, this.context.configFiles.resolverFor(root));
      const items: WalkItem[] = [];
      for await (const item of walker.walk([{ absPath: root, isDir: true }])) {
        if (signal.aborted) break;
        if (item.kind === 'file') item.job.rules = mergeRules(item.job.rules, settings.rules);
        // Folder listings are synchronous: let hovers, edits and a cancellation in now and then.
        if (items.push(item) % LIST_YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      // Whole bytes: the setting may be a fraction of a KiB, and a file's size is a whole number of bytes.
      folders.push({ uri, items, maxBytes: Math.floor(settings.maxFileSizeKB * 1024) });
    }
    return folders;
  }

  private async scanFolder(folder: FolderScan, signal: AbortSignal, tally: Tally, progress: WorkDoneProgressReporter): Promise<void> {
    const open = new Set(this.context.documents.keys().map(fsPathOf));
    const onResult = (result: FileResult): void => {
      if (result.note !== undefined) this.skip(result.displayPath, result.note, tally);
      else this.collect(uriOf(folder.uri, result.displayPath), result, tally);
      this.report(tally, progress);
    };
    // The live diagnostics of an open document are newer than the disk; such files are not even read.
    const items = folder.items.map((item) => (item.kind === 'file' && open.has(item.job.absPath) ? openNote(item) : item));
    const jobs = fs.existsSync(this.workerScript) ? defaultJobs() : 1;
    const limits = { maxBytes: folder.maxBytes, sizeLimit: SIZE_LIMIT, listTokens: true };
    await scanFiles(listed(items), { jobs, limits, workerScript: this.workerScript, signal }, onResult);
  }

  /** Counts a file the scan left out and says why in the log, where the setting to change is named. */
  private skip(displayPath: string, note: FileNote, { result }: Tally): void {
    result.skipped++;
    this.context.logger.debug(`Workspace scan: ${displayPath}: ${note.kind}, ${note.reason}`);
  }

  /** Counts a scanned file, publishes its diagnostics and keeps its tokens, up to the cap. */
  private collect(uri: string, file: FileResult, { result }: Tally): void {
    result.files++;
    result.findings += file.findings.length;
    if (file.findings.length > 0) result.filesWithFindings++;
    for (const token of file.tokens ?? []) {
      if (result.tokens.length < MAX_SCAN_TOKENS) result.tokens.push(toScannedToken(uri, token));
      else result.tokensOmitted++;
    }
    this.publish(uri, file.findings);
  }

  private publish(uri: string, findings: LocatedFinding[]): void {
    if (findings.length === 0 && !this.published.delete(uri)) return;
    if (findings.length > 0) this.published.add(uri);
    void this.context.connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
  }

  private report(tally: Tally, progress: WorkDoneProgressReporter): void {
    const done = tally.result.files + tally.result.skipped;
    const now = Date.now();
    if (done < tally.total && now - tally.lastReport < PROGRESS_INTERVAL_MS) return;
    tally.lastReport = now;
    progress.report(Math.floor((done / Math.max(1, tally.total)) * 100), `${done} of ${tally.total} files`);
  }
}

/** The URI of a file under a folder, from its path relative to the folder, keeping the client's folder spelling. */
function uriOf(folderUri: string, relative: string): string {
  return `${folderUri.replace(/\/+$/, '')}/${relative.split(/[\\/]/).map(encodeURIComponent).join('/')}`;
}

/** An open document's place in the walk, as a note, so the order and the count stay right without reading it. */
function openNote(item: Extract<WalkItem, { kind: 'file' }>): WalkItem {
  const { absPath, displayPath } = item.job;
  return { kind: 'note', absPath, displayPath, note: { kind: 'skipped', reason: 'open in the editor' } };
}

async function* listed(items: readonly WalkItem[]): AsyncGenerator<WalkItem> {
  yield* items;
}

/** A token as the protocol carries it: masked, with an LSP range. */
function toScannedToken(uri: string, token: LocatedToken): ScannedToken {
  const { type, environment, masked } = token;
  return { uri, range: rangeOf(token), type, environment, masked };
}

/** An LSP range (0-based) from 1-based lines and columns. */
function rangeOf(place: { line: number; column: number; endLine: number; endColumn: number }): ScannedToken['range'] {
  return {
    start: { line: place.line - 1, character: place.column - 1 },
    end: { line: place.endLine - 1, character: place.endColumn - 1 },
  };
}

/** A finding of a file that is not open: no version, and so no fix data; opening the file brings the live ones. */
function toDiagnostic(finding: LocatedFinding): Diagnostic {
  return diagnosticAt(rangeOf(finding), finding);
}
