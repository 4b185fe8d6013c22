/**
 * The status-bar item: the server's state and how many Plaid findings the workspace has; a click opens the
 * Problems panel.
 */
import * as vscode from 'vscode';
import { plural } from '../../server/src/engine';
import { DIAGNOSTIC_SOURCE } from '../../server/src/protocol';
import type { PlaidLensServer, ServerStatus } from './languageClient';

/** Findings by severity across every file VS Code holds diagnostics for. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  others: number;
  files: number;
}

/** Counts the `plaid-lens` diagnostics VS Code holds. */
export function countFindings(): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, others: 0, files: 0 };
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length > 0) counts.files += 1;
    for (const d of ours) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors += 1;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings += 1;
      else counts.others += 1;
    }
  }
  return counts;
}

/** The item's text, tooltip and look for a state and counts. */
export function statusBarText(status: ServerStatus, counts: FindingCounts): { text: string; tooltip: string; alarm: boolean } {
  const total = counts.errors + counts.warnings + counts.others;
  if (status === 'starting') return { text: '$(loading~spin) Plaid', tooltip: 'Plaid Lens: the language server is starting', alarm: false };
  if (status === 'stopped') {
    return { text: '$(error) Plaid', tooltip: 'Plaid Lens: the language server is not running. Run “Plaid: Restart Language Server”.', alarm: true };
  }
  const parts = [
    counts.errors > 0 ? plural(counts.errors, 'error') : '',
    counts.warnings > 0 ? plural(counts.warnings, 'warning') : '',
    counts.others > 0 ? plural(counts.others, 'note') : '',
  ].filter(Boolean);
  const summary = total === 0 ? 'no Plaid findings' : `${parts.join(', ')} in ${plural(counts.files, 'file')}`;
  return {
    text: total === 0 ? '$(pass) Plaid' : `$(${counts.errors > 0 ? 'error' : 'warning'}) Plaid ${total}`,
    tooltip: `Plaid Lens: the language server is running; ${summary}. Click to open the Problems panel.`,
    alarm: false,
  };
}

/** Creates the item and keeps it current. */
export function registerStatusBar(context: vscode.ExtensionContext, server: PlaidLensServer): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('plaidLens.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Plaid Lens';
  item.command = { command: 'workbench.actions.view.problems', title: 'Open the Problems panel' };
  const update = (): void => {
    const { text, tooltip, alarm } = statusBarText(server.status, countFindings());
    item.text = text;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: tooltip };
    item.backgroundColor = alarm ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  };
  update();
  item.show();
  context.subscriptions.push(item, server.onDidChangeStatus(update), vscode.languages.onDidChangeDiagnostics(update));
  return item;
}

