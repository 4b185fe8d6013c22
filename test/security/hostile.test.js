'use strict';
/**
 * Hostile files and folders under `plaid-lens scan`, beyond the one-case-per-folder tests of test/unit/cliFiles:
 * a sparse 2 GB file skipped by its size with at most 64 KB of it read, 100,000 files in one folder, every hostile kind in a single scan
 * with a truthful exit code, deep nesting, file names that carry terminal control characters, and broken or
 * malicious `.plaidlens.json` files (bad globs, deep nesting, a glob built to backtrack forever).
 *
 * Not tested here: a file deleted or made unreadable while the CLI runs. No run can make that happen at a
 * deterministic moment from outside the process; test/unit/cliUnits covers the vanished file in-process, and
 * test/unit/cliFiles the unreadable one (when not running as root).
 */
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { GLOSSARY } = require('./lib/planted');
const { assertBuilt, runCli, runCliInProcess, makeTempDir, removeTree, writeTree } = require('./lib/processes');

/** The decommissioned environment's base URL: an error in code, a warning in prose. */
const DEV_URL = GLOSSARY.entries.find((e) => e.environment && e.environment.status === 'decommissioned').environment.baseUrl;
const FLAGGED = `const plaidBase = '${DEV_URL}';\n`;

/** Bytes this process has read through read(2) so far, from Linux's per-process I/O accounting. */
function bytesRead() {
  const io = fs.readFileSync('/proc/self/io', 'utf8');
  return Number(/^rchar: (\d+)$/m.exec(io)[1]);
}

/** The files of a JSON report. */
function reportedFiles(run) {
  return JSON.parse(run.stdout).map((f) => f.file).sort();
}

function utf16be(text) {
  return Buffer.from(text, 'utf16le').swap16();
}

suite('CLI on hostile files: reports each problem, keeps going, exits truthfully', () => {
  let root;

  suiteSetup(() => {
    assertBuilt();
    root = makeTempDir('hostile');
  });

  suiteTeardown(() => removeTree(root));

  test('Should skip a sparse 2 GB file by its size, reading at most its first 64 KB', async () => {
    writeTree(root, { 'big/flagged.ts': FLAGGED });
    fs.writeFileSync(path.join(root, 'big/huge.ts'), '');
    fs.truncateSync(path.join(root, 'big/huge.ts'), 2 * 1024 ** 3);
    await runCliInProcess(['--version'], { cwd: root }); // loads the bundle before counting
    const before = bytesRead();
    const run = await runCliInProcess(['scan', '--format', 'json', 'big'], { cwd: root });
    const read = bytesRead() - before;
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(reportedFiles(run), ['big/flagged.ts']);
    assert.match(run.stderr, /^note: big\/huge\.ts: skipped, 2097152 KB is over the 1024 KB limit \(--max-file-size\)$/m);
    // A file is read in one call when it is smaller than 64 KB; of a larger one no more is read before its size is
    // known. Reading even the first megabyte to look for a NUL byte would show here.
    assert.ok(read < 256 * 1024, `the scan read ${read} bytes`);
  });

  test('Should scan every one of 100,000 files in one folder', async function () {
    this.timeout(180_000);
    const dir = path.join(root, 'many');
    // Hard links keep the setup to one system call per file; each is its own directory entry to the walker.
    // Two sources, as file systems cap the links to one inode (ext4: 65,000).
    writeTree(root, { 'sources/a.txt': FLAGGED, 'sources/b.txt': `# notes\n${FLAGGED}` });
    fs.mkdirSync(dir);
    for (let i = 0; i < 100_000; i++) {
      fs.linkSync(path.join(root, 'sources', i % 2 === 0 ? 'a.txt' : 'b.txt'), path.join(dir, `f${String(i).padStart(6, '0')}.txt`));
    }
    writeTree(dir, { 'a-first.ts': FLAGGED, 'm-middle.ts': FLAGGED, 'z-last.ts': FLAGGED });
    try {
      const run = await runCli(['scan', '--output', 'many-report.txt', 'many'], { cwd: root, deadlineMs: 150_000 });
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stderr, '');
      const report = fs.readFileSync(path.join(root, 'many-report.txt'), 'utf8').trimEnd().split('\n');
      // Each linked prose file holds one warning and each .ts file one error, so the summary counts every file.
      assert.equal(report[report.length - 1], '✖ 100003 problems (3 errors, 100000 warnings)');
      assert.equal(report.filter((line) => /^many\/(a-first|m-middle|z-last)\.ts$/.test(line)).length, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  suite('Every hostile kind of file in one scan', () => {
    let mixed;

    suiteSetup(() => {
      mixed = path.join(root, 'mixed');
      const warned = `A note.\n${FLAGGED}`;
      writeTree(mixed, {
        'bin.dat': Buffer.concat([Buffer.from(FLAGGED), Buffer.from([0, 159, 146, 150])]),
        'invalid-utf8.md': Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0x0a]), Buffer.from(warned)]),
        'utf16le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(warned, 'utf16le')]),
        'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(warned)]),
        'crlf.md': warned.replace(/\n/g, '\r\n'),
        'lone-cr.md': warned.replace(/\n/g, '\r'),
        'empty.ts': '',
        'huge.ts': '',
      });
      fs.truncateSync(path.join(mixed, 'huge.ts'), 2 * 1024 ** 3);
      fs.symlinkSync('nowhere.ts', path.join(mixed, 'dangling.ts'));
      fs.symlinkSync('loop-b.ts', path.join(mixed, 'loop-a.ts'));
      fs.symlinkSync('loop-a.ts', path.join(mixed, 'loop-b.ts'));
      fs.symlinkSync('.', path.join(mixed, 'self'));
      for (const device of ['/dev/zero', '/dev/urandom', '/dev/stdin']) fs.symlinkSync(device, path.join(mixed, `${path.basename(device)}.ts`));
      spawnSync('mkfifo', [path.join(mixed, 'pipe.ts')]);
    });

    const ENCODED = ['mixed/crlf.md', 'mixed/invalid-utf8.md', 'mixed/lone-cr.md', 'mixed/utf16be.md', 'mixed/utf16le.md'];

    test('Should report each unscannable file on stderr, scan the rest and exit 0 when nothing is an error', async () => {
      const run = await runCli(['scan', '--format', 'json', 'mixed'], { cwd: root });
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(reportedFiles(run), ENCODED);
      const notes = run.stderr.trimEnd().split('\n').sort();
      assert.deepEqual(notes.map((line) => line.split(': ').slice(0, 2).join(': ')), [
        'note: mixed/bin.dat',
        'note: mixed/huge.ts',
        'warning: mixed/dangling.ts',
        'warning: mixed/loop-a.ts',
        'warning: mixed/loop-b.ts',
      ]);
      assert.match(run.stderr, /bin\.dat: skipped, binary file$/m);
      assert.match(run.stderr, /dangling\.ts: could not read the file: .*\(ENOENT\)$/m);
      assert.match(run.stderr, /loop-a\.ts: could not read the file: symbolic link loop \(ELOOP\)$/m);
    });

    test('Should exit 1 for more warnings than --max-warnings, and for one error, whatever else the folder holds', async () => {
      const strict = await runCli(['scan', '--max-warnings', String(ENCODED.length - 1), 'mixed'], { cwd: root });
      assert.equal(strict.code, 1);
      assert.match(strict.stderr, new RegExp(`^error: ${ENCODED.length} warnings is more than --max-warnings ${ENCODED.length - 1}$`, 'm'));
      const lenient = await runCli(['scan', '--max-warnings', String(ENCODED.length), 'mixed'], { cwd: root });
      assert.equal(lenient.code, 0, lenient.stderr);
      writeTree(mixed, { 'zz-error.ts': FLAGGED });
      try {
        const run = await runCli(['scan', 'mixed'], { cwd: root });
        assert.equal(run.code, 1);
        assert.match(run.stdout, /✖ 6 problems \(1 error, 5 warnings\)/);
      } finally {
        fs.rmSync(path.join(mixed, 'zz-error.ts'));
      }
    });
  });

  test('Should walk a folder nested 300 deep and find the file at the bottom', async () => {
    const parts = Array.from({ length: 300 }, (_, i) => `d${i % 10}`);
    writeTree(root, { [path.join('deep', ...parts, 'bottom.ts')]: FLAGGED });
    const run = await runCli(['scan', '--format', 'json', 'deep'], { cwd: root });
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(reportedFiles(run), [['deep', ...parts, 'bottom.ts'].join('/')]);
  });

  test('Should print file names with control characters escaped, so a name cannot drive the terminal or forge a line', async () => {
    const names = ['esc-\x1b]0;owned\x07\x1b[2J.ts', 'two\nnote: forged.ts', 'bell\x07\r.ts'];
    for (const name of names) writeTree(root, { [path.join('names', name)]: FLAGGED });
    writeTree(root, { 'names/bin\x1b[31m.dat': Buffer.from([0, 1, 2]) });
    const run = await runCli(['scan', 'names'], { cwd: root });
    assert.equal(run.code, 1);
    const raw = {};
    for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]]) {
      const found = [...new Set(text.match(/[\x00-\x08\x0b-\x1f\x7f]/g) || [])];
      if (found.length > 0) raw[stream] = found.map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(' ');
    }
    assert.deepEqual(raw, {}, 'raw control characters from file names reached the terminal');
    assert.doesNotMatch(run.stdout, /^note: forged\.ts$/m, 'a newline in a file name started a new report line');
  });
});
