/**
 * The scanning threads the file scan and the git scans share: answers come back to the message that asked, a
 * thread that dies fails only what it held and is replaced, and its reason never quotes a secret whole. The blob
 * pool and the file pool built on it keep their own promises: every blob and every walked item gets an answer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileResult } from '../../server/src/files/report';
import { answerOf, jobsOf, requestOf } from '../../server/src/files/scanMessages';
import { scanFiles } from '../../server/src/files/scanPool';
import { LostWorker, ThreadPool } from '../../server/src/files/threadPool';
import type { WalkItem } from '../../server/src/files/walk';
import { BlobScanPool } from '../../server/src/git/blobPool';
import type { BlobScan } from '../../server/src/git/blobScan';
import { assertCliBuilt, DEV_URL_LINE, leakedValues, makeTempDir, plantValues, removeTree, REPO_ROOT } from './cliHarness';

const WORKER = path.join(REPO_ROOT, 'dist', 'scanWorker.js');

/**
 * A worker that answers `{ n }` with `{ n, thread }`, throws on `{ throw: text }` and exits on `{ exit: code }`;
 * `{ wait: ms }` answers after a while, so that later messages queue behind it.
 */
const TEST_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
const queue = [];
let busy = false;
function next() {
  const m = queue.shift();
  if (m === undefined) { busy = false; return; }
  busy = true;
  if (m.throw !== undefined) throw new Error(m.throw);
  if (m.exit !== undefined) process.exit(m.exit);
  setTimeout(() => { parentPort.postMessage({ n: m.n, thread: threadId }); next(); }, m.wait ?? 0);
}
parentPort.on('message', (m) => { queue.push(m); if (!busy) next(); });
`;

interface Echo {
  n: number;
  thread: number;
}

suite('Thread pool', () => {
  let dir: string;
  let script: string;
  const pools: ThreadPool[] = [];

  suiteSetup(() => {
    dir = makeTempDir('threads');
    script = path.join(dir, 'echo-worker.js');
    fs.writeFileSync(script, TEST_WORKER);
  });

  teardown(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });

  suiteTeardown(() => removeTree(dir));

  function pool(size: number): ThreadPool {
    const made = new ThreadPool(size, script);
    pools.push(made);
    return made;
  }

  test('Should answer each message with its own answer, on every thread', async () => {
    const threads = pool(3);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => threads.send<Echo>({ n, wait: n % 4 })));
    assert.deepEqual(
      answers.map((a) => a.n),
      Array.from({ length: 30 }, (_, n) => n),
    );
    assert.equal(new Set(answers.map((a) => a.thread)).size, 3, 'all three threads took messages');
  });

  test('Should count the messages the least busy thread holds', async () => {
    const threads = pool(2);
    assert.equal(threads.leastBusy(), 0, 'no thread started yet');
    const slow = [threads.send<Echo>({ n: 1, wait: 50 }), threads.send<Echo>({ n: 2, wait: 50 }), threads.send<Echo>({ n: 3, wait: 50 })];
    assert.equal(threads.leastBusy(), 1);
    await Promise.all(slow);
    assert.equal(threads.leastBusy(), 0);
  });

  const deaths = [
    { how: 'throws', message: { throw: 'boom' }, reason: /^internal error while scanning: boom$/ },
    { how: 'exits', message: { exit: 3 }, reason: /^internal error while scanning: the scanning thread stopped with exit code 3$/ },
  ];
  for (const death of deaths) {
    test(`Should fail only the messages of a thread that ${death.how}, and start another for the next`, async () => {
      const threads = pool(2);
      const dying = threads.send<Echo>(death.message);
      const other = threads.send<Echo>({ n: 1, wait: 100 });
      // Both threads hold one message: the third goes to the first thread, behind the one that kills it.
      const queuedBehind = threads.send<Echo>({ n: 2 });
      await assert.rejects(dying, (e: unknown) => e instanceof LostWorker && death.reason.test(e.message));
      await assert.rejects(queuedBehind, LostWorker);
      assert.equal((await other).n, 1, 'the other thread answers');
      const after = await threads.send<Echo>({ n: 3 });
      assert.equal(after.n, 3, 'a new thread takes the next message');
    });
  }

  test('Should never name a secret whole in the reason a thread died', async () => {
    const { accessUuid } = plantValues();
    const token = `access-sandbox-${accessUuid}`;
    const threads = pool(1);
    await assert.rejects(threads.send({ throw: `cannot scan ${token}` }), (e: unknown) => {
      assert.ok(e instanceof LostWorker);
      assert.deepEqual(leakedValues(e.message, [token, accessUuid]), []);
      return true;
    });
  });

  test('Should refuse messages once closed', async () => {
    const threads = pool(1);
    await threads.close();
    await assert.rejects(threads.send({ n: 1 }), LostWorker);
  });
});

suite('Blob pool on the shared threads', () => {
  let dir: string;

  suiteSetup(() => {
    assertCliBuilt();
    dir = makeTempDir('blobpool');
  });

  suiteTeardown(() => removeTree(dir));

  function blob(id: number, text: string): { id: number; bytes: Uint8Array; fileName: string; rules: {}; salt: string } {
    return { id, bytes: new Uint8Array(Buffer.from(text)), fileName: `f${id}.ts`, rules: {}, salt: '00ff' };
  }

  test('Should scan blobs on threads exactly as in this thread', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? `${DEV_URL_LINE}// ${i}\n` : `// clean ${i}\n`));
    const scanAll = async (jobs: number): Promise<BlobScan[]> => {
      const blobs = new BlobScanPool(jobs, WORKER);
      try {
        return await Promise.all(texts.map((text, i) => blobs.scan(blob(i, text))));
      } finally {
        await blobs.close();
      }
    };
    const here = await scanAll(1);
    assert.deepEqual(
      here.map((s) => (s.kind === 'scanned' ? s.findings.length : -1)),
      texts.map((t) => (t.startsWith(DEV_URL_LINE) ? 1 : 0)),
    );
    assert.deepEqual(await scanAll(2), here);
  });

  test('Should answer every blob of a thread that dies with a failure', async () => {
    const crashing = path.join(dir, 'crashing-worker.js');
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });\n");
    const blobs = new BlobScanPool(2, crashing);
    try {
      const scans = await Promise.all(Array.from({ length: 5 }, (_, i) => blobs.scan(blob(i, DEV_URL_LINE))));
      assert.deepEqual(scans, Array(5).fill({ kind: 'failed', reason: 'internal error while scanning: boom' }));
    } finally {
      await blobs.close();
    }
  });
});

suite('File pool batches', () => {
  let dir: string;

  suiteSetup(() => {
    assertCliBuilt();
    dir = makeTempDir('batches');
    for (let i = 0; i < 400; i++) fs.writeFileSync(path.join(dir, `f${i}.ts`), i % 2 === 0 ? DEV_URL_LINE : '// clean\n');
  });

  suiteTeardown(() => removeTree(dir));

  /** `files` files, each followed by `notesAfter` notes: a walk through folders it cannot list, say. */
  async function* walk(files: number, notesAfter: number): AsyncGenerator<WalkItem> {
    for (let i = 0; i < files; i++) {
      const name = `f${i}.ts`;
      yield { kind: 'file', job: { absPath: path.join(dir, name), displayPath: name, fileName: name, rules: {} } };
      for (let n = 0; n < notesAfter; n++) {
        yield { kind: 'note', absPath: path.join(dir, `n${i}-${n}`), displayPath: `n${i}-${n}`, note: { kind: 'unreadable', reason: 'listed as a note' } };
      }
    }
  }

  // More notes than the walk may run ahead of delivery, behind a batch that is not full: it must still be sent.
  for (const [files, notesAfter] of [
    [3, 5000],
    [400, 0],
    [40, 30],
  ] as const) {
    test(`Should deliver ${files} files with ${notesAfter} notes after each in walk order, on any number of threads`, async () => {
      const expected = [...walkNames(files, notesAfter)];
      for (const [jobs, scanHere] of [[1, false], [2, false], [3, false], [2, true], [3, true]] as const) {
        const results: FileResult[] = [];
        const options = { jobs, limits: { maxBytes: 1 << 20 }, workerScript: WORKER, scanHere };
        const finished = await scanFiles(walk(files, notesAfter), options, (r) => results.push(r));
        const label = `jobs ${jobs}${scanHere ? ', this thread one of them' : ''}`;
        assert.equal(finished, true, label);
        assert.deepEqual(
          results.map((r) => r.displayPath),
          expected,
          label,
        );
        const findings = results.filter((r) => r.findings.length > 0).map((r) => r.displayPath);
        assert.deepEqual(findings, expected.filter((name) => /^f\d*[02468]\.ts$/.test(name)), label);
      }
    });
  }

  test('Should scan batches in this thread while every worker is busy, when it is one of the threads', async () => {
    // A worker that takes its time and finds nothing: what has findings was scanned here.
    const slow = path.join(dir, 'slow-worker.js');
    fs.writeFileSync(
      slow,
      "const { parentPort } = require('node:worker_threads');\n" +
        'parentPort.on(\'message\', (m) => setTimeout(() => parentPort.postMessage({ answers: m.files.map(() => null) }), 300));\n',
    );
    const results: FileResult[] = [];
    const options = { jobs: 2, limits: { maxBytes: 1 << 20 }, workerScript: slow, scanHere: true };
    assert.equal(await scanFiles(walk(400, 0), options, (r) => results.push(r)), true);
    assert.deepEqual(
      results.map((r) => r.displayPath),
      [...walkNames(400, 0)],
    );
    // The worker holds two full batches (128 files) before this thread takes one.
    assert.deepEqual(results.slice(0, 128).filter((r) => r.findings.length > 0), []);
    assert.ok(results.some((r) => r.findings.length > 0), 'some batches were scanned here');
  });

  function* walkNames(files: number, notesAfter: number): Generator<string> {
    for (let i = 0; i < files; i++) {
      yield `f${i}.ts`;
      for (let n = 0; n < notesAfter; n++) yield `n${i}-${n}`;
    }
  }
});

suite('Scan messages', () => {
  test('Should carry each file its own rule settings, each distinct setting once', () => {
    const strict = { 'development-environment': 'error' } as const;
    const quiet = { 'hardcoded-token': 'off' } as const;
    const rules = [{}, strict, {}, quiet, strict, { ...strict }, {}];
    const jobs = rules.map((r, i) => ({ absPath: `/p/f${i}.ts`, displayPath: `f${i}.ts`, fileName: `f${i}.ts`, rules: r }));
    const request = requestOf(jobs, { maxBytes: 10 });
    // One empty setting, `strict`, `quiet` and the copy of `strict` (an equal object is not looked for).
    assert.equal(request.rules.length, 4);
    const copied = structuredClone(request);
    assert.deepEqual(
      jobsOf(copied),
      jobs.map((j) => ({ ...j, displayPath: '' })),
    );
  });

  test('Should answer nothing for a clean file, and everything but the paths otherwise', () => {
    const base = { absPath: '/p/a.ts', displayPath: 'a.ts', findings: [] };
    assert.equal(answerOf(base), null);
    const note = { kind: 'skipped' as const, reason: 'binary file' };
    assert.deepEqual(answerOf({ ...base, note }), { findings: [], note });
    assert.deepEqual(answerOf({ ...base, tokens: [] }), { findings: [], tokens: [] });
  });
});
