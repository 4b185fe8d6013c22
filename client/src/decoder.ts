/**
 * "Plaid: Decode Token": takes the selection, else the token under the cursor, else asks for one (hidden input with
 * validation), decodes it through the language server and shows the result in the decoder panel.
 */
import * as vscode from 'vscode';
import { decodeToken, maskText, tokenAt, type DecodedToken } from '../../server/src/engine';
import { DecoderPanel } from './decoderPanel';
import type { PlaidLensServer } from './languageClient';

/** Longest text the decoder accepts; Plaid tokens are well under 100 characters. */
export const MAX_TOKEN_LENGTH = 200;

/** The token to decode from an editor: its selection when there is one, else the token under the cursor. */
export function tokenFromEditor(editor: vscode.TextEditor | undefined): string | undefined {
  if (editor === undefined) return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty) {
    const selected = document.getText(selection).trim();
    return selected !== '' && !/\s/.test(selected) && selected.length <= MAX_TOKEN_LENGTH ? selected : undefined;
  }
  const line = document.lineAt(selection.active.line);
  const found = tokenAt(line.text, selection.active.character);
  return found ? line.text.slice(found.range.start, found.range.end) : undefined;
}

/**
 * Checks what the user types into the input box: blocks what cannot be a token, and warns (without blocking) about a
 * token with problems, so a malformed token can still be decoded to see why. Never repeats the input.
 */
export function validateTokenInput(value: string): vscode.InputBoxValidationMessage | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (/\s/.test(text)) return { message: 'A Plaid token has no spaces; paste one token.', severity: vscode.InputBoxValidationSeverity.Error };
  if (text.length > MAX_TOKEN_LENGTH) {
    return { message: `That is ${text.length} characters; a Plaid token is under 100.`, severity: vscode.InputBoxValidationSeverity.Error };
  }
  if (!text.includes('-')) {
    return { message: 'A Plaid token looks like type-environment-uuid, e.g. access-sandbox-….', severity: vscode.InputBoxValidationSeverity.Error };
  }
  const decoded = decodeToken(text);
  if (decoded.valid) return { message: `A well-formed ${decoded.type} token.`, severity: vscode.InputBoxValidationSeverity.Info };
  const first = decoded.problems[0]!.message.replace(/`/g, '');
  const more = decoded.problems.length > 1 ? ` (and ${decoded.problems.length - 1} more)` : '';
  return { message: `Decodes with problems: ${first}${more}.`, severity: vscode.InputBoxValidationSeverity.Warning };
}

/** Asks for a token; the input is hidden like a password, since it may be a live credential. */
export async function askForToken(): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Decode a Plaid token',
    prompt: 'Paste a Plaid token. It is decoded on this machine and shown masked.',
    placeHolder: 'access-sandbox-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: validateTokenInput,
  });
  const text = value?.trim();
  return text && !/\s/.test(text) && text.length <= MAX_TOKEN_LENGTH ? text : undefined;
}

/** The decoder's commands and panel. */
export class Decoder implements vscode.Disposable {
  private readonly panel: DecoderPanel;

  constructor(
    private readonly server: PlaidLensServer,
    openEntry: (id: string) => void,
  ) {
    this.panel = new DecoderPanel(openEntry);
  }

  /** Decodes a token without showing anything; the result is masked. */
  decode(token: string): Promise<DecodedToken> {
    return this.server.decode(token);
  }

  /** Decodes `token` (or what the editor or the user offers) and shows the panel; returns the result. */
  async decodeAndShow(token?: unknown): Promise<DecodedToken | undefined> {
    const input = typeof token === 'string' && token.trim() !== '' ? token.trim() : tokenFromEditor(vscode.window.activeTextEditor) ?? (await askForToken());
    if (input === undefined) return undefined;
    try {
      const decoded = await this.decode(input);
      this.panel.show(decoded, input);
      return decoded;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(`Plaid Lens could not decode the token: ${maskText(reason)}`);
      return undefined;
    }
  }

  /** The context-menu variant: only the selection, never a prompt. */
  async decodeSelection(): Promise<DecodedToken | undefined> {
    const token = tokenFromEditor(vscode.window.activeTextEditor);
    if (token === undefined) {
      void vscode.window.showInformationMessage('Select a Plaid token (type-environment-uuid) to decode it.');
      return undefined;
    }
    return this.decodeAndShow(token);
  }

  dispose(): void {
    this.panel.dispose();
  }
}

/** Registers "Plaid: Decode Token" and the editor context-menu command. */
export function registerDecoder(context: vscode.ExtensionContext, server: PlaidLensServer, openEntry: (id: string) => void): Decoder {
  const decoder = new Decoder(server, openEntry);
  context.subscriptions.push(
    decoder,
    vscode.commands.registerCommand('plaidLens.decode', (token?: unknown) => decoder.decodeAndShow(token)),
    vscode.commands.registerCommand('plaidLens.decodeSelection', () => decoder.decodeSelection()),
  );
  return decoder;
}
