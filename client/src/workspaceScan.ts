/**
 * "Plaid: Scan Workspace", done by the language server (`plaidLens/scanWorkspace`): the server reads and scans the
 * files no editor has open, on all cores, and publishes their diagnostics, so they land in the Problems panel with
 * the live ones. This side shows the server's progress in a cancellable notification and hands the masked tokens
 * the scan found to the Tokens view.
 */
import * as vscode from 'vscode';
import type { ScannedToken, ScanWorkspaceResult } from '../../server/src/protocol';
import type { PlaidLensServer, WorkDoneProgressValue } from './languageClient';
import type { TokenIndex, TokenOccurrence } from './tokenIndex';

/** What one scan did: the server's counts, or only that it was cancelled. */
export type ScanSummary = { cancelled: true } | ({ cancelled: false; tokens: number } & Omit<ScanWorkspaceResult, 'tokens'>);

/** Where a scan's progress goes: a notification, or nowhere. */
export type ScanProgress = vscode.Progress<{ message?: string; increment?: number }>;

/** Runs workspace scans through the server and keeps the Tokens view's share of their results. */
export class WorkspaceScan {
  private running: Promise<ScanSummary> | undefined;

  constructor(
    private readonly server: PlaidLensServer,
    private readonly index: TokenIndex,
  ) {}

  /** Runs a scan with a cancellable progress notification; a second request while one runs joins it. */
  scanWithProgress(): Promise<ScanSummary> {
    this.running ??= Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Plaid: scanning the workspace', cancellable: true },
        (progress, token) => this.scan(progress, token),
      ),
    ).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Asks the server for a scan, forwarding its progress; on success, the Tokens view gets the tokens it found. */
  async scan(progress: ScanProgress, token: vscode.CancellationToken): Promise<ScanSummary> {
    const result = await this.server.scanWorkspace(progressForwarder(progress), token);
    // Judged by the answer, not the token: a cancel that reached the server after it finished leaves a whole result.
    if (result === undefined) return { cancelled: true };
    this.index.setScannedTokens(result.tokens.map(toOccurrence));
    const { tokens, ...counts } = result;
    return { cancelled: false, ...counts, tokens: tokens.length + result.tokensOmitted };
  }
}

/** Turns the server's percentages into the increments `vscode.Progress` adds up. */
function progressForwarder(progress: ScanProgress): (value: WorkDoneProgressValue) => void {
  let shown = 0;
  return (value) => {
    if (value.kind === 'end') return;
    const percentage = Math.min(100, value.percentage ?? shown);
    progress.report({ message: value.message, increment: Math.max(0, percentage - shown) });
    shown = Math.max(shown, percentage);
  };
}

function toOccurrence(token: ScannedToken): TokenOccurrence {
  const { start, end } = token.range;
  return {
    uri: vscode.Uri.parse(token.uri),
    range: new vscode.Range(start.line, start.character, end.line, end.character),
    type: token.type,
    environment: token.environment,
    masked: token.masked,
  };
}
