/**
 * Quick fixes over a real connection: the titles offered for each finding and the text that results from applying
 * them, including the ignore comments, which must silence the finding on the next scan.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyToText } from './edits';
import { ACCESS_SANDBOX, fixtureText, fixtureUri, MALFORMED } from './fixtures';
import { TestServer } from './harness';

function byCode(published: PublishDiagnosticsParams, code: string): Diagnostic {
  const found = published.diagnostics.find((d) => d.code === code);
  assert.ok(found, `no ${code} diagnostic`);
  return found;
}

suite('LSP quick fixes', () => {
  let server: TestServer;

  suiteSetup(async () => {
    server = await TestServer.start();
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  test('Should offer Sandbox and Production for a Development URL, then the two ignore comments', async () => {
    const uri = fixtureUri('fixes/url.js');
    const text = "const client = connect('https://development.plaid.com');\n";
    const published = await server.openAndDiagnose(uri, 'javascript', text);
    const actions = await server.quickFixes(uri, published.diagnostics);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Switch to Production (`production`)',
        'Switch to Sandbox (`sandbox`)',
        'Ignore "development-environment" on this line',
        'Ignore "development-environment" in this file',
      ],
    );
    assert.ok(actions.every((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'development-environment'));
    assert.equal(applyToText(actions[1]!.edit!, uri, text), "const client = connect('https://sandbox.plaid.com');\n");
    assert.equal(applyToText(actions[0]!.edit!, uri, text), "const client = connect('https://production.plaid.com');\n");
  });

  const sdkCases = [
    { file: 'settings.py', languageId: 'python', before: 'plaid.Environment.Development', after: 'plaid.Environment.Sandbox' },
    { file: 'main.go', languageId: 'go', before: 'plaid.Development', after: 'plaid.Sandbox' },
    { file: 'PlaidConfig.java', languageId: 'java', before: 'ApiClient.Development', after: 'ApiClient.Sandbox' },
    { file: 'plaid.rb', languageId: 'ruby', before: 'Environment["development"]', after: 'Environment["sandbox"]' },
    { file: '.env.staging', languageId: 'dotenv', before: 'PLAID_ENV=development', after: 'PLAID_ENV=sandbox' },
  ];
  for (const { file, languageId, before, after } of sdkCases) {
    test(`Should switch ${before} to Sandbox in the SDK's own spelling (${languageId})`, async () => {
      const uri = fixtureUri(file);
      const text = fixtureText(file);
      const published = await server.openAndDiagnose(uri, languageId, text);
      const diagnostic = published.diagnostics.find((d) => d.code === 'development-environment')!;
      const actions = await server.quickFixes(uri, [diagnostic]);
      const sandbox = actions.find((a) => a.title.startsWith('Switch to Sandbox'));
      assert.ok(sandbox, actions.map((a) => a.title).join(' | '));
      assert.equal(applyToText(sandbox.edit!, uri, text), text.replace(before, after));
    });
  }

  test('Should replace a mistyped environment with the suggestion, marked preferred', async () => {
    const uri = fixtureUri('settings.py');
    const text = fixtureText('settings.py');
    const published = await server.diagnosticsFor(uri);
    const actions = await server.quickFixes(uri, [byCode(published, 'malformed-token')]);
    const replace = actions.find((a) => a.title === 'Replace with `production`');
    assert.ok(replace);
    assert.equal(replace.isPreferred, true);
    assert.equal(applyToText(replace.edit!, uri, text), text.replace(MALFORMED, MALFORMED.replace('-prod-', '-production-')));
  });

  test('Should lowercase an uppercase UUID, sending the token text only once the fix is picked', async () => {
    const uri = fixtureUri('fixes/upper.ts');
    const upper = 'access-sandbox-' + ACCESS_SANDBOX.slice('access-sandbox-'.length).toUpperCase();
    const text = `const access_token = '${upper}';\n`;
    const published = await server.openAndDiagnose(uri, 'typescript', text);
    const actions = await server.quickFixes(uri, [byCode(published, 'malformed-token')]);
    const lowercase = actions.find((a) => a.title === 'Lowercase the UUID');
    assert.ok(lowercase, actions.map((a) => a.title).join(' | '));
    assert.equal(lowercase.isPreferred, true);
    assert.equal(lowercase.edit, undefined);
    assert.ok(!JSON.stringify(actions).toLowerCase().includes(ACCESS_SANDBOX.slice(-12)), 'no part of the UUID is listed');
    const resolved = await server.resolve(lowercase);
    assert.equal(applyToText(resolved.edit!, uri, text), `const access_token = '${ACCESS_SANDBOX}';\n`);
  });

  const ignoreCases = [
    { languageId: 'python', file: 'fixes/ignore.py', text: 'def make():\n    host = plaid.Environment.Development\n', comment: '    # plaid-lens-disable-next-line development-environment\n' },
    { languageId: 'markdown', file: 'fixes/ignore.md', text: 'Use https://development.plaid.com here.\n', comment: '<!-- plaid-lens-disable-next-line development-environment -->\n' },
    { languageId: 'typescript', file: 'fixes/ignore.ts', text: 'if (x) {\n\tbase = PlaidEnvironments.development;\n}\n', comment: '\t// plaid-lens-disable-next-line development-environment\n' },
    { languageId: 'toml', file: 'fixes/ignore.toml', text: '[plaid]\nhost = "https://development.plaid.com"\n', comment: '# plaid-lens-disable-next-line development-environment\n' },
    { languageId: 'ini', file: 'fixes/ignore.ini', text: '[plaid]\nhost = https://development.plaid.com\n', comment: '; plaid-lens-disable-next-line development-environment\n' },
    { languageId: 'sql', file: 'fixes/ignore.sql', text: "INSERT INTO hosts VALUES ('https://development.plaid.com');\n", comment: '-- plaid-lens-disable-next-line development-environment\n' },
    { languageId: 'css', file: 'fixes/ignore.css', text: '.logo {\n  background: url("https://development.plaid.com/logo.png");\n}\n', comment: '  /* plaid-lens-disable-next-line development-environment */\n' },
    { languageId: 'html', file: 'fixes/ignore.html', text: '<p>\n  <a href="https://development.plaid.com">Plaid</a>\n</p>\n', comment: '  <!-- plaid-lens-disable-next-line development-environment -->\n' },
    { languageId: 'jsonc', file: 'fixes/settings.json', text: '{\n  "plaid.host": "https://development.plaid.com"\n}\n', comment: '  // plaid-lens-disable-next-line development-environment\n' },
  ];
  for (const { languageId, file, text, comment } of ignoreCases) {
    test(`Should ignore a finding on its line with an indented ${languageId} comment that silences it`, async () => {
      const uri = fixtureUri(file);
      const published = await server.openAndDiagnose(uri, languageId, text);
      const line = published.diagnostics[0]!.range.start.line;
      const actions = await server.quickFixes(uri, published.diagnostics);
      const ignore = actions.find((a) => a.title === 'Ignore "development-environment" on this line')!;
      const fixed = applyToText(ignore.edit!, uri, text);
      const lines = text.split('\n');
      assert.equal(fixed, [...lines.slice(0, line), comment.slice(0, -1), ...lines.slice(line)].join('\n'));
      const from = server.diagnostics.mark();
      await server.change(uri, [{ text: fixed }]);
      assert.deepEqual((await server.diagnosticsFor(uri, from)).diagnostics, [], 'the comment silences the finding');
    });
  }

  test('Should ignore a rule in the whole file with one comment at the top, kept below a shebang', async () => {
    const uri = fixtureUri('fixes/script.py');
    const text = '#!/usr/bin/env python3\nA = plaid.Environment.Development\nB = plaid.Environment.Development\n';
    const published = await server.openAndDiagnose(uri, 'python', text);
    assert.equal(published.diagnostics.length, 2);
    const actions = await server.quickFixes(uri, published.diagnostics);
    const fileWide = actions.filter((a) => a.title === 'Ignore "development-environment" in this file');
    assert.equal(fileWide.length, 1, 'one file-wide action for both findings');
    assert.equal(fileWide[0]!.diagnostics!.length, 2);
    const fixed = applyToText(fileWide[0]!.edit!, uri, text);
    assert.equal(fixed, '#!/usr/bin/env python3\n# plaid-lens-disable development-environment\n' + text.split('\n').slice(1).join('\n'));
    const from = server.diagnostics.mark();
    await server.change(uri, [{ text: fixed }]);
    assert.deepEqual((await server.diagnosticsFor(uri, from)).diagnostics, []);
  });

  test('Should keep offering a fix after unrelated edits, and drop fixes whose place moved', async () => {
    const uri = fixtureUri('fixes/stale.js');
    const text = "const url = 'https://development.plaid.com';\n";
    const published = await server.openAndDiagnose(uri, 'javascript', text);
    const stale = published.diagnostics[0]!;
    let from = server.diagnostics.mark();
    await server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// more\n' }]);
    await server.diagnosticsFor(uri, from);
    const still = await server.quickFixes(uri, [stale]);
    assert.ok(still.some((a) => a.title.startsWith('Switch to Sandbox')), 'same finding at the same place: fix kept');

    from = server.diagnostics.mark();
    await server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await server.diagnosticsFor(uri, from);
    const moved = await server.quickFixes(uri, [stale]);
    assert.deepEqual(moved.map((a) => a.title), ['Ignore "development-environment" on this line', 'Ignore "development-environment" in this file']);
  });

  test('Should offer nothing for other kinds, other sources, or a JSON file that cannot hold a comment', async () => {
    const uri = fixtureUri('fixes/url.js');
    const published = await server.diagnosticsFor(uri);
    assert.deepEqual(await server.quickFixes(uri, published.diagnostics, ['refactor']), []);
    const foreign = { ...published.diagnostics[0]!, source: 'eslint' };
    assert.deepEqual(await server.quickFixes(uri, [foreign]), []);
    const jsonUri = fixtureUri('fixes/config.json');
    const json = await server.openAndDiagnose(jsonUri, 'json', '{ "url": "https://development.plaid.com" }\n');
    const titles = (await server.quickFixes(jsonUri, json.diagnostics)).map((a) => a.title);
    assert.deepEqual(titles, ['Switch to Production (`production`)', 'Switch to Sandbox (`sandbox`)']);
  });

  const noCommentCases = [
    { what: 'a .json file opened as plain text', file: 'fixes/plain.json', languageId: 'plaintext' },
    { what: 'a file in a language whose comments Plaid Lens does not know', file: 'fixes/Program.cs', languageId: 'csharp' },
  ];
  for (const { what, file, languageId } of noCommentCases) {
    test(`Should offer no ignore comment for ${what}, only the fixes`, async () => {
      const uri = fixtureUri(file);
      const published = await server.openAndDiagnose(uri, languageId, 'var url = "https://development.plaid.com";\n');
      assert.ok(published.diagnostics.length > 0, 'the URL is reported');
      const titles = (await server.quickFixes(uri, published.diagnostics)).map((a) => a.title);
      assert.deepEqual(titles, ['Switch to Production (`production`)', 'Switch to Sandbox (`sandbox`)']);
    });
  }
});
