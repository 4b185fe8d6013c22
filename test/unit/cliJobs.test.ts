/**
 * Scanning on every core: the worker pool delivers results in walk order, stops when aborted and survives a worker
 * that dies; the CLI writes the same report whatever `--jobs` says, and Ctrl-C stops it with exit code 130.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseScanArgs, UsageError } from '../../server/src/cli/args';
import type { FileResult } from '../../server/src/files/report';
import { scanFiles } from '../../server/src/files/scanPool';
import type { WalkItem } from '../../server/src/files/walk';
import { assertCliBuilt, CLI_PATH, DEV_URL_LINE, makeTempDir, plantValues, removeTree, REPO_ROOT, runCli, writeTree } from './cliHarness';

const WORKER = path.join(REPO_ROOT, 'dist', 'scanWorker.js');

/** A project with findings of every rule spread over nested folders, clean files, and files that are skipped. */
function projectFiles(): Record<string, string | Buffer> {
  const v = plantValues();
  const files: Record<string, string | Buffer> = {
    '0-logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'big/bundle.min.js': `${DEV_URL_LINE}${'x'.repeat(40 * 1024)}`,
  };
  for (let i = 0; i < 60; i++) {
    const folder = `pkg${i % 7}/src${i % 3}`;
    files[`${folder}/client${i}.ts`] = [
      "import { PlaidEnvironments } from 'plaid';",
      `export const basePath = PlaidEnvironments.${i % 2 === 0 ? 'sandbox' : 'production'};`,
      i % 3 === 0 ? DEV_URL_LINE : '',
      i % 4 === 0 ? `const accessToken = 'access-sandbox-${v.accessUuid}';` : '',
      i % 5 === 0 ? `const secret = '${v.secret}';` : '',
      i % 6 === 0 ? `const publicToken = 'public-production-${v.publicUuid}';` : '',
    ].join('\n');
    files[`${folder}/util${i}.js`] = `module.exports = ${i};\n`;
  }
  return files;
}

suite('CLI scan on several threads', () => {
  let root: string;

  suiteSetup(() => {
    assertCliBuilt();
    root = makeTempDir('jobs');
    writeTree(root, projectFiles());
  });

  suiteTeardown(() => removeTree(root));

  for (const format of ['text', 'json', 'sarif']) {
    test(`Should write the same ${format} report, notes and exit code with one thread as with several`, async () => {
      const args = ['scan', '.', '--format', format, '--max-file-size', '16'];
      const single = await runCli([...args, '--jobs', '1'], root);
      const several = await runCli([...args, '--jobs', '3'], root);
      assert.equal(single.code, 1, single.stderr);
      assert.ok(single.stdout.length > 1000, 'the report is not empty');
      assert.match(single.stderr, /0-logo\.png: skipped, binary file[\s\S]*bundle\.min\.js: skipped/);
      assert.deepEqual(several, single);
    });
  }

  test('Should parse --jobs, -j and no flag, and refuse fewer than one thread', () => {
    assert.equal(parseScanArgs(['--jobs', '4']).jobs, 4);
    assert.equal(parseScanArgs(['-j', '1', 'src']).jobs, 1);
    assert.equal('jobs' in parseScanArgs(['src']), false, 'no flag: one thread per core, decided at run time');
    assert.throws(() => parseScanArgs(['--jobs', '0']), (e: unknown) => e instanceof UsageError && /--jobs must be a whole number of at least 1/.test(e.message));
    assert.throws(() => parseScanArgs(['--jobs', 'all']), UsageError);
  });

  for (const jobs of ['1', '2']) {
    test(`Should stop on Ctrl-C without writing a report, and exit with 130 (--jobs ${jobs})`, () => interrupted(jobs));
  }

  /**
   * Runs the CLI in this process and raises Ctrl-C from its first note (the binary file the walk meets first): the
   * scan has surely started and cannot have finished, since results are delivered in walk order.
   */
  async function interrupted(jobs: string): Promise<void> {
    const many = makeTempDir('sigint');
    try {
      const files: Record<string, string | Buffer> = { '0-first.png': Buffer.from([0, 1, 2, 3]) };
      for (let i = 0; i < 300; i++) files[`f${i % 30}/file${i}.ts`] = `${DEV_URL_LINE}// ${'filler '.repeat(150)}\n`;
      writeTree(many, files);
      const { main } = require(CLI_PATH) as typeof import('../../server/src/cli/cli');
      let stdout = '';
      let stderr = '';
      let interrupted = false;
      const code = await main(['scan', '.', '--jobs', jobs], {
        cwd: many,
        stdout: { write: (text: string) => (stdout += text) },
        stderr: {
          write: (text: string) => {
            stderr += text;
            if (!interrupted && stderr.includes('0-first.png')) {
              interrupted = true;
              process.emit('SIGINT');
            }
          },
        },
        readStdin: () => Promise.resolve(''),
      });
      assert.ok(interrupted, 'the first note arrived');
      assert.equal(code, 130, stderr);
      assert.equal(stdout, '', 'no report');
      assert.match(stderr, /scan interrupted; no report written/);
    } finally {
      removeTree(many);
    }
  }
});

/** A walk over real files, as the walker yields them, with a note where the walk would have one. */
async function* items(dir: string, names: string[]): AsyncGenerator<WalkItem> {
  for (const name of names) {
    const absPath = path.join(dir, name);
    if (name.endsWith('.note')) yield { kind: 'note', absPath, displayPath: name, note: { kind: 'unreadable', reason: 'listed as a note' } };
    else yield { kind: 'file', job: { absPath, displayPath: name, fileName: name, rules: {} } };
  }
}

suite('Scan pool', () => {
  let dir: string;
  const names = Array.from({ length: 120 }, (_, i) => (i % 10 === 9 ? `n${i}.note` : `f${i}.ts`));

  suiteSetup(() => {
    assertCliBuilt();
    dir = makeTempDir('pool');
    // Sizes vary a lot, so that workers finish out of order.
    for (const [i, name] of names.entries()) {
      if (!name.endsWith('.note')) fs.writeFileSync(path.join(dir, name), `${DEV_URL_LINE}${'// x\n'.repeat((i * 7919) % 4000)}`);
    }
  });

  suiteTeardown(() => removeTree(dir));

  test('Should deliver one result per item, in walk order, on any number of threads', async () => {
    for (const jobs of [1, 2, 5]) {
      const results: FileResult[] = [];
      const finished = await scanFiles(items(dir, names), { jobs, limits: { maxBytes: 1 << 20 }, workerScript: WORKER }, (r) => results.push(r));
      assert.equal(finished, true);
      assert.deepEqual(results.map((r) => r.displayPath), names, `jobs ${jobs}`);
      assert.ok(results.every((r) => (r.displayPath.endsWith('.note') ? r.note?.kind === 'unreadable' : r.findings.length === 1)), `jobs ${jobs}`);
    }
  });

  test('Should deliver nothing more once aborted, and say it did not finish', async () => {
    for (const jobs of [1, 3]) {
      const controller = new AbortController();
      const results: FileResult[] = [];
      const options = { jobs, limits: { maxBytes: 1 << 20 }, workerScript: WORKER, signal: controller.signal };
      const finished = await scanFiles(items(dir, names), options, (r) => {
        results.push(r);
        controller.abort();
      });
      assert.equal(finished, false);
      assert.equal(results.length, 1, `jobs ${jobs}`);
    }
  });

  test('Should turn the files of a scanning thread that dies into notes, and finish', async () => {
    const crashing = path.join(dir, 'crashing-worker.js');
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const results: FileResult[] = [];
    const some = names.slice(0, 12);
    const finished = await scanFiles(items(dir, some), { jobs: 2, limits: { maxBytes: 1 << 20 }, workerScript: crashing }, (r) => results.push(r));
    assert.equal(finished, true);
    assert.deepEqual(results.map((r) => r.displayPath), some);
    for (const r of results.filter((r) => !r.displayPath.endsWith('.note'))) {
      assert.equal(r.note?.kind, 'failed');
      assert.match(r.note!.reason, /internal error while scanning: boom/);
    }
  });
});
