'use strict';
/**
 * Broken and malicious `.plaidlens.json` files under `plaid-lens scan`, beyond the invalid JSON, unknown rule and
 * wrong type of test/unit/cliWalk: every way a glob can be bad, nesting built to overflow a recursive parser, a
 * folder in the file's place, several errors at once, and a glob built to backtrack forever against a long file
 * name. Each is an error naming file, line, column and field, with exit code 2 and no report; none may hang.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { assertBuilt, runCli, makeTempDir, removeTree, writeTree } = require('./lib/processes');

/** Generous: a broken config is reported in well under a second; a run past this is hung. */
const HANG_DEADLINE_MS = 15_000;

const CASES = [
  { name: 'an unclosed bracket in a glob', config: '{\n  "ignore": ["src/[abc"]\n}\n', error: /:2:14: ignore\[0\]: not a valid glob: "\[" at position 5 is never closed/ },
  { name: 'a stray closing brace in a glob', config: '{\n  "ignore": ["a}b/**"]\n}\n', error: /:2:14: ignore\[0\]: not a valid glob: "\}" at position 2/ },
  { name: 'a glob that climbs out with ..', config: '{\n  "ignore": ["../outside/**"]\n}\n', error: /:2:14: ignore\[0\]: a glob cannot contain "\.\."/ },
  { name: 'an empty glob', config: '{\n  "ignore": ["a/**", ""]\n}\n', error: /:2:22: ignore\[1\]: a glob cannot be empty/ },
  { name: 'a negated glob in an override', config: '{\n  "overrides": [\n    { "files": ["!test/**"], "rules": {} }\n  ]\n}\n', error: /:3:17: overrides\[0\]\.files\[0\]: negated globs are not supported/ },
  { name: 'an override with no files', config: '{\n  "overrides": [{ "files": [], "rules": {} }]\n}\n', error: /:2:28: overrides\[0\]\.files: expected at least one glob/ },
  { name: 'an unknown key in an override', config: '{\n  "overrides": [{ "files": ["t/**"], "rules": {}, "severity": "x" }]\n}\n', error: /:2:51: overrides\[0\]\.severity: "severity" is not an override setting/ },
  { name: 'nesting 100,000 brackets deep', config: `{ "ignore": ${'['.repeat(100_000)}`, error: /:1:\d+: nested more than \d+ levels deep/ },
  { name: 'an empty file', config: '', error: /:1:1: the file is empty/ },
  { name: 'a byte order mark before a bad severity', config: '\ufeff{\n  "rules": { "hardcoded-secret": "eror" }\n}\n', error: /:2:34: rules\.hardcoded-secret: "eror" is not a severity; did you mean "error"\?/ },
];

suite('CLI on broken and malicious .plaidlens.json files', () => {
  let root;

  suiteSetup(() => {
    assertBuilt();
    root = makeTempDir('config');
  });

  suiteTeardown(() => removeTree(root));

  for (const [i, c] of CASES.entries()) {
    test(`Should exit 2 naming file, line, column and field for ${c.name}`, async () => {
      const folder = `case${i}`;
      writeTree(root, { [`${folder}/.plaidlens.json`]: c.config, [`${folder}/a.ts`]: 'export const x = 1;\n' });
      const run = await runCli(['scan', folder], { cwd: root, deadlineMs: HANG_DEADLINE_MS });
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`^error: ${folder}/\\.plaidlens\\.json${c.error.source}`, 'm'));
      assert.equal(run.stdout, '');
    });
  }

  test('Should list every error of a file with several, in reading order', async () => {
    const config = '{\n  "rules": { "x": 1, "hardcoded-secret": 2 },\n  "ignore": "dist",\n  "extra": true\n}\n';
    writeTree(root, { 'several/.plaidlens.json': config, 'several/a.ts': '' });
    const run = await runCli(['scan', 'several'], { cwd: root });
    assert.equal(run.code, 2);
    const places = run.stderr.trimEnd().split('\n').map((line) => /^error: several\/\.plaidlens\.json:(\d+:\d+): ([^:]+):/.exec(line).slice(1).join(' '));
    assert.deepEqual(places, ['2:14 rules.x', '2:42 rules.hardcoded-secret', '3:13 ignore', '4:3 extra']);
  });

  test('Should report a folder named .plaidlens.json as a config it cannot read', async () => {
    fs.mkdirSync(path.join(root, 'folder-config', '.plaidlens.json'), { recursive: true });
    writeTree(root, { 'folder-config/a.ts': '' });
    const run = await runCli(['scan', 'folder-config'], { cwd: root });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: folder-config\/\.plaidlens\.json:1:1: cannot read the file: it is a directory \(EISDIR\)$/m);
  });

  test('Should not hang on a glob built to backtrack against a long file name', async () => {
    // picomatch turns `*a*a…b` into nested lazy `[^/]*?` groups; against 64 `a`s with no `b`, a backtracking
    // matcher tries on the order of C(64, 12) ways to fail. Such a config could sit in any cloned repository.
    writeTree(root, {
      'redos/.plaidlens.json': JSON.stringify({ ignore: [`${'*a'.repeat(12)}b`] }),
      [`redos/${'a'.repeat(64)}.ts`]: 'export const x = 1;\n',
    });
    const run = await runCli(['scan', 'redos'], { cwd: root, deadlineMs: HANG_DEADLINE_MS }).catch((error) => ({ hung: error.message }));
    assert.equal(run.hung, undefined, 'the scan hung on a hostile glob');
    assert.ok(run.code === 0 || run.code === 2, `exit ${run.code}: ${run.stderr}`);
  });
});
