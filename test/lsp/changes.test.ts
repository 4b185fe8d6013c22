/**
 * Diagnostics while typing: incremental changes, bursts of changes, the size limit and the settings that decide
 * what is reported.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { rangeOf } from './edits';
import { ACCESS_SANDBOX, fixtureText, fixtureUri } from './fixtures';
import { FIXTURES, TestServer, withDeadline } from './harness';

suite('LSP diagnostics while typing', () => {
  let server: TestServer;

  suiteSetup(async () => {
    server = await TestServer.start({ folders: [FIXTURES], trace: 'verbose', settings: { trace: { server: 'verbose' } } });
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  test('Should flag a Development URL typed into a clean file, and clear it once fixed', async () => {
    const uri = fixtureUri('typing/app.ts');
    const first = await server.openAndDiagnose(uri, 'typescript', 'const ok = 1;\n');
    assert.deepEqual(first.diagnostics, []);

    const line = "const url = 'https://development.plaid.com';\n";
    let from = server.diagnostics.mark();
    await server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: line }]);
    const flagged = await server.diagnosticsFor(uri, from);
    assert.equal(flagged.version, 2);
    assert.deepEqual(
      flagged.diagnostics.map((d) => [d.code, d.range]),
      [['development-environment', rangeOf(server.text(uri), 'https://development.plaid.com')]],
    );

    from = server.diagnostics.mark();
    await server.change(uri, [{ range: rangeOf(server.text(uri), 'development'), text: 'sandbox' }]);
    const fixed = await server.diagnosticsFor(uri, from);
    assert.equal(fixed.version, 3);
    assert.deepEqual(fixed.diagnostics, []);
  });

  test('Should answer a document left unedited since it was opened (held compressed) like any other', async () => {
    const uri = fixtureUri('typing/resting.ts');
    // Text outside Latin-1 before the token, so that positions count UTF-16 units through the compressed form.
    const text = `// résumé 😀 ✓\nconst token = '${ACCESS_SANDBOX}';\n`;
    const opened = await server.openAndDiagnose(uri, 'typescript', text);
    const tokenRange = rangeOf(text, ACCESS_SANDBOX);
    assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range]), [['hardcoded-token', tokenRange]]);

    const hover = await withDeadline(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: tokenRange.start }), 'hover');
    assert.match((hover?.contents as MarkupContent).value, /access token/i);
    assert.deepEqual(hover?.range, tokenRange);

    const from = server.diagnostics.mark();
    const line = "const url = 'https://development.plaid.com';\n";
    await server.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: line }]);
    const edited = await server.diagnosticsFor(uri, from);
    // The same text opened afresh is the reference: the first edit of a resting document must not change a finding.
    const fresh = await server.openAndDiagnose(fixtureUri('typing/resting-copy.ts'), 'typescript', server.text(uri));
    const codesAndRanges = (p: typeof fresh): [unknown, unknown][] => p.diagnostics.map((d) => [d.code, d.range]);
    assert.ok(codesAndRanges(edited).some(([code]) => code === 'development-environment'));
    assert.deepEqual(codesAndRanges(edited), codesAndRanges(fresh));
  });

  test('Should publish every scan it computes, and end on the last version of a burst of edits', async () => {
    const uri = fixtureUri('typing/burst.py');
    await server.openAndDiagnose(uri, 'python', 'host = plaid.Environment.\n');
    await server.logs.waitFor((l) => l.message.includes('burst.py v1:'), 'the log line of the first scan');
    const from = server.diagnostics.mark();
    const logFrom = server.logs.mark();
    for (const char of 'Development') {
      const end = server.text(uri).indexOf('\n');
      await server.change(uri, [{ range: { start: { line: 0, character: end }, end: { line: 0, character: end } }, text: char }]);
    }
    const last = await server.diagnosticsFor(uri, from);
    assert.equal(last.version, 12);
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['development-environment']);
    await server.logs.waitFor((l) => l.message.includes(`burst.py v12`), 'the log line of the last scan', logFrom);
    const scanned = server.logs.items
      .slice(logFrom)
      .map((l) => /burst\.py v(\d+):/.exec(l.message)?.[1])
      .filter((v): v is string => v !== undefined)
      .map(Number);
    const published = server.diagnostics.items.slice(from).filter((p) => p.uri === uri).map((p) => p.version);
    assert.ok(scanned.length > 0);
    assert.deepEqual(published, scanned, 'each computed scan is published, in order');
  });

  test('Should say once, at 0:0, that a file over plaidLens.maxFileSizeKB was not scanned', async () => {
    await server.changeSettings({ maxFileSizeKB: 1 });
    const uri = fixtureUri('typing/large.js');
    const text = `const url = 'https://development.plaid.com';\n${'// filler line to pass one KiB\n'.repeat(40)}`;
    const published = await server.openAndDiagnose(uri, 'javascript', text);
    assert.equal(published.diagnostics.length, 1);
    const [notice] = published.diagnostics;
    assert.equal(notice!.severity, DiagnosticSeverity.Information);
    assert.deepEqual(notice!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(typeof notice!.message, 'string');
    assert.match(notice!.message as string, /did not scan this file: it is 2 KiB, over the limit of 1 KiB set by plaidLens\.maxFileSizeKB/);

    const from = server.diagnostics.mark();
    await server.changeSettings({ maxFileSizeKB: 1024 });
    const rescanned = await server.diagnosticsFor(uri, from);
    assert.deepEqual(rescanned.diagnostics.map((d) => d.code), ['development-environment']);
  });

  test('Should take severities from plaidLens.rules, and drop rules set to off', async () => {
    const uri = fixtureUri('plaid-client.js');
    await server.changeSettings({ rules: { 'hardcoded-client-id': 'error', 'hardcoded-secret': 'off' } });
    const published = await server.openAndDiagnose(uri, 'javascript', fixtureText('plaid-client.js'));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity]).sort(),
      [
        ['development-environment', DiagnosticSeverity.Error],
        ['hardcoded-client-id', DiagnosticSeverity.Error],
      ],
    );
  });

  test('Should report nothing while plaidLens.enable is false, and everything again once it is true', async () => {
    const uri = fixtureUri('plaid-client.js');
    let from = server.diagnostics.mark();
    await server.changeSettings({ enable: false });
    assert.deepEqual((await server.diagnosticsFor(uri, from)).diagnostics, []);
    from = server.diagnostics.mark();
    await server.changeSettings({});
    assert.equal((await server.diagnosticsFor(uri, from)).diagnostics.length, 3);
  });
});
