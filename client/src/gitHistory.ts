/**
 * "Plaid: Scan Git History". The extension starts no process, so it asks VS Code to run a task: the bundled CLI's
 * `history --format json --output FILE --write-sources DIR`, which runs git. The report lists the findings, and
 * `--write-sources` leaves each reported file as it stood in its commit with every flagged value masked; a content
 * provider serves those copies as read-only documents, so "that commit's file at that line" opens without git and
 * without a secret shown whole. VS Code runs tasks only in trusted workspaces; in Restricted Mode the command says so.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JsonHistoryFinding } from '../../server/src/cli/formatHistory';

/** The URI scheme of the documents that show a file as it stood in a commit. */
export const HISTORY_SCHEME = 'plaid-lens-history';

/** The task type declared in package.json. */
export const HISTORY_TASK_TYPE = 'plaid-lens';

/** One finding of the history report, as `plaid-lens history --format json` writes it (its message masked). */
export type HistoryEntry = JsonHistoryFinding;

/** What a run of the command gave: the task's exit code and the findings (none when it failed). */
export interface HistorySummary {
  exitCode: number | undefined;
  findings: number;
}

/** The last history scan: its findings, and the folder holding the masked copies of their files. */
export class GitHistory implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private entries: HistoryEntry[] = [];
  private folder: string | undefined;
  private scanned = false;
  private runs = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a scan has finished. */
  readonly onDidScan = this.changed.event;

  /** @param cliPath The bundled CLI, `dist/cli.js`. */
  constructor(private readonly cliPath: string) {}

  /** The findings of the last scan, oldest commit first. */
  get findings(): readonly HistoryEntry[] {
    return this.entries;
  }

  /** True once a scan has finished, even with nothing found. */
  get hasRun(): boolean {
    return this.scanned;
  }

  /** Scans the history of the repository at `root` in a task and keeps its findings. */
  async scan(root: vscode.Uri): Promise<HistorySummary> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-history-'));
    const report = path.join(dir, 'history.json');
    const sources = path.join(dir, 'sources');
    const id = `${process.pid}-${++this.runs}`;
    const execution = new vscode.ProcessExecution(process.execPath, [this.cliPath, 'history', '--format', 'json', '--output', report, '--write-sources', sources], {
      cwd: root.fsPath,
      // Inside desktop VS Code process.execPath is the editor's own binary: this makes it run as plain Node.
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const task = new vscode.Task({ type: HISTORY_TASK_TYPE, command: 'history', run: id }, vscode.TaskScope.Workspace, 'Scan Git History', 'Plaid Lens', execution);
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.definition.run !== id) return;
        listener.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    const exitCode = await ended;
    if ((exitCode !== 0 && exitCode !== 1) || !fs.existsSync(report)) {
      fs.rmSync(dir, { recursive: true, force: true });
      return { exitCode, findings: 0 };
    }
    const entries = JSON.parse(fs.readFileSync(report, 'utf8')) as HistoryEntry[];
    this.forget();
    this.entries = entries;
    this.folder = dir;
    this.scanned = true;
    this.changed.fire();
    return { exitCode, findings: entries.length };
  }

  /** The read-only document of a finding's file as it stood in its commit. */
  uriOf(entry: HistoryEntry): vscode.Uri {
    return vscode.Uri.from({ scheme: HISTORY_SCHEME, path: `/${entry.commit}/${entry.path}` });
  }

  /** Serves the masked copy the CLI wrote for `/<commit>/<path>`. */
  provideTextDocumentContent(uri: vscode.Uri): string {
    const [, commit, ...parts] = uri.path.split('/');
    if (this.folder === undefined || commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) return '';
    const file = path.join(this.folder, 'sources', commit, ...parts);
    if (!file.startsWith(path.join(this.folder, 'sources') + path.sep)) return '';
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return `This commit's copy of ${parts.join('/')} is no longer available; scan the history again.`;
    }
  }

  /** Removes the masked copies of the last scan. */
  dispose(): void {
    this.forget();
    this.changed.dispose();
  }

  private forget(): void {
    if (this.folder !== undefined) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}

/** The folder to scan: the one passed (tests, other commands), the only one open, or one the user picks. */
async function pickFolder(uri: unknown): Promise<vscode.Uri | undefined> {
  if (uri instanceof vscode.Uri) return uri;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Scan the git history of which folder?' }))?.uri;
}

/** Registers the command, the document provider and the history; returns the history for the Tokens view. */
export function registerGitHistory(context: vscode.ExtensionContext): GitHistory {
  const history = new GitHistory(context.asAbsolutePath(path.join('dist', 'cli.js')));
  context.subscriptions.push(
    history,
    vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, history),
    vscode.commands.registerCommand('plaidLens.scanGitHistory', async (uri?: unknown): Promise<HistorySummary | undefined> => {
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage('Scanning git history runs the Plaid Lens CLI in a task, and VS Code runs tasks only in a trusted workspace.');
        return undefined;
      }
      const root = await pickFolder(uri);
      if (root === undefined) {
        void vscode.window.showInformationMessage('Open a folder that is a git repository to scan its history.');
        return undefined;
      }
      const summary = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Plaid Lens: scanning git history…' },
        () => history.scan(root),
      );
      if (summary.exitCode === 0 || summary.exitCode === 1) {
        void vscode.commands.executeCommand('plaidLens.tokens.focus');
      } else {
        void vscode.window.showErrorMessage(`Plaid Lens: the history scan stopped (exit code ${summary.exitCode ?? 'unknown'}); the task's terminal says why.`);
      }
      return summary;
    }),
  );
  return history;
}
