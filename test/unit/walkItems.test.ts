/**
 * What the file walk lists, item by item: order, notes, paths, settings, links and ignores, the same whether it is
 * taken synchronously (`items`, the CLI) or one promise at a time (`walk`, the editor's workspace scan). And the
 * scan pool fed from either form delivers the same results in the same order, and stops when told.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver } from '../../server/src/files/configs';
import type { FileResult } from '../../server/src/files/report';
import { scanFiles, type WalkItems } from '../../server/src/files/scanPool';
import { FileWalker, type ScanRoot, type WalkItem } from '../../server/src/files/walk';
import { assertCliBuilt, DEV_URL_LINE, makeTempDir, REPO_ROOT, removeTree, writeTree } from './cliHarness';

const WORKER = path.join(REPO_ROOT, 'dist', 'scanWorker.js');

/** One line per item: `file <shown> <engine's name> <settings>` or `note <kind> <shown>: <reason>`. */
function describe(item: WalkItem): string {
  if (item.kind === 'note') return `note ${item.note.kind} ${item.displayPath}: ${item.note.reason}`;
  const rules = Object.entries(item.job.rules).map(([rule, level]) => `${rule}=${level}`);
  return `file ${item.job.displayPath} ${item.job.fileName}${rules.length > 0 ? ` ${rules.join(',')}` : ''}`;
}

/** Every item a fresh walker lists from `cwd`, taken in both forms; the two must agree. */
async function listing(root: string, cwd: string, paths: string[], config?: string): Promise<string[]> {
  const roots: ScanRoot[] = paths.map((p) => {
    const absPath = path.resolve(root, cwd, p);
    return { absPath, isDir: fs.statSync(absPath).isDirectory() };
  });
  const resolver = (): ConfigResolver =>
    config === undefined ? ConfigResolver.discovering({ cwd: path.join(root, cwd) }) : ConfigResolver.fixed(path.join(root, cwd), config);
  const promised: string[] = [];
  for await (const item of new FileWalker(path.join(root, cwd), resolver()).walk(roots)) promised.push(describe(item));
  const listed = [...new FileWalker(path.join(root, cwd), resolver()).items(roots)].map(describe);
  assert.deepEqual(listed, promised, 'items() and walk() list the same');
  return listed;
}

suite('File walk: items in order, with notes', () => {
  let root: string;
  let fifo = false;

  suiteSetup(() => {
    root = makeTempDir('walk-items');
    writeTree(root, {
      'repo/.git/config': '',
      'repo/.gitignore': 'ignored/\n*.gen.ts\n',
      'repo/.plaidlens.json': JSON.stringify({
        rules: { 'development-environment': 'warning' },
        overrides: [{ files: ['tests/**'], rules: { 'development-environment': 'off' } }],
        ignore: ['vendor/**', '*.snap.ts'],
      }),
      'repo/b.ts': '',
      'repo/a.ts': '',
      'repo/A.ts': '',
      'repo/x.gen.ts': '',
      'repo/y.snap.ts': '',
      'repo/ignored/i.ts': '',
      'repo/vendor/v.ts': '',
      'repo/node_modules/pkg/index.js': '',
      'repo/sub/.gitignore': '!keep.gen.ts\n',
      'repo/sub/keep.gen.ts': '',
      'repo/sub/other.gen.ts': '',
      'repo/sub/z.ts': '',
      'repo/sub/deeper/d.ts': '',
      'repo/tests/t.ts': '',
      'repo/plain/.plaidlens.json': '{}',
      'repo/plain/p.ts': '',
      'outside/target.ts': '',
      'strict.json': JSON.stringify({ rules: { 'hardcoded-secret': 'error' } }),
      'outside/folder/o.ts': '',
    });
    fs.mkdirSync(path.join(root, 'repo/links'));
    const link = (target: string, at: string): void => fs.symlinkSync(target, path.join(root, at));
    link('nowhere.ts', 'repo/links/dangling.ts');
    link('loop-b.ts', 'repo/links/loop-a.ts');
    link('loop-a.ts', 'repo/links/loop-b.ts');
    link('../a.ts', 'repo/links/inside.ts');
    link('../../outside/target.ts', 'repo/links/outside.ts');
    link('../../outside/folder', 'repo/links/folder');
    link('.', 'repo/links/self');
    fifo = spawnSync('mkfifo', [path.join(root, 'repo/links/pipe.ts')]).status === 0;
  });

  suiteTeardown(() => removeTree(root));

  const loop = (name: string): string => `note unreadable ${name}: could not read the file: symbolic link loop (ELOOP)`;
  const dangling = 'could not read the file: it no longer exists: deleted during the scan, or a dangling symbolic link (ENOENT)';
  const cases: { name: string; cwd: string; paths: string[]; config?: string; expected: string[] }[] = [
    {
      name: 'a tree with ignores, overrides, nested configs and links, from above it',
      cwd: '.',
      paths: ['repo'],
      expected: [
        'file repo/.gitignore .gitignore development-environment=warning',
        'file repo/.plaidlens.json .plaidlens.json development-environment=warning',
        'file repo/A.ts A.ts development-environment=warning',
        'file repo/a.ts a.ts development-environment=warning',
        'file repo/b.ts b.ts development-environment=warning',
        `note unreadable repo/links/dangling.ts: ${dangling}`,
        loop('repo/links/loop-a.ts'),
        loop('repo/links/loop-b.ts'),
        'file repo/links/outside.ts links/outside.ts development-environment=warning',
        'file repo/plain/.plaidlens.json plain/.plaidlens.json',
        'file repo/plain/p.ts plain/p.ts',
        'file repo/sub/.gitignore sub/.gitignore development-environment=warning',
        'file repo/sub/deeper/d.ts sub/deeper/d.ts development-environment=warning',
        'file repo/sub/keep.gen.ts sub/keep.gen.ts development-environment=warning',
        'file repo/sub/z.ts sub/z.ts development-environment=warning',
        'file repo/tests/t.ts tests/t.ts development-environment=off',
      ],
    },
    {
      name: 'overlapping roots and a file named twice: each file once, where first met',
      cwd: 'repo',
      paths: ['sub/z.ts', '.', 'sub', 'a.ts'],
      expected: [
        'file sub/z.ts z.ts development-environment=warning',
        'file .gitignore .gitignore development-environment=warning',
        'file .plaidlens.json .plaidlens.json development-environment=warning',
        'file A.ts A.ts development-environment=warning',
        'file a.ts a.ts development-environment=warning',
        'file b.ts b.ts development-environment=warning',
        `note unreadable links/dangling.ts: ${dangling}`,
        loop('links/loop-a.ts'),
        loop('links/loop-b.ts'),
        'file links/outside.ts links/outside.ts development-environment=warning',
        'file plain/.plaidlens.json plain/.plaidlens.json',
        'file plain/p.ts plain/p.ts',
        'file sub/.gitignore sub/.gitignore development-environment=warning',
        'file sub/deeper/d.ts sub/deeper/d.ts development-environment=warning',
        'file sub/keep.gen.ts sub/keep.gen.ts development-environment=warning',
        'file tests/t.ts tests/t.ts development-environment=off',
      ],
    },
    {
      name: 'files named on the command line: .gitignore does not apply, config ignore does',
      cwd: 'repo',
      paths: ['x.gen.ts', 'y.snap.ts', 'ignored/i.ts'],
      expected: [
        'file x.gen.ts x.gen.ts development-environment=warning',
        'note skipped y.snap.ts: matches an `ignore` glob in .plaidlens.json',
        'file ignored/i.ts i.ts development-environment=warning',
      ],
    },
    {
      name: 'a folder below the working directory, from inside a sibling',
      cwd: 'repo/tests',
      paths: ['../sub'],
      expected: [
        'file ../sub/.gitignore .gitignore development-environment=warning',
        'file ../sub/deeper/d.ts deeper/d.ts development-environment=warning',
        'file ../sub/keep.gen.ts keep.gen.ts development-environment=warning',
        'file ../sub/z.ts z.ts development-environment=warning',
      ],
    },
    {
      name: 'the working directory inside the walk',
      cwd: 'repo/sub',
      paths: ['..'],
      expected: [
        'file ../.gitignore .gitignore development-environment=warning',
        'file ../.plaidlens.json .plaidlens.json development-environment=warning',
        'file ../A.ts A.ts development-environment=warning',
        'file ../a.ts a.ts development-environment=warning',
        'file ../b.ts b.ts development-environment=warning',
        `note unreadable ../links/dangling.ts: ${dangling}`,
        loop('../links/loop-a.ts'),
        loop('../links/loop-b.ts'),
        'file ../links/outside.ts links/outside.ts development-environment=warning',
        'file ../plain/.plaidlens.json plain/.plaidlens.json',
        'file ../plain/p.ts plain/p.ts',
        'file .gitignore sub/.gitignore development-environment=warning',
        'file deeper/d.ts sub/deeper/d.ts development-environment=warning',
        'file keep.gen.ts sub/keep.gen.ts development-environment=warning',
        'file z.ts sub/z.ts development-environment=warning',
        'file ../tests/t.ts tests/t.ts development-environment=off',
      ],
    },
    {
      name: 'one config for every file (--config), from outside the tree',
      cwd: 'repo/sub',
      paths: ['.'],
      config: '../plain/.plaidlens.json',
      expected: ['file .gitignore .gitignore', 'file deeper/d.ts deeper/d.ts', 'file keep.gen.ts keep.gen.ts', 'file z.ts z.ts'],
    },
    {
      name: 'one config with rules and no globs for every file (--config)',
      cwd: 'repo',
      paths: ['sub', 'tests'],
      config: '../strict.json',
      expected: [
        'file sub/.gitignore .gitignore hardcoded-secret=error',
        'file sub/deeper/d.ts deeper/d.ts hardcoded-secret=error',
        'file sub/keep.gen.ts keep.gen.ts hardcoded-secret=error',
        'file sub/z.ts z.ts hardcoded-secret=error',
        'file tests/t.ts t.ts hardcoded-secret=error',
      ],
    },
  ];
  for (const c of cases) {
    test(`Should list ${c.name}`, async () => {
      assert.deepEqual(await listing(root, c.cwd, c.paths, c.config), c.expected);
    });
  }

  test('Should never list a FIFO or a link to a folder, and follow a link to a file outside the roots', async function () {
    if (!fifo) this.skip();
    const listed = await listing(root, 'repo', ['links']);
    assert.deepEqual(listed, [
      `note unreadable links/dangling.ts: ${dangling}`,
      // Only `links` is a root here, so the link to ../a.ts points outside it and is followed.
      'file links/inside.ts inside.ts development-environment=warning',
      loop('links/loop-a.ts'),
      loop('links/loop-b.ts'),
      'file links/outside.ts outside.ts development-environment=warning',
    ]);
  });
});

suite('Scan pool fed by either form of walk', () => {
  let dir: string;
  const names = Array.from({ length: 300 }, (_, i) => (i % 7 === 3 ? `n${i}.note` : `f${String(i).padStart(3, '0')}.ts`));

  suiteSetup(() => {
    assertCliBuilt();
    dir = makeTempDir('pool-forms');
    for (const [i, name] of names.entries()) if (!name.endsWith('.note')) fs.writeFileSync(path.join(dir, name), i % 2 === 0 ? DEV_URL_LINE : '// clean\n');
  });

  suiteTeardown(() => removeTree(dir));

  function item(name: string): WalkItem {
    const absPath = path.join(dir, name);
    if (name.endsWith('.note')) return { kind: 'note', absPath, displayPath: name, note: { kind: 'unreadable', reason: 'listed as a note' } };
    return { kind: 'file', job: { absPath, displayPath: name, fileName: name, rules: {} } };
  }
  function* listed(): Generator<WalkItem> {
    for (const name of names) yield item(name);
  }
  async function* promised(): AsyncGenerator<WalkItem> {
    for (const name of names) yield item(name);
  }

  const forms: { form: string; items: () => WalkItems }[] = [
    { form: 'a synchronous', items: listed },
    { form: 'an asynchronous', items: promised },
  ];
  const threads = [
    { jobs: 1, scanHere: false },
    { jobs: 2, scanHere: false },
    { jobs: 2, scanHere: true },
    { jobs: 3, scanHere: true },
  ];
  for (const { form, items } of forms) {
    for (const { jobs, scanHere } of threads) {
      test(`Should deliver every item in walk order from ${form} walk, jobs ${jobs}${scanHere ? ' with this thread' : ''}`, async () => {
        const results: FileResult[] = [];
        const finished = await scanFiles(items(), { jobs, scanHere, limits: { maxBytes: 1 << 20 }, workerScript: WORKER }, (r) => results.push(r));
        assert.equal(finished, true);
        assert.deepEqual(
          results.map((r) => r.displayPath),
          names,
        );
        const flagged = names.filter((name, i) => !name.endsWith('.note') && i % 2 === 0);
        assert.deepEqual(
          results.filter((r) => r.findings.length > 0).map((r) => r.displayPath),
          flagged,
        );
      });

      test(`Should stop ${form} walk when aborted, jobs ${jobs}${scanHere ? ' with this thread' : ''}`, async () => {
        const controller = new AbortController();
        const results: FileResult[] = [];
        const options = { jobs, scanHere, limits: { maxBytes: 1 << 20 }, workerScript: WORKER, signal: controller.signal };
        const finished = await scanFiles(items(), options, (r) => {
          results.push(r);
          if (results.length === 5) controller.abort();
        });
        assert.equal(finished, false);
        assert.deepEqual(
          results.map((r) => r.displayPath),
          names.slice(0, 5),
        );
      });
    }
  }

  test('Should pass on the error a synchronous walk throws, and close its threads', async () => {
    function* failing(): Generator<WalkItem> {
      yield item(names[0]!);
      throw new Error('the walk failed');
    }
    for (const jobs of [1, 2]) {
      await assert.rejects(scanFiles(failing(), { jobs, scanHere: true, limits: { maxBytes: 1 << 20 }, workerScript: WORKER }, () => undefined), /the walk failed/);
    }
  });
});

suite('Config resolver: settings shared by the files of a config', () => {
  let root: string;

  suiteSetup(() => {
    root = makeTempDir('shared-rules');
    writeTree(root, {
      'flat/.plaidlens.json': JSON.stringify({ rules: { 'hardcoded-secret': 'warning' }, ignore: ['gen/**'] }),
      'layered/.plaidlens.json': JSON.stringify({
        rules: { 'hardcoded-secret': 'warning' },
        overrides: [{ files: ['tests/**'], rules: { 'hardcoded-secret': 'off' } }],
      }),
      'none/a.ts': '',
      'plain/.plaidlens.json': JSON.stringify({ rules: { 'hardcoded-secret': 'error' } }),
      'flat/plain/.plaidlens.json': JSON.stringify({ rules: { 'hardcoded-secret': 'error' } }),
    });
  });

  suiteTeardown(() => removeTree(root));

  const cases: { name: string; files: [string, string]; config?: string; same: boolean; rules: [object, object]; ignoredBy?: [string?, string?] }[] = [
    { name: 'one object for every file of a config without overrides', files: ['flat/a.ts', 'flat/deep/b.ts'], same: true, rules: [{ 'hardcoded-secret': 'warning' }, { 'hardcoded-secret': 'warning' }] },
    { name: 'the defaults where no config governs', files: ['none/a.ts', 'none/b/c.ts'], same: true, rules: [{}, {}] },
    { name: 'each file its own settings under overrides', files: ['layered/a.ts', 'layered/tests/t.ts'], same: false, rules: [{ 'hardcoded-secret': 'warning' }, { 'hardcoded-secret': 'off' }] },
    {
      name: 'globs read from the folder of the config, for a tree outside it (--config)',
      files: ['none/gen/a.ts', 'none/b.ts'],
      config: 'flat/.plaidlens.json',
      same: true,
      rules: [{ 'hardcoded-secret': 'warning' }, { 'hardcoded-secret': 'warning' }],
      ignoredBy: [undefined, undefined],
    },
    { name: 'the ignore globs of the governing config', files: ['flat/gen/a.ts', 'flat/b.ts'], same: true, rules: [{ 'hardcoded-secret': 'warning' }, { 'hardcoded-secret': 'warning' }], ignoredBy: ['flat/.plaidlens.json', undefined] },
  ];
  for (const c of cases) {
    test(`Should give ${c.name}`, () => {
      const resolver = c.config === undefined ? ConfigResolver.discovering({ cwd: root }) : ConfigResolver.fixed(root, c.config);
      const [first, second] = c.files.map((f) => resolver.rulesFor(path.join(root, f)));
      assert.deepEqual([first, second], c.rules);
      assert.equal(first === second, c.same);
      // Shared, so no caller may change them in place.
      assert.ok(Object.isFrozen(first) && Object.isFrozen(second));
      if (c.ignoredBy !== undefined) assert.deepEqual(c.files.map((f) => resolver.ignoredBy(path.join(root, f))), c.ignoredBy);
    });
  }

  const folders: { name: string; dir: string; same: object | undefined }[] = [
    { name: 'no config', dir: 'none', same: {} },
    { name: 'a config with rules only', dir: 'plain/deep', same: { 'hardcoded-secret': 'error' } },
    { name: 'a config with ignore globs', dir: 'flat', same: undefined },
    { name: 'a config with rules only, under one with ignore globs', dir: 'flat/plain', same: undefined },
    { name: 'a config with overrides', dir: 'layered/tests', same: undefined },
  ];
  for (const f of folders) {
    test(`Should answer once for the files of a folder under ${f.name}, or leave them to be asked one by one`, () => {
      const resolver = ConfigResolver.discovering({ cwd: root });
      const dir = path.join(root, f.dir);
      assert.deepEqual(resolver.sameForFolder(dir), f.same);
      // Where the folder's answer is given, it is what each of its files would get.
      if (f.same !== undefined) {
        assert.equal(resolver.sameForFolder(dir), resolver.rulesFor(path.join(dir, 'x.ts')));
        assert.equal(resolver.ignoredBy(path.join(dir, 'x.ts')), undefined);
      }
    });
  }
});
