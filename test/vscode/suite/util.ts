/**
 * Helpers for the extension-host tests: the extension's API, fixture files, Plaid diagnostics, and waiting on a
 * condition with a deadline (never a fixed sleep).
 */
import * as vscode from 'vscode';
import type { PlaidLensApi } from '../../../client/src/extension';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'plaid-lens.plaid-lens';
/** The `source` of the server's diagnostics. */
export const SOURCE = 'plaid-lens';
/** Long enough for a cold server start on a busy two-core machine. */
export const SERVER_TIMEOUT_MS = 20_000;

/**
 * Resolves with the first truthy value `probe` returns, polling every 25 ms; rejects once `timeoutMs` pass, naming
 * `what` and the last value seen so a failure says what was expected and what was there.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms (last: ${last instanceof Error ? last.message : String(last)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Activates the extension and returns its API once the language server runs. */
export async function plaidLens(): Promise<PlaidLensApi> {
  const extension = vscode.extensions.getExtension<PlaidLensApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await waitFor(() => api.serverStatus() === 'running', SERVER_TIMEOUT_MS, 'the language server running');
  return api;
}

/** The URI of a file in the fixture workspace, e.g. `src/findings.js`. */
export function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a fixture file in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** The Plaid Lens diagnostics VS Code holds for a file. */
export function plaidDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Waits until a file has Plaid diagnostics for all `codes`, and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, codes: readonly string[]): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = plaidDiagnostics(uri);
      return codes.every((code) => diagnostics.some((d) => codeOf(d) === code)) && diagnostics;
    },
    SERVER_TIMEOUT_MS,
    `diagnostics ${codes.join(', ')} for ${vscode.workspace.asRelativePath(uri)}`,
  );
}

/** A diagnostic's code as a string, whether VS Code holds it bare or with a target link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The text a diagnostic's range covers. */
export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/** The range of the first occurrence of `needle` in a document. */
export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle.slice(0, 20)}" is not in ${vscode.workspace.asRelativePath(document.uri)}`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** Closes every editor, so each test starts from the same screen. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Reverts and closes an untitled buffer, so no "save changes?" prompt is left behind. */
export async function closeUntitled(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
