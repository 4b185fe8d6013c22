import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { getEntry } from '../../../server/src/engine';
import { openFixture, plaidLens, rangeOf, SERVER_TIMEOUT_MS, waitFor, waitForDiagnostics } from './util';

const FILE = 'src/findings.js';

/** The Markdown of every hover VS Code collects at a position. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Waits for a hover at `position` that mentions `needle`. */
function hoverMentioning(uri: vscode.Uri, position: vscode.Position, needle: string): Promise<string> {
  return waitFor(
    async () => {
      const text = await hoverText(uri, position);
      return text.includes(needle) && text;
    },
    SERVER_TIMEOUT_MS,
    `a hover mentioning "${needle}"`,
  );
}

suite('Hovers', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  test('Should explain a token with its lifecycle from the glossary, masked', async () => {
    const { document } = await openFixture(FILE);
    await waitForDiagnostics(document.uri, ['expiring-token']);
    const token = rangeOf(document, 'link-sandbox-');
    const full = document.getText(new vscode.Range(token.start, token.start.translate(0, 49)));
    const lifetime = getEntry('link-token')!.token!.lifetime.text;
    const text = await hoverMentioning(document.uri, token.start.translate(0, 20), 'Lifecycle');
    assert.ok(text.includes(lifetime), 'the hover quotes the link token lifetime from the glossary');
    assert.ok(text.includes(getEntry('link-token')!.term), 'the hover names the token type');
    assert.ok(!text.includes(full), 'the hover shows the token whole');
    assert.match(text, /link-sandbox-…[0-9a-f]{4}/, 'the hover shows the token masked');
  });

  test('Should link a hover to its glossary entry, and the link should open it', async () => {
    const { document } = await openFixture(FILE);
    const position = rangeOf(document, 'link-sandbox-').start.translate(0, 20);
    const text = await hoverMentioning(document.uri, position, 'command:plaidLens.showGlossaryEntry');
    const link = /\(command:plaidLens\.showGlossaryEntry\?([^)]+)\)/.exec(text);
    assert.ok(link, 'a command link to the glossary');
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    await vscode.commands.executeCommand('plaidLens.showGlossaryEntry', ...args);
    const api = await plaidLens();
    assert.equal(api.shownGlossaryEntry(), 'link-token');
  });

  test('Should tell what became of the Development environment on its URL', async () => {
    const { document } = await openFixture(FILE);
    const url = rangeOf(document, 'development.plaid.com');
    const development = getEntry('development')!.environment!;
    const text = await hoverMentioning(document.uri, url.start.translate(0, 4), 'decommissioned');
    assert.ok(text.includes(development.decommissionedOn!), 'the hover gives the date from the glossary');
  });
});
