/**
 * `plaidLens/scanWorkspace` over a real stdio connection: which files it scans, the diagnostics it publishes, the
 * counts and masked tokens it answers, the work-done progress it reports, and cancellation.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  LSPErrorCodes,
  ResponseError,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ProgressToken,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { findTokens, scan } from '../../server/src/engine';
import { MAX_SCAN_TOKENS, ScanWorkspaceRequest, type ScannedToken, type ScanWorkspaceResult } from '../../server/src/protocol';
import { ACCESS_PRODUCTION, ACCESS_SANDBOX, PUBLIC_SANDBOX, SECRET, SENSITIVE } from './fixtures';
import { fileUri, fullCapabilities, TestServer, withDeadline } from './harness';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

const DEV_URL = 'https://development.plaid.com';

/** Files that are scanned, with their text; the expected findings come from the engine itself. */
const SCANNED: Record<string, string> = {
  'src/plaid.ts': [
    "import { Configuration, PlaidEnvironments } from 'plaid';",
    'export const config = new Configuration({ basePath: PlaidEnvironments.production });',
    `export const legacy = '${DEV_URL}';`,
    `export const accessToken = '${ACCESS_PRODUCTION}';`,
    '',
  ].join('\n'),
  'config/settings.py': "import plaid\nPLAID_ENV = 'development'\n",
  'config/secrets.yaml': `plaid:\n  secret: ${SECRET}\n`,
  'src/link.js': `// Link\nfunction start() {\n  const link = { public_token: '${PUBLIC_SANDBOX}' };\n}\n`,
  'docs/setup.md': `Plaid used to offer ${DEV_URL} for testing.\n`,
  '.gitignore': 'build/\n',
  ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`lib/util${i}.js`, `module.exports = ${i};\n`])),
};

/** Files that are listed but skipped: binary, and over the size limit set in the settings. */
const SKIPPED: Record<string, string | Buffer> = {
  'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  'data/huge.txt': `${DEV_URL}\naccess_token = '${ACCESS_SANDBOX}'\n${'x'.repeat(3 * 1024)}\n`,
};

/** Files the walk never lists: ignored by .gitignore, inside node_modules. */
const UNLISTED: Record<string, string> = {
  'build/out.js': `const url = '${DEV_URL}';\nconst accessToken = '${ACCESS_SANDBOX}';\n`,
  'node_modules/plaid/index.js': `const url = '${DEV_URL}';\n`,
};

/** The rule of every finding the engine reports for a scanned file. */
function expectedRules(relative: string): string[] {
  return scan(SCANNED[relative]!, { fileName: relative }).map((f) => f.rule);
}

/** The 0-based line and UTF-16 character of an offset. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** The tokens the scan must list for a scanned file: the engine's, placed here by line and character. */
function expectedTokens(relative: string, uri: string): ScannedToken[] {
  const text = SCANNED[relative]!;
  return findTokens(text).map(({ range, type, environment, masked }) => ({
    uri,
    range: { start: positionOf(text, range.start), end: positionOf(text, range.end) },
    type,
    environment,
    masked,
  }));
}

/** The text a token's range covers in a file on disk. */
function textAt(file: string, { range }: ScannedToken): string {
  assert.equal(range.start.line, range.end.line, 'a token sits on one line');
  return fs.readFileSync(file, 'utf8').split('\n')[range.start.line]!.slice(range.start.character, range.end.character);
}

/** Tokens in a stable order, since the walk decides the order of files. */
function sorted(tokens: readonly ScannedToken[]): ScannedToken[] {
  return [...tokens].sort((a, b) => a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
}

/** Collects the work-done progress a token receives. */
function watchProgress(server: TestServer, token: ProgressToken): ProgressValue[] {
  const values: ProgressValue[] = [];
  server.connection.onProgress(WorkDoneProgress.type, token, (value) => {
    values.push(value);
  });
  return values;
}

suite('LSP workspace scan', () => {
  let root: string;
  let server: TestServer;
  /** What the client does when the server asks for a progress token; each test may set its own. */
  let onCreate: (token: ProgressToken) => void = () => undefined;
  const uriOf = (relative: string) => fileUri(path.join(root, relative));

  suiteSetup(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-workspace-'));
    // A folder of its own for git, so that the repository this test runs in does not lend it its .gitignore.
    fs.mkdirSync(path.join(root, '.git'));
    writeFiles(root, { ...SCANNED, ...SKIPPED, ...UNLISTED });
    const capabilities = { ...fullCapabilities(), window: { workDoneProgress: true } };
    server = await TestServer.start({ folders: [root], capabilities, settings: { maxFileSizeKB: 2 } });
    server.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => onCreate(token));
  });

  teardown(() => {
    onCreate = () => undefined;
  });

  suiteTeardown(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('Should scan every listed file, publish the findings of each and answer the counts, with progress to 100%', async () => {
    const values = watchProgress(server, 'scan-1');
    const from = server.diagnostics.mark();
    const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, { workDoneToken: 'scan-1' }), 'the scan result');
    const findings = Object.keys(SCANNED).reduce((n, relative) => n + expectedRules(relative).length, 0);
    const filesWithFindings = Object.keys(SCANNED).filter((relative) => expectedRules(relative).length > 0).length;
    const { tokens, ...counts } = result;
    assert.deepEqual(counts, {
      files: Object.keys(SCANNED).length,
      findings,
      filesWithFindings,
      skipped: Object.keys(SKIPPED).length,
      tokensOmitted: 0,
    } satisfies Omit<ScanWorkspaceResult, 'tokens'>);
    assert.deepEqual(sorted(tokens), sorted(Object.keys(SCANNED).flatMap((relative) => expectedTokens(relative, uriOf(relative)))));
    for (const relative of Object.keys(SCANNED).filter((r) => expectedRules(r).length > 0)) {
      const published = await server.diagnostics.waitFor((p) => p.uri === uriOf(relative), `diagnostics of ${relative}`, from);
      assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), expectedRules(relative).sort(), relative);
      assert.equal(published.version, undefined, 'a file that is not open has no version');
    }
    const publishedUris = server.diagnostics.items.slice(from).map((p) => p.uri);
    for (const relative of [...Object.keys(UNLISTED), ...Object.keys(SKIPPED), 'lib/util0.js']) {
      assert.ok(!publishedUris.includes(uriOf(relative)), `nothing is published for ${relative}`);
    }
    assert.equal(values[0]?.kind, 'begin');
    assert.equal((values[0] as WorkDoneProgressBegin).percentage, 0);
    const reports = values.filter((v): v is WorkDoneProgressReport => v.kind === 'report');
    assert.ok(reports.length > 0, 'at least one report');
    assert.deepEqual(reports.map((r) => r.percentage), [...reports.map((r) => r.percentage!)].sort((a, b) => a - b), 'the percentage only grows');
    assert.equal(reports[reports.length - 1]!.percentage, 100);
    assert.equal(values[values.length - 1]?.kind, 'end');
  });

  test('Should answer the tokens of the scanned files masked, each with the range of the token in its file', async () => {
    const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, {}), 'the scan result');
    const planted = [
      { relative: 'src/plaid.ts', raw: ACCESS_PRODUCTION, masked: /^access-production-…[0-9a-f]{4}$/ },
      { relative: 'src/link.js', raw: PUBLIC_SANDBOX, masked: /^public-sandbox-…[0-9a-f]{4}$/ },
    ];
    for (const { relative, raw, masked } of planted) {
      const listed = result.tokens.filter((t) => t.uri === uriOf(relative));
      assert.equal(listed.length, 1, `one token listed for ${relative}`);
      assert.match(listed[0]!.masked, masked);
      assert.equal(textAt(path.join(root, relative), listed[0]!), raw, `the range of the token in ${relative}`);
    }
    const listedUris = new Set(result.tokens.map((t) => t.uri));
    for (const relative of [...Object.keys(UNLISTED), ...Object.keys(SKIPPED)]) assert.ok(!listedUris.has(uriOf(relative)), `no token from ${relative}`);
    const json = JSON.stringify(result);
    for (const value of SENSITIVE) assert.ok(!json.includes(value), `the result holds ${value.slice(0, 6)}… whole`);
  });

  test('Should list at most MAX_SCAN_TOKENS tokens, across files, and count the ones left out', async () => {
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-many-tokens-'));
    const perFile = 6_000;
    // Made-up tokens of distinct, well-formed v4 uuids, one per line.
    const tokenLines = (file: number) =>
      Array.from({ length: perFile }, (_, i) => `access-sandbox-6c1d8e2f-4a7b-4e9c-8d3a-${file}${i.toString(16).padStart(11, '0')}`).join('\n');
    try {
      fs.mkdirSync(path.join(many, '.git'));
      writeFiles(many, { 'a.txt': tokenLines(1), 'b.txt': tokenLines(2) });
      // Big enough files, and no findings, so only the token list is large.
      await server.changeSettings({ maxFileSizeKB: 1024, rules: { 'hardcoded-token': 'off' } });
      const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, { folders: [fileUri(many)] }), 'the scan result');
      assert.equal(result.files, 2);
      assert.equal(result.tokens.length, MAX_SCAN_TOKENS);
      assert.equal(result.tokensOmitted, 2 * perFile - MAX_SCAN_TOKENS);
      assert.equal(new Set(result.tokens.map((t) => `${t.uri}:${t.range.start.line}`)).size, MAX_SCAN_TOKENS, 'each token listed once');
      assert.ok(result.tokens.every((t) => /^access-sandbox-…[0-9a-f]{4}$/.test(t.masked)), 'every token masked');
    } finally {
      await server.changeSettings({ maxFileSizeKB: 2 });
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  test('Should clear the diagnostics of a file found clean by a later scan', async () => {
    fs.writeFileSync(path.join(root, 'config/settings.py'), "import plaid\nPLAID_ENV = 'sandbox'\n");
    const from = server.diagnostics.mark();
    await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, {}), 'the second scan result');
    const cleared = await server.diagnostics.waitFor((p) => p.uri === uriOf('config/settings.py'), 'diagnostics of settings.py', from);
    assert.deepEqual(cleared.diagnostics, []);
    fs.writeFileSync(path.join(root, 'config/settings.py'), SCANNED['config/settings.py']!);
  });

  test('Should leave an open document to its live diagnostics and count it as skipped', async () => {
    const relative = 'src/plaid.ts';
    await server.openAndDiagnose(uriOf(relative), 'typescript', SCANNED[relative]!);
    const from = server.diagnostics.mark();
    const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, {}), 'the scan result');
    assert.equal(result.skipped, Object.keys(SKIPPED).length + 1);
    assert.equal(result.files, Object.keys(SCANNED).length - 1);
    assert.ok(!server.diagnostics.items.slice(from).some((p) => p.uri === uriOf(relative)), 'the open document gets nothing from the scan');
    assert.ok(!result.tokens.some((t) => t.uri === uriOf(relative)), 'the open document lists its tokens itself');
    assert.ok(result.tokens.some((t) => t.uri === uriOf('src/link.js')), 'the other files still list theirs');
    await server.close(uriOf(relative));
  });

  test('Should report progress on a token it creates itself when the client sends none', async () => {
    let values: ProgressValue[] = [];
    const created = new Promise<ProgressToken>((resolve) => {
      onCreate = (token) => {
        values = watchProgress(server, token);
        resolve(token);
      };
    });
    const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, {}), 'the scan result');
    await withDeadline(created, 'window/workDoneProgress/create');
    assert.equal(result.files, Object.keys(SCANNED).length);
    assert.deepEqual([values[0]?.kind, values[values.length - 1]?.kind], ['begin', 'end']);
    assert.equal((values[0] as WorkDoneProgressBegin).cancellable, true);
  });

  test('Should stop and answer RequestCancelled when the client cancels, ending its progress', async () => {
    const source = new CancellationTokenSource();
    let values: ProgressValue[] = [];
    // The client cancels while the server waits for its progress token, so the scan is cancelled before it ends.
    onCreate = (token) => {
      values = watchProgress(server, token);
      source.cancel();
    };
    const from = server.diagnostics.mark();
    const outcome = await withDeadline(
      server.connection.sendRequest(ScanWorkspaceRequest.type, {}, source.token).then(
        () => undefined,
        (error: unknown) => error,
      ),
      'the cancelled scan',
    );
    assert.ok(outcome instanceof ResponseError, `a ResponseError, not ${String(outcome)}`);
    assert.equal(outcome.code, LSPErrorCodes.RequestCancelled);
    assert.deepEqual(values.map((v) => v.kind), ['begin', 'end']);
    assert.deepEqual(server.diagnostics.items.slice(from), [], 'a cancelled scan publishes nothing');
  });
});

suite('LSP workspace scan: notes on skipped files', () => {
  let root: string;
  let server: TestServer;

  suiteSetup(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-notes-'));
    fs.mkdirSync(path.join(root, '.git'));
    writeFiles(root, { 'big/huge.txt': `${DEV_URL}\n${'x'.repeat(3 * 1024)}\n`, 'small.txt': `${DEV_URL}\n` });
    server = await TestServer.start({ folders: [root], trace: 'verbose', settings: { maxFileSizeKB: 1, trace: { server: 'verbose' } } });
  });

  suiteTeardown(async () => {
    await server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('Should log a file over the limit naming the plaidLens.maxFileSizeKB setting and KiB, not the CLI option', async () => {
    const from = server.logs.mark();
    const result = await withDeadline(server.connection.sendRequest(ScanWorkspaceRequest.type, {}), 'the scan result');
    assert.deepEqual([result.files, result.skipped], [1, 1]);
    const sizeKiB = Math.ceil(fs.statSync(path.join(root, 'big/huge.txt')).size / 1024);
    const note = await server.logs.waitFor((l) => l.message.includes('huge.txt'), 'the note on huge.txt', from);
    assert.equal(note.message, `Workspace scan: ${path.join('big', 'huge.txt')}: skipped, ${sizeKiB} KiB is over the 1 KiB limit (plaidLens.maxFileSizeKB)`);
  });
});
