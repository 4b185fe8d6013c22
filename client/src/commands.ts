/**
 * The palette commands other than the decoder: Show Glossary Entry, Scan Workspace, Show Token Lifecycle, Restart
 * Language Server and Show Output.
 */
import * as vscode from 'vscode';
import { entries, findEntry, getEntry, maskText, type GlossaryEntry } from '../../server/src/engine';
import { ShowGlossaryEntryCommand } from '../../server/src/protocol';
import type { GlossaryDetail } from './glossaryDetail';
import type { GlossaryNode, GlossaryTreeProvider } from './glossaryTree';
import type { PlaidLensServer } from './languageClient';
import { LIFECYCLE_VIEW_ID } from './lifecycleView';
import type { ScanSummary, WorkspaceScanner } from './workspaceScan';

/** What the commands act on. */
export interface CommandTargets {
  server: PlaidLensServer;
  glossary: { provider: GlossaryTreeProvider; view: vscode.TreeView<GlossaryNode> };
  detail: GlossaryDetail;
  scanner: WorkspaceScanner;
}

/** Registers the commands. */
export function registerCommands(context: vscode.ExtensionContext, targets: CommandTargets): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ShowGlossaryEntryCommand.id, (id?: unknown) => showGlossaryEntry(targets, id)),
    vscode.commands.registerCommand('plaidLens.scanWorkspace', () => scanWorkspace(targets.scanner)),
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

/** Scans with progress, then says what was found and offers the Problems panel. */
async function scanWorkspace(scanner: WorkspaceScanner): Promise<ScanSummary> {
  const summary = await scanner.scanWithProgress();
  const found =
    summary.findings === 0
      ? 'no Plaid problems'
      : `${summary.findings} Plaid problem${summary.findings === 1 ? '' : 's'} in ${summary.filesWithFindings} file${summary.filesWithFindings === 1 ? '' : 's'}`;
  const message = `${summary.cancelled ? 'Scan cancelled after' : 'Scanned'} ${summary.scanned} file${summary.scanned === 1 ? '' : 's'}: ${found}. Open files are checked as you edit them.`;
  void vscode.window.showInformationMessage(message, ...(summary.findings > 0 ? ['Open Problems'] : [])).then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
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
