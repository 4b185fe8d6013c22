/**
 * How a scanning thread reads a file: in one read when it fits the reused buffer, else its size first, then the file in one read into the buffer grown, each
 * file's bytes whole whatever was read before it; a file that is not a regular one, or has gone, gets its note. Rules turned off skip their checks without changing what the other rules find.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apiIndex } from '../../server/src/apiData';
import { RULES, scan, type RuleId } from '../../server/src/engine';
import { ReadScratch, readSourceBytes, SCRATCH_BYTES } from '../../server/src/files/readText';
import { scanFile } from '../../server/src/files/scanFile';
import type { FileJob } from '../../server/src/files/walk';
import { DEV_URL_LINE, makeTempDir, plantValues, removeTree } from './cliHarness';
import { testRandom } from '../seed';

const random = testRandom('unit:scanFileRead');

suite('Reading files into the scratch buffer', () => {
  let dir: string;

  suiteSetup(() => {
    dir = makeTempDir('scratch');
  });

  suiteTeardown(() => removeTree(dir));

  /** Bytes that differ from one file to the next, so a file read over another's leftovers would show it. */
  function bytes(size: number, fill: number): Buffer {
    const b = Buffer.alloc(size, fill);
    for (let i = 0; i < size; i += 4093) b[i] = 0x41 + random.int(26);
    return b;
  }

  const MAX = 2 * SCRATCH_BYTES;
  const cases: { size: number; maxBytes: number; outcome: 'bytes' | 'skipped' }[] = [
    { size: 0, maxBytes: MAX, outcome: 'bytes' },
    { size: 1, maxBytes: MAX, outcome: 'bytes' },
    { size: SCRATCH_BYTES - 1, maxBytes: MAX, outcome: 'bytes' },
    { size: SCRATCH_BYTES, maxBytes: MAX, outcome: 'bytes' },
    { size: SCRATCH_BYTES + 1, maxBytes: MAX, outcome: 'bytes' },
    { size: MAX, maxBytes: MAX, outcome: 'bytes' },
    { size: MAX + 1, maxBytes: MAX, outcome: 'skipped' },
    { size: 1000, maxBytes: 1000, outcome: 'bytes' },
    { size: 1001, maxBytes: 1000, outcome: 'skipped' },
    { size: SCRATCH_BYTES, maxBytes: SCRATCH_BYTES - 1, outcome: 'skipped' },
    { size: SCRATCH_BYTES - 1, maxBytes: SCRATCH_BYTES - 1, outcome: 'bytes' },
  ];

  for (const order of ['largest', 'smallest'] as const) {
    test(`Should read each file whole, or skip it as too large, exactly as without the buffer (${order} first)`, () => {
      readInOrder(order === 'largest' ? [...cases].sort((a, b) => b.size - a.size) : [...cases].sort((a, b) => a.size - b.size));
    });
  }

  /** Largest first, each smaller file is read over a larger one's leftovers; smallest first, the buffer grows. */
  function readInOrder(ordered: typeof cases): void {
    const scratch = new ReadScratch();
    for (const [i, c] of ordered.entries()) {
      const file = path.join(dir, `f${i}.txt`);
      const content = bytes(c.size, 0x61 + (i % 20));
      fs.writeFileSync(file, content);
      const read = readSourceBytes(file, c.maxBytes, undefined, scratch);
      const plain = readSourceBytes(file, c.maxBytes);
      const label = `${c.size} bytes, limit ${c.maxBytes}`;
      assert.equal(read.kind, c.outcome, label);
      assert.deepEqual(read, plain, label);
      if (read.kind === 'bytes') assert.ok(read.bytes.equals(content), label);
      if (read.kind === 'skipped') assert.match(read.reason, /is over the .* limit/, label);
    }
  }

  // A fresh buffer holds 64 KiB: files around that size, and limits around it, take the one-read path or leave it.
  const FRESH = 64 * 1024;
  const fresh: { size: number; maxBytes: number; outcome: 'bytes' | 'skipped' }[] = [
    { size: 0, maxBytes: MAX, outcome: 'bytes' },
    { size: FRESH - 1, maxBytes: MAX, outcome: 'bytes' },
    { size: FRESH, maxBytes: MAX, outcome: 'bytes' },
    { size: FRESH + 1, maxBytes: MAX, outcome: 'bytes' },
    { size: FRESH - 1, maxBytes: FRESH - 1, outcome: 'bytes' },
    { size: FRESH, maxBytes: FRESH - 1, outcome: 'skipped' },
    { size: 10, maxBytes: 9, outcome: 'skipped' },
    { size: 10, maxBytes: 10, outcome: 'bytes' },
    { size: 10, maxBytes: 0, outcome: 'skipped' },
  ];
  for (const c of fresh) {
    test(`Should read ${c.size} bytes with a ${c.maxBytes}-byte limit into a fresh buffer exactly as without it`, () => {
      const file = path.join(dir, `fresh-${c.size}-${c.maxBytes}.txt`);
      const content = bytes(c.size, 0x62);
      fs.writeFileSync(file, content);
      const read = readSourceBytes(file, c.maxBytes, undefined, new ReadScratch());
      assert.equal(read.kind, c.outcome);
      assert.deepEqual(read, readSourceBytes(file, c.maxBytes));
      if (read.kind === 'bytes') assert.ok(read.bytes.equals(content));
    });
  }

  test('Should note a folder or a FIFO put where a file was, and a file that has gone', function () {
    const scratch = new ReadScratch();
    const folder = path.join(dir, 'was-a-file');
    fs.mkdirSync(folder);
    assert.deepEqual(readSourceBytes(folder, MAX, undefined, scratch), { kind: 'skipped', reason: 'not a regular file' });
    const gone = readSourceBytes(path.join(dir, 'gone.ts'), MAX, undefined, scratch);
    assert.equal(gone.kind, 'unreadable');
    assert.match(gone.kind === 'unreadable' ? gone.reason : '', /ENOENT/);
    const fifo = path.join(dir, 'pipe.ts');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    assert.deepEqual(readSourceBytes(fifo, MAX, undefined, scratch), { kind: 'skipped', reason: 'not a regular file' });
  });
});

suite('Scanning a file with rules turned off', () => {
  let dir: string;
  let text: string;

  suiteSetup(() => {
    dir = makeTempDir('rulesoff');
    const v = plantValues();
    text = [
      "import { PlaidEnvironments } from 'plaid';",
      DEV_URL_LINE.trim(),
      `const accessToken = 'access-sandbox-${v.accessUuid}';`,
      `const publicToken = 'public-development-${v.publicUuid}';`,
      `const PLAID_SECRET = '${v.secret}';`,
      `const PLAID_CLIENT_ID = '${v.clientId}';`,
      "client.itemPublicTokenExchange({ public_token: publicToken, unknown_field: 1 });",
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'client.ts'), text);
  });

  suiteTeardown(() => removeTree(dir));

  function job(rules: FileJob['rules']): FileJob {
    return { absPath: path.join(dir, 'client.ts'), displayPath: 'client.ts', fileName: 'client.ts', rules };
  }

  const ruleIds = Object.keys(RULES) as RuleId[];
  const offs: RuleId[][] = [[], ...ruleIds.map((r) => [r]), ruleIds.filter((r) => r !== 'hardcoded-secret'), ruleIds];

  for (const off of offs) {
    test(`Should find what the engine finds with ${off.length === ruleIds.length ? 'every rule' : off.join(', ') || 'no rule'} off`, () => {
      const rules = Object.fromEntries(off.map((r) => [r, 'off'])) as FileJob['rules'];
      // Every check run, the API data given, as the editor scans: only the rules' settings differ.
      const expected = scan(text, { fileName: 'client.ts', rules, api: apiIndex() }).map((f) => f.rule);
      const found = scanFile(job(rules), { maxBytes: 1 << 20 });
      assert.equal(found.note, undefined);
      assert.deepEqual(
        found.findings.map((f) => f.rule).sort(),
        [...expected].sort(),
      );
      if (off.length === 0) assert.ok(new Set(expected).size >= 4, `the text finds several rules: ${expected.join(', ')}`);
    });
  }
});
