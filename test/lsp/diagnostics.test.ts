/**
 * Push diagnostics over a real stdio connection: what each language's fixture produces, how every diagnostic is
 * dressed (source, code, link, tags, data), and that nothing the server sends holds a secret whole.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver-protocol';
import { rangeOf } from './edits';
import { FIXTURE_CASES, fixtureText, fixtureUri, SECRET, SENSITIVE, type FixtureCase } from './fixtures';
import { FIXTURES, TestServer } from './harness';

/** A diagnostic reduced to what the tables compare: rule, place and severity. */
function describe(d: Pick<Diagnostic, 'code' | 'range' | 'severity'>): string {
  const { start, end } = d.range;
  return `${String(d.code)} ${start.line}:${start.character}-${end.line}:${end.character} severity ${d.severity}`;
}

function expectedFor(testCase: FixtureCase, text: string): string[] {
  return testCase.expected.map((e) => describe({ code: e.code, range: rangeOf(text, e.needle, e.occurrence), severity: e.severity })).sort();
}

suite('LSP diagnostics', () => {
  let server: TestServer;

  suiteSetup(async () => {
    server = await TestServer.start({ folders: [FIXTURES] });
  });

  suiteTeardown(async () => {
    assert.equal(await server.stop(), 0, 'the server exits with 0 after shutdown and exit');
  });

  test('Should announce incremental sync, hovers, resolvable quick fixes and the decode command', () => {
    const capabilities = server.initializeResult!.capabilities;
    const sync = capabilities.textDocumentSync;
    assert.ok(typeof sync === 'object' && sync.change === TextDocumentSyncKind.Incremental && sync.openClose === true);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'], resolveProvider: true });
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['plaidLens.decodeToken']);
  });

  for (const testCase of FIXTURE_CASES) {
    test(`Should report exactly the planted problems of ${testCase.file} (${testCase.languageId})`, async () => {
      const text = fixtureText(testCase.file);
      const published = await server.openAndDiagnose(fixtureUri(testCase.file), testCase.languageId, text);
      assert.deepEqual(published.diagnostics.map(describe).sort(), expectedFor(testCase, text));
      assert.equal(published.version, 1, 'diagnostics name the version they belong to');
    });
  }

  test('Should dress every diagnostic with source, rule code, README link and tags, and nothing tied to a version', async () => {
    for (const testCase of FIXTURE_CASES) {
      const published = await server.diagnosticsFor(fixtureUri(testCase.file));
      for (const d of published.diagnostics) {
        const expected = testCase.expected.find((e) => e.code === d.code)!;
        assert.equal(d.source, 'plaid-lens');
        assert.match(d.codeDescription?.href ?? '', new RegExp(`#${String(d.code)}$`));
        assert.deepEqual(d.tags ?? [], expected.deprecated ? [DiagnosticTag.Deprecated] : [], `${testCase.file}: ${d.message}`);
        // Quick fixes come from the server's latest scan; a diagnostic that did not change stays the same.
        assert.equal(d.data, undefined);
      }
    }
  });

  test('Should never send a secret, client_id or token whole, in messages or in data', () => {
    const everything = JSON.stringify(server.diagnostics.items);
    for (const value of SENSITIVE) assert.ok(!everything.includes(value), `a diagnostic holds ${value.slice(0, 6)}… whole`);
    assert.ok(everything.includes(`${SECRET.slice(0, 4)}…${SECRET.slice(-4)}`), 'messages show the secret masked');
  });

  test('Should scan an untitled buffer by its language id', async () => {
    const text = 'import plaid\nhost = plaid.Environment.Development\n';
    const published = await server.openAndDiagnose('untitled:Untitled-1', 'python', text);
    assert.deepEqual(published.diagnostics.map(describe), [
      describe({ code: 'development-environment', range: rangeOf(text, 'plaid.Environment.Development'), severity: DiagnosticSeverity.Error }),
    ]);
  });

  test('Should scan a TypeScript document that exists only in the editor', async () => {
    const uri = fixtureUri('unsaved/client.ts');
    const text = `export const basePath = PlaidEnvironments.development;\nexport const PLAID_SECRET = '${SECRET}';\n`;
    const published = await server.openAndDiagnose(uri, 'typescript', text);
    assert.deepEqual(published.diagnostics.map(describe), [
      describe({ code: 'development-environment', range: rangeOf(text, 'PlaidEnvironments.development'), severity: DiagnosticSeverity.Error }),
      describe({ code: 'hardcoded-secret', range: rangeOf(text, SECRET), severity: DiagnosticSeverity.Error }),
    ]);
  });

  test('Should clear the diagnostics of a closed document', async () => {
    const uri = fixtureUri('main.go');
    const from = server.diagnostics.mark();
    await server.close(uri);
    const cleared = await server.diagnostics.waitFor((p) => p.uri === uri, 'cleared diagnostics', from);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
