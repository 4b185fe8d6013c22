/**
 * Which files `plaid-lens scan` covers and with which settings: `.gitignore` (nested, with re-includes), the
 * folders it never enters, config `ignore`, `rules` and `overrides`, nested and explicit configs, broken configs;
 * and the config resolver the CLI shares with the editor, with the editor's options (a stop folder, broken files
 * reported instead of thrown).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { ConfigError } from '../../server/src/engine';
import { ConfigFailure, ConfigResolver } from '../../server/src/files/configs';
import { assertCliBuilt, DEV_URL_LINE, makeTempDir, removeTree, runCli, writeTree } from './cliHarness';

interface JsonFile {
  file: string;
  findings: { rule: string; severity: string; line: number }[];
}

/** File → severity of its development-environment finding, from a JSON report. */
async function severities(args: string[], cwd: string): Promise<Record<string, string>> {
  const run = await runCli(['scan', '--format', 'json', ...args], cwd);
  assert.notEqual(run.code, 2, run.stderr);
  const report = JSON.parse(run.stdout) as JsonFile[];
  return Object.fromEntries(report.map((f) => [f.file, f.findings.map((x) => x.severity).join(',')]));
}

async function scannedFiles(args: string[], cwd: string): Promise<string[]> {
  return Object.keys(await severities(args, cwd)).sort();
}

suite('CLI scan: which files are walked', () => {
  let root: string;

  suiteSetup(() => {
    assertCliBuilt();
    root = makeTempDir('walk');
    writeTree(root, {
      'repo/.gitignore': 'ignored-dir/\n*.gen.ts\n',
      'repo/a.ts': DEV_URL_LINE,
      'repo/local.ts': DEV_URL_LINE,
      'repo/b.gen.ts': DEV_URL_LINE,
      'repo/ignored-dir/x.ts': DEV_URL_LINE,
      'repo/sub/.gitignore': 'local.ts\n!keep.gen.ts\n',
      'repo/sub/c.ts': DEV_URL_LINE,
      'repo/sub/local.ts': DEV_URL_LINE,
      'repo/sub/keep.gen.ts': DEV_URL_LINE,
      'repo/sub/other.gen.ts': DEV_URL_LINE,
      'repo/node_modules/pkg/index.js': DEV_URL_LINE,
      'repo/sub/node_modules/pkg/index.js': DEV_URL_LINE,
      'repo/.git/hooks/pre-commit.sh': DEV_URL_LINE,
    });
  });

  suiteTeardown(() => removeTree(root));

  test('Should honour .gitignore files, nested ones applying to their folder and re-including with !', async () => {
    assert.deepEqual(await scannedFiles(['repo'], root), ['repo/a.ts', 'repo/local.ts', 'repo/sub/c.ts', 'repo/sub/keep.gen.ts']);
  });

  test('Should apply the .gitignore files above a root up to the repository top', async () => {
    assert.deepEqual(await scannedFiles(['repo/sub'], root), ['repo/sub/c.ts', 'repo/sub/keep.gen.ts']);
  });

  test('Should scan a file named on the command line even when .gitignore lists it', async () => {
    assert.deepEqual(await scannedFiles(['repo/b.gen.ts'], root), ['repo/b.gen.ts']);
  });

  test('Should report a file once when roots overlap', async () => {
    const run = await runCli(['scan', '--format', 'json', 'repo', 'repo/sub', 'repo/a.ts'], root);
    const files = (JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file);
    assert.deepEqual(files, [...new Set(files)]);
    assert.deepEqual([...files].sort(), ['repo/a.ts', 'repo/local.ts', 'repo/sub/c.ts', 'repo/sub/keep.gen.ts']);
  });

  const shownPaths = [
    { cwd: 'repo', args: ['.'], files: ['a.ts', 'local.ts', 'sub/c.ts', 'sub/keep.gen.ts'] },
    { cwd: 'repo/sub', args: ['..'], files: ['../a.ts', '../local.ts', 'c.ts', 'keep.gen.ts'] },
    { cwd: 'repo/sub', args: ['../..'], files: ['../a.ts', '../local.ts', 'c.ts', 'keep.gen.ts'] },
    { cwd: 'repo/ignored-dir', args: ['../sub'], files: ['../sub/c.ts', '../sub/keep.gen.ts'] },
  ];
  for (const c of shownPaths) {
    test(`Should show paths relative to the working directory: ${c.args.join(' ')} from ${c.cwd}`, async () => {
      assert.deepEqual(await scannedFiles(c.args, path.join(root, c.cwd)), c.files);
    });
  }

  test('Should list files in a stable, sorted order', async () => {
    const first = await runCli(['scan', 'repo'], root);
    const second = await runCli(['scan', 'repo'], root);
    assert.equal(first.stdout, second.stdout);
    const paths = first.stdout.split('\n').filter((line) => line.startsWith('repo/'));
    assert.deepEqual(paths, ['repo/a.ts', 'repo/local.ts', 'repo/sub/c.ts', 'repo/sub/keep.gen.ts']);
  });
});

suite('CLI scan: configuration', () => {
  let root: string;

  suiteSetup(() => {
    assertCliBuilt();
    root = makeTempDir('config');
    writeTree(root, {
      'cfg/.plaidlens.json': JSON.stringify({
        rules: { 'development-environment': 'warning' },
        overrides: [{ files: ['tests/**'], rules: { 'development-environment': 'off' } }],
        ignore: ['generated/**', '*.snap.ts'],
      }),
      'cfg/src/a.ts': DEV_URL_LINE,
      'cfg/src/a.snap.ts': DEV_URL_LINE,
      'cfg/tests/t.ts': DEV_URL_LINE,
      'cfg/generated/g.ts': DEV_URL_LINE,
      // An ignored folder's own config cannot bring it back.
      'cfg/generated/.plaidlens.json': '{}',
      'cfg/nested/.plaidlens.json': `{
        // the nearest config wins, and its globs are relative to its own folder
        "rules": { "development-environment": "error" },
        "overrides": [{ "files": ["inner/**"], "rules": { "development-environment": "info" } }],
      }`,
      'cfg/nested/n.ts': DEV_URL_LINE,
      'cfg/nested/tests/t.ts': DEV_URL_LINE,
      'cfg/nested/inner/i.ts': DEV_URL_LINE,
      // Ignored by cfg/.plaidlens.json's `*.snap.ts`, though cfg/nested/.plaidlens.json is nearer.
      'cfg/nested/n.snap.ts': DEV_URL_LINE,
      'broken-rule/.plaidlens.json': '{\n  "rules": {\n    "malformed-tokn": "error"\n  }\n}\n',
      'broken-rule/a.ts': DEV_URL_LINE,
      'broken-rule/sub/b.ts': DEV_URL_LINE,
      'broken-json/.plaidlens.json': '{\n  "ignore": ["dist/**"]\n  "rules": {}\n}\n',
      'broken-json/a.ts': DEV_URL_LINE,
      'broken-type/.plaidlens.json': '{ "ignore": "vendor" }\n',
      'broken-type/a.ts': DEV_URL_LINE,
      'plain/a.ts': DEV_URL_LINE,
    });
  });

  suiteTeardown(() => removeTree(root));

  test('Should apply rules, overrides and ignore globs of the nearest .plaidlens.json', async () => {
    assert.deepEqual(await severities(['cfg'], root), {
      'cfg/src/a.ts': 'warning',
      'cfg/nested/n.ts': 'error',
      'cfg/nested/tests/t.ts': 'error',
      'cfg/nested/inner/i.ts': 'info',
    });
  });

  test('Should find the config above a scanned folder', async () => {
    assert.deepEqual(await severities(['cfg/src'], root), { 'cfg/src/a.ts': 'warning' });
  });

  test('Should look for the config above the working directory too, up to the root', async () => {
    assert.deepEqual(await severities(['.'], `${root}/cfg/src`), { 'a.ts': 'warning' });
  });

  test('Should apply the ignore globs of every config above a file, not only those of the nearest', async () => {
    assert.deepEqual(await scannedFiles(['cfg/nested'], root), ['cfg/nested/inner/i.ts', 'cfg/nested/n.ts', 'cfg/nested/tests/t.ts']);
    const run = await runCli(['scan', 'cfg/nested/n.snap.ts'], root);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /note: cfg\/nested\/n\.snap\.ts: skipped, matches an `ignore` glob in cfg\/\.plaidlens\.json/);
  });

  test('Should skip a file named on the command line that the config ignores, with a note', async () => {
    const run = await runCli(['scan', 'cfg/generated/g.ts'], root);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /note: cfg\/generated\/g\.ts: skipped, matches an `ignore` glob in cfg\/\.plaidlens\.json/);
  });

  test('Should use --config for every file instead of looking for one', async () => {
    assert.deepEqual(await severities(['--config', 'cfg/nested/.plaidlens.json', 'cfg/src', 'plain'], root), {
      'cfg/src/a.ts': 'error',
      'cfg/src/a.snap.ts': 'error',
      'plain/a.ts': 'error',
    });
  });

  const broken: { name: string; args: string[]; cwd?: string; error: RegExp }[] = [
    { name: 'an unknown rule', args: ['broken-rule'], error: /broken-rule\/\.plaidlens\.json:3:5: rules\.malformed-tokn: / },
    { name: 'invalid JSON', args: ['broken-json'], error: /broken-json\/\.plaidlens\.json:3:3: .*expected "," / },
    { name: 'a field of the wrong type', args: ['broken-type'], error: /broken-type\/\.plaidlens\.json:1:13: ignore: / },
    { name: 'a broken --config file', args: ['--config', 'broken-rule/.plaidlens.json', 'plain'], error: /broken-rule\/\.plaidlens\.json:3:5: rules\.malformed-tokn/ },
    { name: 'a broken config above the working directory', args: ['.'], cwd: 'broken-rule/sub', error: /^error: \.\.\/\.plaidlens\.json:3:5: rules\.malformed-tokn/m },
  ];
  for (const c of broken) {
    test(`Should exit 2 naming file, line, column and field for ${c.name}, and write no report`, async () => {
      const run = await runCli(['scan', ...c.args], c.cwd === undefined ? root : `${root}/${c.cwd}`);
      assert.equal(run.code, 2);
      assert.match(run.stderr, c.error);
      assert.equal(run.stdout, '');
    });
  }
});

suite('Config resolver, with the options the editor uses', () => {
  let root: string;
  const at = (relative: string): string => path.join(root, relative);

  suiteSetup(() => {
    root = makeTempDir('resolver');
    writeTree(root, {
      // Above the workspace folder `ws`.
      '.plaidlens.json': JSON.stringify({ rules: { 'hardcoded-token': 'off' }, ignore: ['*.gen.ts'] }),
      'ws/a.ts': DEV_URL_LINE,
      'ws/pkg/.plaidlens.json': '{\n  "rules": { "nope": "off" }\n}\n',
      'ws/pkg/b.ts': DEV_URL_LINE,
      'ws/ok/.plaidlens.json': JSON.stringify({ rules: { 'expiring-token': 'error' } }),
      'ws/ok/c.ts': DEV_URL_LINE,
    });
  });

  suiteTeardown(() => removeTree(root));

  const stops: { name: string; stopAt?: string; rules: object; ignoredBy?: string }[] = [
    { name: 'without a stop folder, a config above the workspace folder applies', rules: { 'hardcoded-token': 'off' }, ignoredBy: '.plaidlens.json' },
    { name: 'with the workspace folder as the stop, a config above it is never read', stopAt: 'ws', rules: {} },
  ];
  for (const c of stops) {
    test(`Should search as far as the stop folder: ${c.name}`, () => {
      const resolver = ConfigResolver.discovering({ stopAt: c.stopAt === undefined ? undefined : at(c.stopAt) });
      assert.deepEqual(resolver.rulesFor(at('ws/a.ts')), c.rules);
      assert.equal(resolver.ignoredBy(at('ws/a.gen.ts')), c.ignoredBy === undefined ? undefined : at(c.ignoredBy));
    });
  }

  test('Should report a broken file once, with its place, and count it as {} while the configs above still ignore', () => {
    const reports: { file: string; errors: ConfigError[] }[] = [];
    const valid: string[] = [];
    const resolver = ConfigResolver.discovering({ onBroken: (file, errors) => reports.push({ file, errors }), onValid: (file) => valid.push(file) });
    assert.deepEqual(resolver.rulesFor(at('ws/pkg/b.ts')), {});
    assert.deepEqual(resolver.rulesFor(at('ws/pkg/other.ts')), {});
    assert.equal(resolver.ignoredBy(at('ws/pkg/b.gen.ts')), at('.plaidlens.json'));
    assert.deepEqual(resolver.rulesFor(at('ws/ok/c.ts')), { 'expiring-token': 'error' });
    assert.deepEqual(reports.map((r) => r.file), [at('ws/pkg/.plaidlens.json')], 'one report, by absolute path');
    assert.deepEqual(reports[0]!.errors.map(({ file, line, column, field }) => ({ file, line, column, field })), [
      { file: at('ws/pkg/.plaidlens.json'), line: 2, column: 14, field: 'rules.nope' },
    ]);
    assert.deepEqual(valid.sort(), [at('.plaidlens.json'), at('ws/ok/.plaidlens.json')].sort());
  });

  test('Should throw a ConfigFailure for a broken file when no one is told about it, as the CLI needs', () => {
    const resolver = ConfigResolver.discovering({ cwd: root });
    assert.throws(() => resolver.rulesFor(at('ws/pkg/b.ts')), (error: unknown) => {
      assert.ok(error instanceof ConfigFailure);
      assert.deepEqual(error.errors.map(({ file, line, field }) => `${file}:${line}: ${field}`), [`${path.join('ws', 'pkg', '.plaidlens.json')}:2: rules.nope`]);
      return true;
    });
  });
});
