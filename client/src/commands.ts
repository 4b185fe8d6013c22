/**
 * The palette commands other than the decoder: Show Glossary Entry, Scan Workspace, Show Token Lifecycle, Restart
 * Language Server and Show Output.
 */
import * as vscode from 'vscode';
import { entries, findEntry, getEntry, maskText, plural, type GlossaryEntry } from '../../server/src/engine';
import { ShowGlossaryEntryCommand } from '../../server/src/protocol';
import type { GlossaryDetail } from './glossaryDetail';
import type { GlossaryNode, GlossaryTreeProvider } from './glossaryTree';
import type { PlaidLensServer } from './languageClient';
import { LIFECYCLE_VIEW_ID } from './lifecycleView';
import type { ScanSummary, WorkspaceScan } from './workspaceScan';

/** What the commands act on. */
export interface CommandTargets {
  server: PlaidLensServer;
  glossary: { provider: GlossaryTreeProvider; view: vscode.TreeView<GlossaryNode> };
  detail: GlossaryDetail;
  scanner: WorkspaceScan;
}

/** Registers the commands. */
export function registerCommands(context: vscode.ExtensionContext, targets: CommandTargets): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ShowGlossaryEntryCommand.id, (id?: unknown) => showGlossaryEntry(targets, id)),
    vscode.commands.registerCommand('plaidLens.scanWorkspace', () => scanWorkspace(targets)),
    vscode.commands.registerCommand('plaidLens.showLifecycle', () => vscode.commands.executeCommand(`${LIFECYCLE_VIEW_ID}.focus`)),
    vscode.commands.registerCommand('plaidLens.restartServer', () => restartServer(targets.server)),
    vscode.commands.registerCommand('plaidLens.showOutput', () => targets.server.showOutput()),
  );
}

/**
 * Opens an entry's page and selects it in the Glossary view. `id` may be an entry id, a term or a code name; without
 * one, a quick pick of every term (searchable by its names in code) asks which. Returns the id shown.
 */
export async function showGlossaryEntry(targets: CommandTargets, id?: unknown): Promise<string | undefined> {
  const entry = typeof id === 'string' ? getEntry(id) ?? findEntry(id) : await pickEntry();
  if (entry === undefined) {
    if (typeof id === 'string') void vscode.window.showWarningMessage(`The Plaid glossary has no entry “${maskText(id).slice(0, 60)}”.`);
    return undefined;
  }
  targets.detail.show(entry.id);
  await revealInTree(targets.glossary, entry.id);
  return entry.id;
}

async function pickEntry(): Promise<GlossaryEntry | undefined> {
  const items = entries.map((entry) => ({
    label: entry.term,
    description: entry.codeNames.join('  '),
    detail: entry.summary,
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Plaid glossary',
    placeHolder: 'Type a term or a name from code, e.g. access_token or /item/remove',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.entry;
}

/** Selects the entry in the Glossary view without taking focus from its page; the filter goes if it hides it. */
async function revealInTree(glossary: CommandTargets['glossary'], id: string): Promise<void> {
  const node = glossary.provider.nodeOf(id);
  if (node === undefined) return;
  const parent = glossary.provider.getParent(node);
  if (parent && !glossary.provider.getChildren(parent).includes(node)) await vscode.commands.executeCommand('plaidLens.glossary.clearFilter');
  try {
    await glossary.view.reveal(node, { select: true, focus: false, expand: true });
  } catch {
    // The sidebar may be closed and its view not yet created; the entry page is open either way.
  }
}

/** Scans with progress, then says what was found and offers the Problems panel; a failure says why. */
async function scanWorkspace(targets: CommandTargets): Promise<ScanSummary | undefined> {
  let summary: ScanSummary;
  try {
    summary = await targets.scanner.scanWithProgress();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Plaid: the workspace scan failed: ${maskText(reason)}`, 'Show Output').then((choice) => {
      if (choice) targets.server.showOutput();
    });
    return undefined;
  }
  // A cancelled scan keeps what it published before it stopped, so the Problems panel is still worth a look.
  const offer = summary.cancelled || summary.findings > 0 ? ['Open Problems'] : [];
  void vscode.window.showInformationMessage(scanMessage(summary), ...offer).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

/** The sentence that sums up a scan. */
function scanMessage(summary: ScanSummary): string {
  if (summary.cancelled) return 'Plaid: the workspace scan was cancelled; the Problems panel keeps what it found until then.';
  const found =
    summary.findings === 0
      ? 'no Plaid problems'
      : `${plural(summary.findings, 'Plaid problem')} in ${plural(summary.filesWithFindings, 'file')}`;
  const omitted = summary.tokensOmitted > 0 ? ` The Tokens view lists the first ${summary.tokens - summary.tokensOmitted} of ${summary.tokens} tokens.` : '';
  return `Scanned ${plural(summary.files, 'file')}: ${found}. Open files are checked as you edit them.${omitted}`;
}


async function restartServer(server: PlaidLensServer): Promise<void> {
  try {
    await server.restart();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Plaid Lens could not restart its language server: ${maskText(reason)}`, 'Show Output').then((choice) => {
      if (choice) server.showOutput();
    });
  }
}
