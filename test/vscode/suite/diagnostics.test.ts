import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeUntitled,
  codeOf,
  fixtureUri,
  openFixture,
  plaidDiagnostics,
  plaidLens,
  SERVER_TIMEOUT_MS,
  waitFor,
  waitForDiagnostics,
} from './util';

const FILE = 'src/findings.js';

/** What src/findings.js must report: the rule, the exact text underlined, the line it is on, and how loudly. */
const EXPECTED = [
  { code: 'development-environment', text: "'https://development.plaid.com'", line: 'const basePath', severity: vscode.DiagnosticSeverity.Error },
  { code: 'expiring-token', text: 'link-sandbox-', line: 'const linkToken', severity: vscode.DiagnosticSeverity.Warning },
  { code: 'environment-mismatch', text: 'sandbox', line: 'const linkToken', severity: vscode.DiagnosticSeverity.Warning },
  { code: 'malformed-token', text: 'prod', line: 'const accessToken', severity: vscode.DiagnosticSeverity.Warning },
] as const;

suite('Diagnostics', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  test('Should report each fixture finding with its rule, range and severity', async () => {
    const editor = await openFixture(FILE);
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, EXPECTED.map((e) => e.code));
    for (const expected of EXPECTED) {
      const found = diagnostics.filter((d) => codeOf(d) === expected.code);
      assert.equal(found.length, 1, `one ${expected.code} diagnostic`);
      const diagnostic = found[0]!;
      const underlined = document.getText(diagnostic.range);
      // A URL is underlined with or without its quotes; a token's faulty segment exactly; a whole token from its type.
      assert.ok(
        underlined === expected.text || underlined === expected.text.replace(/'/g, '') || underlined.startsWith(expected.text),
        `${expected.code} underlines "${underlined.slice(0, 20)}", expected "${expected.text}"`,
      );
      assert.ok(document.lineAt(diagnostic.range.start.line).text.includes(expected.line), `${expected.code} is on the line of ${expected.line}`);
      assert.equal(diagnostic.severity, expected.severity, `${expected.code} severity`);
    }
  });

  test('Should never put a whole token in a diagnostic message', async () => {
    const editor = await openFixture(FILE);
    const text = editor.document.getText();
    const tokens = text.match(/\b(?:link|access)-[a-z]+-[0-9a-f-]{36}\b/g) ?? [];
    assert.equal(tokens.length, 2, 'the fixture holds two tokens');
    const diagnostics = await waitForDiagnostics(editor.document.uri, ['expiring-token']);
    for (const diagnostic of diagnostics) {
      for (const token of tokens) assert.ok(!diagnostic.message.includes(token), `${codeOf(diagnostic)} message shows a token whole`);
    }
    assert.ok(diagnostics.some((d) => /link-sandbox-…[0-9a-f]{4}/.test(d.message)), 'the expiring-token message names the token masked');
  });

  test('Should check untitled buffers as well as files', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'PLAID_HOST = "https://development.plaid.com"\n' });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, ['development-environment']);
    assert.equal(document.uri.scheme, 'untitled');
    assert.equal(document.getText(diagnostics[0]!.range).replace(/"/g, ''), 'https://development.plaid.com');
    await closeUntitled(document);
  });

  test('Should follow plaidLens.rules: a rule set to off disappears and comes back when reset', async () => {
    const editor = await openFixture(FILE);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, ['expiring-token']);
    const config = vscode.workspace.getConfiguration('plaidLens', uri);
    try {
      await config.update('rules', { 'expiring-token': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitFor(
        () => {
          const codes = plaidDiagnostics(uri).map(codeOf);
          return !codes.includes('expiring-token') && codes.includes('malformed-token');
        },
        SERVER_TIMEOUT_MS,
        'expiring-token gone while the other findings stay',
      );
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, ['expiring-token']);
  });

  // No editor opens the file: only the server's own file watcher can tell it about the change.
  test('Should follow .plaidlens.json as it is written and deleted on disk', async () => {
    const editor = await openFixture(FILE);
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, ['expiring-token']);
    const configFile = fixtureUri('.plaidlens.json');
    try {
      await vscode.workspace.fs.writeFile(configFile, new TextEncoder().encode('{ "rules": { "expiring-token": "off" } }\n'));
      await waitFor(
        () => {
          const codes = plaidDiagnostics(uri).map(codeOf);
          return !codes.includes('expiring-token') && codes.includes('malformed-token');
        },
        SERVER_TIMEOUT_MS,
        'expiring-token gone under .plaidlens.json while the other findings stay',
      );
    } finally {
      await vscode.workspace.fs.delete(configFile);
    }
    await waitForDiagnostics(uri, ['expiring-token']);
  });
});
