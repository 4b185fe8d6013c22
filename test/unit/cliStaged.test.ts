/**
 * `plaid-lens scan --staged` and baselines (`--write-baseline`, `--baseline`) for `scan` and `history`, in real
 * repositories.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { leakedValues, makeTempDir, runCli, type CliRun } from './cliHarness';
import { TEST_SEED } from '../seed';
import { PLAID_HEADER, secretLine, useTestRepos } from './gitRepos';

interface JsonFile {
  file: string;
  findings: { rule: string; line: number }[];
}

suite(`CLI scan --staged and baselines (seed ${TEST_SEED})`, function () {
  // Each test builds a repository with a git process per step and runs the CLI: minutes on a busy machine.
  this.timeout(120_000);
  const { hex, repo, removeLater } = useTestRepos('git staged');

  async function staged(cwd: string, ...args: string[]): Promise<{ run: CliRun; files: JsonFile[] }> {
    const run = await runCli(['scan', '--staged', '--format', 'json', ...args], cwd);
    return { run, files: run.code === 0 || run.code === 1 ? (JSON.parse(run.stdout) as JsonFile[]) : [] };
  }

  function noLeak(run: CliRun, values: string[]): void {
    assert.deepEqual(leakedValues(run.stdout + run.stderr, values), [], 'a value was printed whole');
  }

  test('Should scan the staged version, with its line numbers, not the working tree', async () => {
    const r = repo('staged-index');
    const [stagedSecret, unstagedSecret] = [hex(30), hex(30)];
    r.commit('base', { 'app.js': PLAID_HEADER, 'clean.js': PLAID_HEADER });
    r.write({ 'app.js': PLAID_HEADER + '\n\n' + secretLine(stagedSecret) });
    r.git('add', 'app.js');
    // The working tree moves on: the secret leaves app.js, another one appears unstaged in clean.js.
    r.write({ 'app.js': PLAID_HEADER, 'clean.js': PLAID_HEADER + secretLine(unstagedSecret) });
    const { run, files } = await staged(r.root);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(files.map((f) => [f.file, f.findings.map((x) => [x.rule, x.line])]), [['app.js', [['hardcoded-secret', 4]]]]);
    const text = await runCli(['scan', '--staged'], r.root);
    assert.match(text.stdout, /app\.js\n {2}4:23 +error/);
    noLeak(text, [stagedSecret, unstagedSecret]);
  });

  test('Should work before the first commit, skip deleted and binary files, and honour paths', async () => {
    const r = repo('staged-unborn');
    const [a, b, c] = [hex(30), hex(30), hex(30)];
    r.write({ 'src/a.js': PLAID_HEADER + secretLine(a), 'docs/b.py': 'import plaid\nPLAID_SECRET = "' + b + '"\n', 'bin.dat': Buffer.concat([Buffer.from([0, 0]), Buffer.from(secretLine(c))]) });
    r.git('add', '-A');
    const all = await staged(r.root);
    assert.equal(all.run.code, 1, all.run.stderr);
    assert.deepEqual(all.files.map((f) => f.file), ['docs/b.py', 'src/a.js']);
    assert.match(all.run.stderr, /bin\.dat: skipped, binary file/);
    const onlySrc = await staged(r.root, 'src');
    assert.deepEqual(onlySrc.files.map((f) => f.file), ['src/a.js']);
    const fromSub = await staged(path.join(r.root, 'src'));
    assert.deepEqual(fromSub.files.map((f) => f.file), ['a.js'], 'paths are shown relative to the working directory');
    r.commit('first');
    r.git('rm', '-q', 'src/a.js');
    const afterDelete = await staged(r.root);
    assert.equal(afterDelete.run.code, 0, afterDelete.run.stderr);
    assert.deepEqual(afterDelete.files, []);
    noLeak(all.run, [a, b, c]);
  });

  test('Should report many staged files in path order, on one thread or on several', async () => {
    const r = repo('staged-many');
    const files: Record<string, string> = {};
    const secrets: string[] = [];
    for (let i = 0; i < 40; i++) {
      const secret = hex(30);
      if (i % 3 === 0) secrets.push(secret);
      files[`f/${String(i).padStart(2, '0')}.js`] = i % 3 === 0 ? PLAID_HEADER + secretLine(secret) : PLAID_HEADER;
    }
    r.write(files);
    r.git('add', '-A');
    const expected = Object.keys(files).filter((_, i) => i % 3 === 0);
    for (const jobs of [[], ['--jobs', '1'], ['--jobs', '3']]) {
      const { run, files: reported } = await staged(r.root, ...jobs);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(reported.map((f) => f.file), expected, `jobs ${jobs.join(' ') || 'default'}`);
      noLeak(run, secrets);
    }
  });

  test('Should refuse a folder outside git with a clear usage error', async () => {
    const plain = removeLater(makeTempDir('staged-not-git'));
    const run = await runCli(['scan', '--staged'], plain);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not a git repository/);
  });

  test('Should write a baseline of fingerprints only, and hold those findings back even after their lines move', async () => {
    const r = repo('baseline-scan');
    const [old, fresh] = [hex(30), hex(30)];
    r.write({ 'src/app.js': PLAID_HEADER + secretLine(old) });
    const write = await runCli(['scan', '--write-baseline', 'plaid-baseline.json', 'src'], r.root);
    assert.equal(write.code, 1, 'writing a baseline still reports and counts the findings');
    assert.match(write.stderr, /wrote 1 finding to the baseline plaid-baseline\.json/);
    const baselineText = fs.readFileSync(path.join(r.root, 'plaid-baseline.json'), 'utf8');
    const baseline = JSON.parse(baselineText) as { version: number; salt: string; findings: Record<string, string>[] };
    assert.equal(baseline.version, 1);
    assert.deepEqual(Object.keys(baseline.findings[0]!).sort(), ['fingerprint', 'path', 'rule']);
    assert.deepEqual([baseline.findings[0]!.rule, baseline.findings[0]!.path], ['hardcoded-secret', 'src/app.js']);
    assert.deepEqual(leakedValues(baselineText, [old, old.slice(0, 4) + '…', '…' + old.slice(-4)]), []);
    // The line moves down; a new secret arrives.
    r.write({ 'src/app.js': PLAID_HEADER + '\n// moved\n' + secretLine(old) + secretLine(fresh).replace('PLAID_SECRET', 'PLAID_SECRET_2') });
    const check = await runCli(['scan', '--baseline', 'plaid-baseline.json', '--format', 'json', 'src'], r.root);
    assert.equal(check.code, 1, check.stderr);
    const files = JSON.parse(check.stdout) as JsonFile[];
    assert.deepEqual(files.map((f) => f.findings.map((x) => x.line)), [[5]]);
    assert.match(check.stderr, /1 finding baselined in plaid-baseline\.json/);
    const text = await runCli(['scan', '--baseline', 'plaid-baseline.json', 'src'], r.root);
    assert.match(text.stdout, /ℹ 1 finding baselined in plaid-baseline\.json \(not shown\)/);
    r.write({ 'src/app.js': PLAID_HEADER + '\n// moved\n' + secretLine(old) });
    const clean = await runCli(['scan', '--baseline', 'plaid-baseline.json', 'src'], r.root);
    assert.equal(clean.code, 0, 'only new findings count toward the exit code');
    noLeak(write, [old]);
    noLeak(check, [old, fresh]);
  });

  test('Should share baselines between history and staged scans, and refuse a file that is not one', async () => {
    const r = repo('baseline-history');
    const [known, later] = [hex(30), hex(30)];
    r.commit('known', { 'a.js': PLAID_HEADER + secretLine(known) });
    const write = await runCli(['history', '--write-baseline', '.plaid/baseline.json'], r.root);
    assert.equal(write.code, 1);
    const quiet = await runCli(['history', '--baseline', '.plaid/baseline.json'], r.root);
    assert.equal(quiet.code, 0, quiet.stdout);
    assert.match(quiet.stdout, /1 finding baselined/);
    r.write({ 'a.js': PLAID_HEADER + '// edit\n' + secretLine(known) });
    r.git('add', 'a.js');
    const stagedRun = await staged(r.root, '--baseline', '.plaid/baseline.json');
    assert.equal(stagedRun.run.code, 0, stagedRun.run.stdout);
    r.commit('later', { 'b.js': PLAID_HEADER + secretLine(later) });
    const next = await runCli(['history', '--baseline', '.plaid/baseline.json', '--format', 'json'], r.root);
    assert.equal(next.code, 1);
    assert.deepEqual((JSON.parse(next.stdout) as { path: string }[]).map((e) => e.path), ['b.js']);
    fs.writeFileSync(path.join(r.root, 'bogus.json'), '{"findings": []}');
    const bogus = await runCli(['history', '--baseline', 'bogus.json'], r.root);
    assert.equal(bogus.code, 2);
    assert.match(bogus.stderr, /bogus\.json is not a plaid-lens baseline/);
    const missing = await runCli(['scan', '--baseline', 'nope.json'], r.root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the baseline nope\.json/);
    noLeak(write, [known]);
  });
});
