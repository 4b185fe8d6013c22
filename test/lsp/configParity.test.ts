/**
 * Live diagnostics and `plaidLens/scanWorkspace` read `.plaidlens.json` files the same way: the same file under the
 * same configs gets the same findings open or scanned, the search stops at the workspace folder, the `ignore`
 * globs of every config above a file apply, and a broken config warns once and leaves the defaults in force.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, MessageType, type Diagnostic } from 'vscode-languageserver-protocol';
import { ScanWorkspaceRequest, type ScanWorkspaceResult } from '../../server/src/protocol';
import { CLIENT_ID, SECRET } from './fixtures';
import { fileUri, TestServer, withDeadline } from './harness';

const SOURCE = `const PLAID_SECRET = '${SECRET}';\nconst clientId = '${CLIENT_ID}';\n`;

const { Error, Warning, Information, Hint } = DiagnosticSeverity;
const DEFAULTS = [`hardcoded-client-id:${Warning}`, `hardcoded-secret:${Error}`];

/** Above the workspace folder: it would silence every file, were the search to go past the folder. */
const OUTSIDE_CONFIG = JSON.stringify({ ignore: ['**'], rules: { 'hardcoded-secret': 'off', 'hardcoded-client-id': 'off' } });

/** The workspace's config files, nested. */
const CONFIGS: Record<string, string> = {
  'app/.plaidlens.json': JSON.stringify({
    rules: { 'hardcoded-client-id': 'error' },
    overrides: [{ files: ['test/**'], rules: { 'hardcoded-secret': 'hint' } }],
    ignore: ['vendor/', 'generated/'],
  }),
  // Under an ignored folder: it cannot bring its folder back.
  'app/generated/.plaidlens.json': '{}',
  // The nearest config gives the rules alone; the parent's `ignore` still applies below it.
  'app/sub/.plaidlens.json': JSON.stringify({ rules: { 'hardcoded-secret': 'info' }, ignore: ['*.local.js'] }),
};

/** Each source file and what it must get, open or scanned: its rule codes and severities, or `ignored`. */
const EXPECTED: Record<string, string[] | 'ignored'> = {
  'plain.js': DEFAULTS,
  'app/a.js': [`hardcoded-client-id:${Error}`, `hardcoded-secret:${Error}`],
  'app/test/t.js': [`hardcoded-client-id:${Error}`, `hardcoded-secret:${Hint}`],
  'app/generated/g.js': 'ignored',
  'app/sub/s.js': [`hardcoded-client-id:${Warning}`, `hardcoded-secret:${Information}`],
  'app/sub/s.local.js': 'ignored',
  'app/sub/vendor/v.js': 'ignored',
};

/** The rule codes and severities of diagnostics, sorted. */
function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}:${d.severity}`).sort();
}

/** What a finding is, whoever published it: live diagnostics also carry fix data and a version, which a scan has not. */
function findings(diagnostics: readonly Diagnostic[]): unknown[] {
  return diagnostics
    .map(({ range, code, severity, message, tags }) => ({ range, code, severity, message, tags }))
    .sort((a, b) => a.range.start.line - b.range.start.line || String(a.code).localeCompare(String(b.code)));
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
}

function scanFolder(server: TestServer, folder: string): Promise<ScanWorkspaceResult> {
  return withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, { folders: [fileUri(folder)] }), 'the scan result');
}

suite('LSP .plaidlens.json: the same findings open and in a workspace scan', () => {
  let outer: string;
  let workspace: string;
  let broken: string;
  let brokenConfig: string;
  let server: TestServer;

  suiteSetup(async () => {
    outer = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-parity-'));
    workspace = path.join(outer, 'ws');
    broken = path.join(outer, 'broken');
    fs.writeFileSync(path.join(outer, '.plaidlens.json'), OUTSIDE_CONFIG);
    const sources = Object.fromEntries(Object.keys(EXPECTED).map((relative) => [relative, SOURCE]));
    writeTree(workspace, { ...CONFIGS, ...sources });
    brokenConfig = path.join(broken, '.plaidlens.json');
    writeTree(broken, {
      // Broken, so its `ignore` does not apply either: it counts as `{}`.
      '.plaidlens.json': '{\n  "rules": { "hardcoded-secret": "loud" },\n  "ignore": ["*.gen.js"]\n}\n',
      'a.js': SOURCE,
      'b.gen.js': SOURCE,
      'lib/.plaidlens.json': '{ "rules": { "hardcoded-client-id": "off" } }',
      'lib/l.js': SOURCE,
    });
    // Folders of their own for git, so that no repository around the temporary folder lends them its .gitignore.
    for (const folder of [workspace, broken]) fs.mkdirSync(path.join(folder, '.git'));
    server = await TestServer.start({ folders: [workspace, broken] });
  });

  suiteTeardown(async () => {
    await server.stop();
    fs.rmSync(outer, { recursive: true, force: true });
  });

  test('Should give each file the findings of its configs, the same in a workspace scan and when opened', async () => {
    const from = server.diagnostics.mark();
    const result = await scanFolder(server, workspace);
    const scannedSources = Object.values(EXPECTED).filter((e) => e !== 'ignored').length;
    const listedConfigs = Object.keys(CONFIGS).filter((c) => !c.includes('generated/')).length;
    assert.equal(result.files, scannedSources + listedConfigs, 'ignored files are not even listed');
    assert.equal(result.skipped, 0);
    const published = server.diagnostics.items.slice(from);
    for (const [relative, expected] of Object.entries(EXPECTED)) {
      const uri = fileUri(path.join(workspace, relative));
      const fromScan = published.filter((p) => p.uri === uri);
      if (expected === 'ignored') {
        assert.deepEqual(fromScan, [], `the scan publishes nothing for ${relative}`);
        const live = await server.openAndDiagnose(uri, 'javascript', SOURCE);
        assert.deepEqual(live.diagnostics, [], `${relative} is ignored when open too`);
      } else {
        assert.equal(fromScan.length, 1, `one publish for ${relative}`);
        assert.deepEqual(codes(fromScan[0]!.diagnostics), expected, `${relative} in the scan`);
        const live = await server.openAndDiagnose(uri, 'javascript', SOURCE);
        assert.deepEqual(findings(live.diagnostics), findings(fromScan[0]!.diagnostics), `${relative} open and scanned`);
      }
      await server.close(uri);
    }
    assert.deepEqual(server.messages.items, [], 'valid configs, nothing to warn about');
  });

  test('Should warn once about a broken config in a workspace scan and scan on the defaults, not fail', async () => {
    const from = server.diagnostics.mark();
    const result = await scanFolder(server, broken);
    assert.equal(result.skipped, 0);
    const published = server.diagnostics.items.slice(from);
    const fromScan = (relative: string) => published.find((p) => p.uri === fileUri(path.join(broken, relative)))?.diagnostics ?? [];
    assert.deepEqual(codes(fromScan('a.js')), DEFAULTS);
    assert.deepEqual(codes(fromScan('b.gen.js')), DEFAULTS, 'the broken file ignores nothing');
    assert.deepEqual(codes(fromScan('lib/l.js')), [`hardcoded-secret:${Error}`], 'a valid config below it still applies');
    const warnings = server.messages.items.filter((m) => m.message.includes(brokenConfig));
    assert.equal(warnings.length, 1, warnings.map((w) => w.message).join(' | '));
    assert.equal(warnings[0]!.type, MessageType.Warning);
    assert.match(warnings[0]!.message, /\.plaidlens\.json:2:\d+: rules\.hardcoded-secret: /);
  });

  test('Should not warn again about the same broken config, in a second scan or when a file under it is opened', async () => {
    await scanFolder(server, broken);
    const uri = fileUri(path.join(broken, 'a.js'));
    const live = await server.openAndDiagnose(uri, 'javascript', SOURCE);
    assert.deepEqual(codes(live.diagnostics), DEFAULTS);
    await server.close(uri);
    assert.equal(server.messages.items.filter((m) => m.message.includes(brokenConfig)).length, 1);
  });
});
