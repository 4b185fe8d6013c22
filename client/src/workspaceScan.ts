/**
 * "Plaid: Scan Workspace": finds the Plaid problems in files that are not open, with a cancellable progress
 * notification. The language server has no workspace-scan request yet, so this reads the files with
 * `workspace.fs` and runs the engine's `scan` here, under the same settings and `.plaidlens.json` as the server;
 * results go to the Problems panel and the Tokens view. Open files are the server's: they are skipped, and a file
 * that opens later drops its scan result for the server's live one.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EMPTY_CONFIG,
  formatConfigError,
  isIgnoredPath,
  maskText,
  mergeRules,
  parseConfig,
  rulesForPath,
  scan,
  type Finding,
  type PlaidLensConfig,
  type Severity,
} from '../../server/src/engine';
import { DIAGNOSTIC_SOURCE, SETTINGS_SECTION } from '../../server/src/protocol';
import { checkSettings } from '../../server/src/settings';
import { LineIndex } from './lineIndex';
import type { TokenIndex } from './tokenIndex';

/** What one scan did. */
export interface ScanSummary {
  /** Files read and scanned. */
  scanned: number;
  /** Files skipped: open (the server has them), ignored, too large or binary. */
  skipped: number;
  findings: number;
  filesWithFindings: number;
  cancelled: boolean;
}

const CONFIG_FILE = '.plaidlens.json';
const MAX_FILES = 20_000;
/** Folders no one wants scanned, on top of `files.exclude`. */
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];
const BINARY_PROBE_BYTES = 8000;

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Scans the workspace on request and holds the results. */
export class WorkspaceScanner implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('plaid-lens-workspace');
  private readonly subscriptions: vscode.Disposable[];
  private running: Promise<ScanSummary> | undefined;

  constructor(
    private readonly index: TokenIndex,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.collection.delete(document.uri)),
    ];
  }

  /** Runs a scan with a progress notification; a second request while one runs joins it. */
  scanWithProgress(): Promise<ScanSummary> {
    this.running ??= Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Plaid Lens: scanning the workspace', cancellable: true },
        (progress, token) => this.scan(progress, token),
      ),
    ).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Scans every workspace file that is not open and publishes the findings. */
  async scan(progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<ScanSummary> {
    const summary: ScanSummary = { scanned: 0, skipped: 0, findings: 0, filesWithFindings: 0, cancelled: false };
    this.collection.clear();
    this.index.clearScanned();
    const files = await vscode.workspace.findFiles('**/*', excludeGlob(), MAX_FILES, token);
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const configs = new ConfigLookup(this.output);
    for (const [i, uri] of files.entries()) {
      if (token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      progress.report({ increment: 100 / files.length, message: `${i + 1} of ${files.length} files` });
      const findings = open.has(uri.toString()) ? undefined : await this.scanFile(uri, configs);
      if (findings === undefined) {
        summary.skipped += 1;
        continue;
      }
      summary.scanned += 1;
      summary.findings += findings;
      if (findings > 0) summary.filesWithFindings += 1;
    }
    return summary;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** Scans one file; returns its number of findings, or undefined when it was skipped. */
  private async scanFile(uri: vscode.Uri, configs: ConfigLookup): Promise<number | undefined> {
    // The server's own check of the settings: a wrong value falls back to its default the same way.
    const scoped = checkSettings(vscode.workspace.getConfiguration(undefined, uri).get(SETTINGS_SECTION)).settings;
    if (!scoped.enable) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const { config, root } = await configs.forFile(uri, folder);
    const relative = path.posix.relative(root.path, uri.path);
    if (isIgnoredPath(config, relative)) return undefined;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > scoped.maxFileSizeKB * 1024) return undefined;
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) return undefined;
      const text = new TextDecoder('utf-8').decode(bytes);
      const findings = scan(text, { fileName: uri.fsPath, rules: mergeRules(rulesForPath(config, relative), scoped.rules) });
      const lines = new LineIndex(text);
      if (findings.length > 0) this.collection.set(uri, findings.map((f) => toDiagnostic(f, lines)));
      this.index.setScanned(uri, text);
      return findings.length;
    } catch (error) {
      this.output.warn(maskText(`Could not scan ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`));
      return undefined;
    }
  }
}

/** A finding as a diagnostic, the way the server would publish it. */
function toDiagnostic(finding: Finding, lines: LineIndex): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(lines.rangeOf(finding.range), finding.message, SEVERITIES[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.rule;
  if (finding.deprecated) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

/** `files.exclude` plus the folders in {@link ALWAYS_EXCLUDED}, as one glob. */
function excludeGlob(): string {
  const excluded = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  const globs = [...ALWAYS_EXCLUDED, ...Object.keys(excluded).filter((glob) => excluded[glob] === true)];
  return `{${globs.join(',')}}`;
}

/** Finds the nearest `.plaidlens.json` above a file, up to its workspace folder, reading each folder once. */
class ConfigLookup {
  private readonly byFolder = new Map<string, Promise<{ config: PlaidLensConfig; root: vscode.Uri } | undefined>>();

  constructor(private readonly output: vscode.LogOutputChannel) {}

  /** The config in force for a file and the folder its globs are relative to. */
  async forFile(uri: vscode.Uri, folder: vscode.WorkspaceFolder | undefined): Promise<{ config: PlaidLensConfig; root: vscode.Uri }> {
    const stop = folder?.uri ?? vscode.Uri.joinPath(uri, '..');
    for (let dir = vscode.Uri.joinPath(uri, '..'); ; dir = vscode.Uri.joinPath(dir, '..')) {
      const found = await this.configIn(dir);
      if (found) return found;
      if (dir.path === stop.path || dir.path === '/' || !dir.path.startsWith(stop.path)) break;
    }
    return { config: EMPTY_CONFIG, root: stop };
  }

  private configIn(dir: vscode.Uri): Promise<{ config: PlaidLensConfig; root: vscode.Uri } | undefined> {
    const key = dir.toString();
    let pending = this.byFolder.get(key);
    if (pending === undefined) {
      pending = this.read(dir);
      this.byFolder.set(key, pending);
    }
    return pending;
  }

  private async read(dir: vscode.Uri): Promise<{ config: PlaidLensConfig; root: vscode.Uri } | undefined> {
    const file = vscode.Uri.joinPath(dir, CONFIG_FILE);
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return undefined;
    }
    const result = parseConfig(text, file.fsPath);
    if (result.ok) return { config: result.config, root: dir };
    // Same policy as the server: a broken file counts as absent, and says why.
    this.output.warn(maskText(`${CONFIG_FILE} is ignored until it is fixed: ${formatConfigError(result.errors[0]!)}`));
    return { config: EMPTY_CONFIG, root: dir };
  }
}
