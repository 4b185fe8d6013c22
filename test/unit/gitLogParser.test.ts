/**
 * The raw-log parser on its own: commits and changed blobs, whatever the chunk boundaries of git's output.
 */
import * as assert from 'node:assert/strict';
import { RawLogParser, type LogCommit } from '../../server/src/git/logStream';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

/** Two commits as `git log --raw -z --format=%x01%H%x00%an%x00%aI%x00` writes them. */
const STREAM = Buffer.from(
  [
    `\x01${'1'.repeat(40)}`, 'Zoë Ångström', '2024-01-02T03:04:05+01:00',
    `\n:000000 100644 ${ZERO} ${A} A`, 'dir/naïve file.js',
    `:000000 120000 ${ZERO} ${B} A`, 'link',
    `:100644 000000 ${A} ${ZERO} D`, 'gone.js',
    `\x01${'2'.repeat(40)}`, 'Bob', '2024-01-03T00:00:00+00:00',
    `\n:100644 100755 ${A} ${B} M`, 'run.sh',
    `:000000 160000 ${ZERO} ${B} A`, 'vendor/sub',
    '',
  ].join('\0'),
);

const EXPECTED: LogCommit[] = [
  { hash: '1'.repeat(40), author: 'Zoë Ångström', date: '2024-01-02T03:04:05+01:00', changes: [{ path: 'dir/naïve file.js', blob: A }] },
  { hash: '2'.repeat(40), author: 'Bob', date: '2024-01-03T00:00:00+00:00', changes: [{ path: 'run.sh', blob: B }] },
];

function parseInChunks(size: number): LogCommit[] {
  const parser = new RawLogParser();
  const commits: LogCommit[] = [];
  for (let i = 0; i < STREAM.length; i += size) commits.push(...parser.push(STREAM.subarray(i, i + size)));
  return [...commits, ...parser.end()];
}

suite('Raw git log parser', () => {
  for (const size of [1, 2, 3, 7, 64, STREAM.length]) {
    test(`Should read commits, keep added and changed regular files, and drop the rest, in chunks of ${size} bytes`, () => {
      assert.deepEqual(parseInChunks(size), EXPECTED);
    });
  }

  test('Should give nothing for an empty log', () => {
    const parser = new RawLogParser();
    assert.deepEqual([...parser.push(Buffer.alloc(0)), ...parser.end()], []);
  });
});
