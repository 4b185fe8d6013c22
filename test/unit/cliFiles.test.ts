/**
 * Hostile and broken files under `plaid-lens scan`: binary, oversized, UTF-16 and BOMs, CRLF and lone CR,
 * unreadable files, dangling links, link loops and FIFOs. Each is reported clearly, the scan goes on, and the exit
 * code still follows the findings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertCliBuilt, DEV_URL, DEV_URL_LINE, ignoresFileModes, makeTempDir, removeTree, runCli, writeTree } from './cliHarness';

interface JsonFile {
  file: string;
  findings: { rule: string; line: number; column: number; endLine: number; endColumn: number }[];
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

/** 1-based column of the decommissioned URL on its line (the engine's range starts at `https://`). */
const URL_COLUMN = DEV_URL_LINE.indexOf(DEV_URL) + 1;

suite('CLI scan: hostile and broken files', () => {
  let root: string;

  suiteSetup(() => {
    assertCliBuilt();
    root = makeTempDir('files');
    const crlf = `// one\r\n// two\r\n${DEV_URL_LINE.replace('\n', '\r\n')}`;
    writeTree(root, {
      'enc/utf16le.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`// x\n${DEV_URL_LINE}`, 'utf16le')]),
      'enc/utf16be.ts': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(`// x\n${DEV_URL_LINE}`)]),
      'enc/utf8bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DEV_URL_LINE)]),
      'enc/crlf.ts': crlf,
      'enc/cr.ts': `// one\r// two\r${DEV_URL_LINE}`,
      'enc/invalid-utf8.ts': Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0x0a]), Buffer.from(DEV_URL_LINE)]),
      'enc/empty.ts': '',
      'skip/bin.dat': Buffer.concat([Buffer.from(DEV_URL_LINE), Buffer.from([0, 1, 2, 3])]),
      'skip/late-nul.ts': Buffer.concat([Buffer.from(DEV_URL_LINE), Buffer.alloc(9000, 0x20), Buffer.from([0])]),
      'skip/big.ts': DEV_URL_LINE + ' '.repeat(2048),
      'skip/small.ts': DEV_URL_LINE,
      'huge/over-default.ts': DEV_URL_LINE + ' '.repeat(1024 * 1024),
      'huge/fine.ts': DEV_URL_LINE,
      'unread/ok.ts': DEV_URL_LINE,
      'unread/locked.ts': DEV_URL_LINE,
      'loops/ok.ts': DEV_URL_LINE,
      'outside/target.ts': DEV_URL_LINE,
    });
    fs.symlinkSync('nowhere.ts', path.join(root, 'unread/dangling.ts'));
    fs.symlinkSync('.', path.join(root, 'loops/self'));
    fs.symlinkSync('..', path.join(root, 'loops/parent'));
    fs.symlinkSync('b.ts', path.join(root, 'loops/a.ts'));
    fs.symlinkSync('a.ts', path.join(root, 'loops/b.ts'));
    fs.symlinkSync('ok.ts', path.join(root, 'loops/same.ts'));
    fs.symlinkSync('../outside/target.ts', path.join(root, 'loops/outside-link.ts'));
  });

  suiteTeardown(() => removeTree(root));

  const positions: { file: string; line: number; column: number }[] = [
    { file: 'enc/utf16le.ts', line: 2, column: URL_COLUMN },
    { file: 'enc/utf16be.ts', line: 2, column: URL_COLUMN },
    { file: 'enc/utf8bom.ts', line: 1, column: URL_COLUMN },
    { file: 'enc/crlf.ts', line: 3, column: URL_COLUMN },
    { file: 'enc/cr.ts', line: 3, column: URL_COLUMN },
    { file: 'enc/invalid-utf8.ts', line: 2, column: URL_COLUMN },
  ];

  test('Should decode UTF-16 and BOM files and count CRLF and lone CR line endings as the editor does', async () => {
    const run = await runCli(['scan', '--format', 'json', 'enc'], root);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonFile[];
    const found = report.map((f) => ({ file: f.file, line: f.findings[0].line, column: f.findings[0].column }));
    assert.deepEqual(found.sort((a, b) => a.file.localeCompare(b.file)), [...positions].sort((a, b) => a.file.localeCompare(b.file)));
    for (const f of report) {
      assert.equal(f.findings.length, 1, f.file);
      assert.equal(f.findings[0].endColumn, URL_COLUMN + DEV_URL.length, f.file);
    }
    assert.equal(run.stderr, '');
  });

  test('Should skip binary and oversized files with a note and scan the rest', async () => {
    const run = await runCli(['scan', '--format', 'json', '--max-file-size', '1', 'skip'], root);
    assert.equal(run.code, 1);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file).sort(), ['skip/small.ts']);
    assert.match(run.stderr, /^note: skip\/bin\.dat: skipped, binary file$/m);
    assert.match(run.stderr, /^note: skip\/big\.ts: skipped, 3 KB is over the 1 KB limit \(--max-file-size\)$/m);
    assert.match(run.stderr, /^note: skip\/late-nul\.ts: skipped, 9 KB is over the 1 KB limit/m);
  });

  test('Should treat NUL bytes only within the first 8 KB as binary', async () => {
    const run = await runCli(['scan', '--format', 'json', 'skip/late-nul.ts', 'skip/bin.dat'], root);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['skip/late-nul.ts']);
  });

  test('Should skip files over the default 1024 KB limit', async () => {
    const run = await runCli(['scan', '--format', 'json', 'huge'], root);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['huge/fine.ts']);
    assert.match(run.stderr, /^note: huge\/over-default\.ts: skipped, 1025 KB is over the 1024 KB limit/m);
  });

  test('Should report an empty file as scanned and clean', async () => {
    const run = await runCli(['scan', 'enc/empty.ts'], root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), '✔ No problems found in 1 file.');
  });

  test('Should report a dangling link, keep scanning, and keep the exit code truthful', async () => {
    const run = await runCli(['scan', '--format', 'json', 'unread'], root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^warning: unread\/dangling\.ts: could not read the file: it no longer exists.*\(ENOENT\)$/m);
    assert.ok((JSON.parse(run.stdout) as JsonFile[]).some((f) => f.file === 'unread/ok.ts'));
  });

  test('Should report a file it may not read and keep scanning', async function () {
    if (ignoresFileModes()) this.skip(); // root reads any file; the dangling link and vanished-file tests cover this path
    const locked = path.join(root, 'unread/locked.ts');
    fs.chmodSync(locked, 0o000);
    try {
      const run = await runCli(['scan', '--format', 'json', 'unread'], root);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /^warning: unread\/locked\.ts: could not read the file: permission denied \(EACCES\)$/m);
      assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['unread/ok.ts']);
    } finally {
      fs.chmodSync(locked, 0o644);
    }
  });

  test('Should not follow links to folders, report link loops, and scan a linked file once, where it lives', async () => {
    const run = await runCli(['scan', '--format', 'json', 'loops'], root);
    assert.equal(run.code, 1);
    const files = (JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file).sort();
    assert.deepEqual(files, ['loops/ok.ts', 'loops/outside-link.ts']);
    assert.match(run.stderr, /^warning: loops\/a\.ts: could not read the file: symbolic link loop \(ELOOP\)$/m);
    assert.match(run.stderr, /^warning: loops\/b\.ts: could not read the file: symbolic link loop \(ELOOP\)$/m);
  });

  test('Should skip a FIFO in a folder instead of blocking on it', async function () {
    const fifo = path.join(root, 'fifo');
    fs.mkdirSync(fifo);
    if (spawnSync('mkfifo', [path.join(fifo, 'pipe.ts')]).status !== 0) this.skip();
    writeTree(root, { 'fifo/a.ts': DEV_URL_LINE });
    const run = await runCli(['scan', '--format', 'json', 'fifo'], root);
    assert.equal(run.code, 1);
    assert.deepEqual((JSON.parse(run.stdout) as JsonFile[]).map((f) => f.file), ['fifo/a.ts']);
  });

  test('Should refuse a FIFO named on the command line as a usage error', async function () {
    const pipe = path.join(root, 'named.pipe');
    if (spawnSync('mkfifo', [pipe]).status !== 0) this.skip();
    const run = await runCli(['scan', 'named.pipe'], root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a regular file or folder: named\.pipe/);
  });
});
