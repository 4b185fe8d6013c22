/**
 * The CLI's building blocks, in process: the line index, text decoding, the report formatters, the writer, the
 * ordered mapper, argument parsing and the per-file scan.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseHistoryArgs, parseScanArgs, UsageError } from '../../server/src/cli/args';
import { formatJson } from '../../server/src/cli/formatJson';
import { buildSarif, FINGERPRINT_KEY, sarifLevel } from '../../server/src/cli/formatSarif';
import { formatText, summaryLine } from '../../server/src/cli/formatText';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { Output } from '../../server/src/cli/output';
import { decodeText, describeFsError } from '../../server/src/files/readText';
import type { FileResult, LocatedFinding } from '../../server/src/files/report';
import { scanFile } from '../../server/src/files/scanFile';
import { DEV_URL_LINE, makeTempDir, removeTree, type SarifLogShape } from './cliHarness';

function finding(overrides: Partial<LocatedFinding> = {}): LocatedFinding {
  return { rule: 'hardcoded-secret', severity: 'error', message: 'Hard-coded secret 1a2b…9f0e', line: 3, column: 5, endLine: 3, endColumn: 35, maskedText: '1a2b…9f0e', ...overrides };
}

function result(displayPath: string, findings: LocatedFinding[], absPath = path.resolve('/repo', displayPath)): FileResult {
  return { absPath, displayPath, findings };
}

/** Line and column the slow, obvious way, for comparison. */
function naivePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

suite('CLI line index', () => {
  const cases: { name: string; text: string; offset: number; line: number; column: number }[] = [
    { name: 'the first character', text: 'abc', offset: 0, line: 1, column: 1 },
    { name: 'the end of the text', text: 'abc', offset: 3, line: 1, column: 4 },
    { name: 'after LF', text: 'ab\ncd', offset: 3, line: 2, column: 1 },
    { name: 'after CRLF', text: 'ab\r\ncd', offset: 4, line: 2, column: 1 },
    { name: 'between CR and LF', text: 'ab\r\ncd', offset: 3, line: 1, column: 4 },
    { name: 'after a lone CR', text: 'ab\rcd', offset: 4, line: 2, column: 2 },
    { name: 'an empty line', text: 'a\n\nb', offset: 2, line: 2, column: 1 },
    { name: 'an empty text', text: '', offset: 0, line: 1, column: 1 },
    { name: 'past the end (clamped)', text: 'a\nb', offset: 99, line: 2, column: 2 },
    { name: 'before the start (clamped)', text: 'a\nb', offset: -5, line: 1, column: 1 },
    { name: 'a surrogate pair (UTF-16 units)', text: '😀x', offset: 2, line: 1, column: 3 },
  ];
  for (const c of cases) {
    test(`Should place ${c.name}`, () => {
      assert.deepEqual(new LineIndex(c.text).positionAt(c.offset), { line: c.line, column: c.column });
    });
  }

  test('Should agree with a naive count for any text of line breaks', () => {
    const texts = fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', 'xy'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        assert.deepEqual(new LineIndex(text).positionAt(offset), naivePosition(text, offset));
      }),
    );
  });
});

suite('CLI text decoding', () => {
  const cases: { name: string; bytes: Buffer; text: string | undefined }[] = [
    { name: 'plain UTF-8', bytes: Buffer.from('héllo'), text: 'héllo' },
    { name: 'UTF-8 with a BOM (stripped)', bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x61]), text: 'a' },
    { name: 'UTF-16 LE with a BOM', bytes: Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]), text: 'a\n' },
    { name: 'UTF-16 BE with a BOM', bytes: Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00, 0x0a]), text: 'a\n' },
    { name: 'UTF-16 LE with a dangling odd byte', bytes: Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]), text: 'a' },
    { name: 'a NUL byte early (binary)', bytes: Buffer.from([0x61, 0x00, 0x62]), text: undefined },
    { name: 'a NUL byte after 8 KB (text)', bytes: Buffer.concat([Buffer.alloc(8192, 0x61), Buffer.from([0])]), text: `${'a'.repeat(8192)}\u0000` },
    { name: 'invalid UTF-8 (replaced)', bytes: Buffer.from([0x61, 0xff, 0x62]), text: 'a\ufffdb' },
    { name: 'nothing', bytes: Buffer.alloc(0), text: '' },
  ];
  for (const c of cases) {
    test(`Should decode ${c.name}`, () => {
      assert.equal(decodeText(c.bytes), c.text);
    });
  }

  const errors: { code: string; text: RegExp }[] = [
    { code: 'EACCES', text: /^permission denied \(EACCES\)$/ },
    { code: 'ENOENT', text: /no longer exists.*\(ENOENT\)$/ },
    { code: 'ELOOP', text: /^symbolic link loop \(ELOOP\)$/ },
    { code: 'EMFILE', text: /^too many open files \(EMFILE\)$/ },
  ];
  for (const e of errors) {
    test(`Should explain ${e.code} in words`, () => {
      assert.match(describeFsError(Object.assign(new Error('raw'), { code: e.code })), e.text);
    });
  }
});

suite('CLI report formatters', () => {
  const summaries: { errors: number; warnings: number; notes: number; files: number; line: string }[] = [
    { errors: 0, warnings: 0, notes: 0, files: 3, line: '✔ No problems found in 3 files.' },
    { errors: 0, warnings: 0, notes: 0, files: 1, line: '✔ No problems found in 1 file.' },
    { errors: 1, warnings: 0, notes: 0, files: 1, line: '✖ 1 problem (1 error, 0 warnings)' },
    { errors: 2, warnings: 1, notes: 0, files: 1, line: '✖ 3 problems (2 errors, 1 warning)' },
    { errors: 0, warnings: 2, notes: 1, files: 1, line: '✖ 3 problems (0 errors, 2 warnings, 1 note)' },
  ];
  for (const s of summaries) {
    test(`Should summarise as "${s.line}"`, () => assert.equal(summaryLine(s), s.line));
  }

  test('Should align text rows per file and leave out clean files', () => {
    const text = formatText(
      [
        result('src/a.ts', [finding(), finding({ line: 12, column: 1, severity: 'warning', rule: 'expiring-token', message: 'Expires' })]),
        result('src/clean.ts', []),
      ],
      { files: 2, errors: 1, warnings: 1, notes: 0 },
    );
    assert.equal(
      text,
      'src/a.ts\n' +
        '  3:5   error    Hard-coded secret 1a2b…9f0e  hardcoded-secret\n' +
        '  12:1  warning  Expires                      expiring-token\n\n' +
        '✖ 2 problems (1 error, 1 warning)\n',
    );
  });

  test('Should write JSON with positions and messages only', () => {
    const report = JSON.parse(formatJson([result('a.ts', [finding()]), result('b.ts', [])])) as { file: string; findings: object[] }[];
    assert.deepEqual(report, [
      { file: 'a.ts', findings: [{ rule: 'hardcoded-secret', severity: 'error', line: 3, column: 5, endLine: 3, endColumn: 35, message: 'Hard-coded secret 1a2b…9f0e' }] },
    ]);
  });

  const levels = [['error', 'error'], ['warning', 'warning'], ['info', 'note'], ['hint', 'note']] as const;
  for (const [severity, level] of levels) {
    test(`Should map severity ${severity} to SARIF level ${level}`, () => assert.equal(sarifLevel(severity), level));
  }

  function sarif(results: FileResult[]): SarifLogShape {
    return buildSarif(results, { tool: { version: '9.9.9', informationUri: 'https://example.test/plaid-lens#readme' }, rootDir: '/repo' }) as SarifLogShape;
  }

  test('Should encode relative uris and give files outside the root an absolute file uri', () => {
    const log = sarif([result('my dir/a#b.ts', [finding()]), result('../elsewhere/c.ts', [finding()], '/elsewhere/c.ts')]);
    const locations = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(locations, [{ uri: 'my%20dir/a%23b.ts', uriBaseId: '%SRCROOT%' }, { uri: 'file:///elsewhere/c.ts' }]);
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, 'file:///repo/');
  });

  test('Should fingerprint by rule, path, masked text and occurrence, not by line', () => {
    const print = (results: FileResult[]) => sarif(results).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    const [first, second] = print([result('a.ts', [finding(), finding({ line: 9 })])]);
    assert.notEqual(first, second);
    assert.deepEqual(print([result('a.ts', [finding({ line: 40 })])]), [first]);
    assert.notDeepEqual(print([result('b.ts', [finding()])]), [first]);
    assert.notDeepEqual(print([result('a.ts', [finding({ rule: 'hardcoded-client-id' })])]), [first]);
  });

  test('Should report skipped and unreadable files as tool notifications', () => {
    const skipped: FileResult = { ...result('big.bin', []), note: { kind: 'skipped', reason: 'binary file' } };
    const unreadable: FileResult = { ...result('gone.ts', []), note: { kind: 'unreadable', reason: 'permission denied (EACCES)' } };
    const notes = sarif([skipped, unreadable]).runs[0].invocations![0].toolExecutionNotifications!;
    assert.deepEqual(notes.map((n) => [n.level, n.message.text]), [['note', 'big.bin: binary file'], ['warning', 'gone.ts: permission denied (EACCES)']]);
  });
});

suite('CLI writer, mapper and arguments', () => {
  function sinks(isTTY: boolean) {
    const written = { stdout: '', stderr: '' };
    const output = new Output({ stdout: { write: (t: string) => (written.stdout += t) }, stderr: { isTTY, write: (t: string) => (written.stderr += t) } });
    return { output, written };
  }

  test('Should draw and clear a progress line only on a terminal', () => {
    const tty = sinks(true);
    tty.output.progress('Scanning… 1 files', true);
    tty.output.note('note: x');
    assert.equal(tty.written.stderr, '\r\x1b[2KScanning… 1 files\r\x1b[2Knote: x\n');
    const pipe = sinks(false);
    pipe.output.progress('Scanning… 1 files', true);
    pipe.output.note('note: x');
    assert.equal(pipe.written.stderr, 'note: x\n');
  });

  test('Should parse scan arguments with their defaults', () => {
    assert.deepEqual(parseScanArgs([]), { help: false, paths: ['.'], format: 'text', output: undefined, config: undefined, maxWarnings: undefined, maxFileSizeKb: 1024, staged: false });
    const all = parseScanArgs(['src', '--format=sarif', '-o', 'out.sarif', '-c', 'x.json', '--max-warnings', '0', '--max-file-size', '64', 'lib']);
    assert.deepEqual(all, { help: false, paths: ['src', 'lib'], format: 'sarif', output: 'out.sarif', config: 'x.json', maxWarnings: 0, maxFileSizeKb: 64, staged: false });
    const git = parseScanArgs(['--staged', '--baseline', 'b.json', '--write-baseline', 'new.json']);
    assert.deepEqual([git.staged, git.baseline, git.writeBaseline], [true, 'b.json', 'new.json']);
  });

  test('Should parse history arguments with their defaults', () => {
    assert.deepEqual(parseHistoryArgs([]), { help: false, paths: [], since: undefined, branch: undefined, all: false, format: 'text', output: undefined, config: undefined, maxWarnings: undefined, maxFileSizeKb: 1024, baseline: undefined, writeBaseline: undefined });
    const all = parseHistoryArgs(['--since', 'origin/main', '--branch', 'dev', '--format', 'json', '-o', 'h.json', '--jobs', '2', '--write-sources', 'src-out', 'src']);
    assert.deepEqual([all.since, all.branch, all.format, all.output, all.jobs, all.writeSources, all.paths], ['origin/main', 'dev', 'json', 'h.json', 2, 'src-out', ['src']]);
  });

  const badHistory: string[][] = [['--all', '--branch', 'x'], ['--since', '-x'], ['--branch='], ['--format', 'html'], ['--staged'], ['--write-sources=']];
  for (const args of badHistory) {
    test(`Should reject \`history ${args.join(' ')}\` as a usage error`, () => {
      assert.throws(() => parseHistoryArgs(args), UsageError);
    });
  }

  const bad: string[][] = [['--format', 'html'], ['--max-warnings', '1.5'], ['--max-file-size', '-3'], ['--output='], ['--nope']];
  for (const args of bad) {
    test(`Should reject \`scan ${args.join(' ')}\` as a usage error`, () => {
      assert.throws(() => parseScanArgs(args), UsageError);
    });
  }
});

suite('CLI per-file scan', () => {
  let root: string;

  suiteSetup(() => {
    root = makeTempDir('scanfile');
  });

  suiteTeardown(() => removeTree(root));

  const job = (name: string) => ({ absPath: path.join(root, name), displayPath: name, fileName: name, rules: {} });

  test('Should place findings by line and column and keep only a masked copy of the flagged text', async () => {
    fs.writeFileSync(path.join(root, 'a.ts'), `// first\n${DEV_URL_LINE}`);
    const scanned = await scanFile(job('a.ts'), { maxBytes: 1024 });
    assert.equal(scanned.note, undefined);
    assert.equal(scanned.findings.length, 1);
    const [f] = scanned.findings;
    assert.deepEqual([f.rule, f.line, f.column, f.endLine], ['development-environment', 2, DEV_URL_LINE.indexOf('https') + 1, 2]);
    assert.ok(!DEV_URL_LINE.includes(f.maskedText), f.maskedText);
  });

  test('Should note a file that vanished between the walk and the read', async () => {
    const scanned = await scanFile(job('vanished.ts'), { maxBytes: 1024 });
    assert.equal(scanned.note?.kind, 'unreadable');
    assert.match(scanned.note!.reason, /ENOENT/);
  });

  test('Should apply the rules carried by the job', async () => {
    fs.writeFileSync(path.join(root, 'b.ts'), DEV_URL_LINE);
    const scanned = await scanFile({ ...job('b.ts'), rules: { 'development-environment': 'off' } }, { maxBytes: 1024 });
    assert.deepEqual(scanned.findings, []);
  });
});
