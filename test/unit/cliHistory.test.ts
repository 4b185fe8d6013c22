/**
 * `plaid-lens history` against real repositories: what each commit added, reported once per value at the commit
 * that introduced it, with faults (shallow clones, missing and corrupt objects, huge blobs) noted, not fatal.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { leakedValues, makeTempDir, runCli, type CliRun } from './cliHarness';
import { TEST_SEED } from '../seed';
import { PLAID_HEADER, secretLine, TestRepo, useTestRepos } from './gitRepos';

/** The JSON report's entries, as the tests read them. */
interface HistoryEntry {
  commit: string;
  shortCommit: string;
  author: string;
  date: string;
  path: string;
  line: number;
  column: number;
  rule: string;
  severity: string;
  message: string;
  presentAtHead: boolean;
}

suite(`CLI history (seed ${TEST_SEED})`, function () {
  // Each test builds a repository with a git process per step and runs the CLI: minutes on a busy machine.
  this.timeout(120_000);
  const { hex, repo, removeLater } = useTestRepos('git history');

  async function history(r: TestRepo | string, ...args: string[]): Promise<{ run: CliRun; entries: HistoryEntry[] }> {
    const run = await runCli(['history', '--format', 'json', ...args], typeof r === 'string' ? r : r.root);
    const entries = run.code === 0 || run.code === 1 ? (JSON.parse(run.stdout) as HistoryEntry[]) : [];
    return { run, entries };
  }

  function noLeak(run: CliRun, values: string[]): void {
    assert.deepEqual(leakedValues(run.stdout + run.stderr, values), [], 'a value was printed whole');
  }

  test('Should report a secret added and later removed once, at the commit that added it, as gone from HEAD', async () => {
    const r = repo('added-removed');
    const secret = hex(30);
    r.commit('readme', { 'README.md': '# app\n' });
    const added = r.commit('config', { 'src/config.js': PLAID_HEADER + '\n' + secretLine(secret) });
    r.commit('other', { 'README.md': '# app\nmore\n' });
    r.commit('remove', { 'src/config.js': PLAID_HEADER + 'const PLAID_SECRET = process.env.PLAID_SECRET;\n' });
    const { run, entries } = await history(r);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(entries.length, 1, run.stdout);
    const [e] = entries;
    assert.equal(e!.commit, added);
    assert.equal(e!.shortCommit, added.slice(0, 8));
    assert.equal(e!.author, 'Ada Tester');
    assert.match(e!.date, /^2023-11-14T22:/);
    assert.deepEqual([e!.path, e!.line, e!.rule, e!.severity, e!.presentAtHead], ['src/config.js', 3, 'hardcoded-secret', 'error', false]);
    noLeak(run, [secret]);
  });

  test('Should report a value kept for many commits once, and say HEAD still has it', async () => {
    const r = repo('kept');
    const secret = hex(30);
    const added = r.commit('add', { 'app.js': PLAID_HEADER + secretLine(secret) });
    for (let i = 0; i < 15; i++) r.commit(`edit ${i}`, { 'app.js': PLAID_HEADER + '// edit\n'.repeat(i + 1) + secretLine(secret) });
    const { run, entries } = await history(r);
    assert.equal(entries.length, 1, run.stdout);
    assert.equal(entries[0]!.commit, added);
    assert.equal(entries[0]!.line, 2);
    assert.equal(entries[0]!.presentAtHead, true);
    const text = await runCli(['history'], r.root);
    assert.match(text.stdout, /still in HEAD/);
    assert.match(text.stdout, /1 problem \(1 error, 0 warnings\) in 1 commit/);
    noLeak(text, [secret]);
  });

  test('Should not report a renamed file again, and report its line in the commit that added it', async () => {
    const r = repo('rename');
    const secret = hex(30);
    const added = r.commit('add', { 'old/name.js': PLAID_HEADER + '\n\n' + secretLine(secret) });
    r.git('mv', 'old/name.js', 'new-name.js');
    r.commit('rename');
    const { entries } = await history(r);
    assert.deepEqual(entries.map((e) => [e.commit, e.path, e.line, e.presentAtHead]), [[added, 'old/name.js', 4, true]]);
  });

  test('Should find a secret from a merged branch once, and one on an unmerged branch only with --all', async () => {
    const r = repo('merge');
    const merged = hex(30);
    const unmerged = hex(30);
    r.commit('base', { 'README.md': 'base\n' });
    r.git('checkout', '-q', '-b', 'feature');
    const onBranch = r.commit('feature secret', { 'feature.js': PLAID_HEADER + secretLine(merged) });
    r.git('checkout', '-q', 'main');
    r.commit('main work', { 'main.txt': 'main\n' });
    r.git('merge', '-q', '--no-ff', '-m', 'merge feature', 'feature');
    r.git('checkout', '-q', '-b', 'stale');
    const stale = r.commit('stale secret', { 'stale.py': 'import plaid\nPLAID_SECRET = "' + unmerged + '"\n' });
    r.git('checkout', '-q', 'main');
    const main = await history(r);
    assert.deepEqual(main.entries.map((e) => [e.commit, e.path]), [[onBranch, 'feature.js']]);
    const all = await history(r, '--all');
    assert.deepEqual(all.entries.map((e) => [e.commit, e.path, e.presentAtHead]).sort(), [[onBranch, 'feature.js', true], [stale, 'stale.py', false]].sort());
    const branch = await history(r, '--branch', 'stale');
    assert.equal(branch.entries.length, 2);
  });

  test('Should skip binary file versions with a note, even when they hold a secret', async () => {
    const r = repo('binary');
    const secret = hex(30);
    r.commit('binary', { 'blob.bin': Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(PLAID_HEADER + secretLine(secret))]) });
    const { run, entries } = await history(r);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(entries, []);
    assert.match(run.stderr, /skipped 1 binary file version/);
    noLeak(run, [secret]);
  });

  test('Should scan an empty repository without error and find nothing', async () => {
    const r = repo('empty');
    const { run, entries } = await history(r);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(entries, []);
    const text = await runCli(['history'], r.root);
    assert.match(text.stdout, /No problems found/);
  });

  test('Should note a shallow clone and report what it holds at its oldest commit', async () => {
    const r = repo('shallow-source');
    const early = hex(30);
    const late = hex(30);
    r.commit('early', { 'a.js': PLAID_HEADER + secretLine(early) });
    r.commit('drop', { 'a.js': PLAID_HEADER });
    r.commit('late', { 'b.js': PLAID_HEADER + secretLine(late) });
    const last = r.commit('tip', { 'c.txt': 'tip\n' });
    const cloneDir = removeLater(makeTempDir('shallow'));
    const clone = TestRepo.at(path.join(cloneDir, 'clone'));
    TestRepo.at(cloneDir).git('clone', '-q', '--depth', '1', `file://${r.root}`, 'clone');
    const { run, entries } = await history(clone);
    assert.match(run.stderr, /shallow clone/);
    assert.deepEqual(entries.map((e) => [e.commit, e.path, e.presentAtHead]), [[last, 'b.js', true]]);
    noLeak(run, [early, late]);
  });

  test('Should scan a partial clone\'s downloaded blobs, skip the others with a note, and fetch nothing', async () => {
    const r = repo('partial-source');
    const [old, current] = [hex(30), hex(30)];
    r.commit('old', { 'old.js': PLAID_HEADER + secretLine(old) });
    r.commit('drop', { 'old.js': PLAID_HEADER });
    const added = r.commit('current', { 'current.js': PLAID_HEADER + secretLine(current) });
    r.git('config', 'uploadpack.allowFilter', 'true');
    const cloneDir = removeLater(makeTempDir('partial'));
    // The checkout downloads HEAD's blobs; the older versions stay on the "server".
    TestRepo.at(cloneDir).git('clone', '-q', '--filter=blob:none', `file://${r.root}`, 'clone');
    const clone = TestRepo.at(path.join(cloneDir, 'clone'));
    const { run, entries } = await history(clone);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(entries.map((e) => [e.commit, e.path, e.presentAtHead]), [[added, 'current.js', true]]);
    assert.match(run.stderr, /partial clone: 1 file version it never downloaded was not scanned \(nothing is fetched\)/);
    // Nothing was fetched: the old blob is still missing.
    const oldBlob = r.git('rev-parse', 'HEAD~2:old.js').trim();
    assert.match(clone.git('rev-list', '--objects', '--missing=print', '--all'), new RegExp(`^\\?${oldBlob}$`, 'm'));
    noLeak(run, [old, current]);
  });

  test('Should note a missing blob and a corrupt one and still report the other findings', async () => {
    const r = repo('missing');
    const [kept, lost, broken] = [hex(30), hex(30), hex(30)];
    r.commit('one', { 'kept.js': PLAID_HEADER + secretLine(kept), 'lost.js': PLAID_HEADER + secretLine(lost) });
    r.commit('two', { 'broken.js': PLAID_HEADER + secretLine(broken) });
    const lostBlob = r.git('rev-parse', 'HEAD:lost.js').trim();
    const brokenBlob = r.git('rev-parse', 'HEAD:broken.js').trim();
    fs.rmSync(r.objectFile(lostBlob));
    fs.chmodSync(r.objectFile(brokenBlob), 0o644);
    fs.writeFileSync(r.objectFile(brokenBlob), 'not zlib at all');
    const { run, entries } = await history(r);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(entries.map((e) => e.path), ['kept.js']);
    assert.match(run.stderr, new RegExp(`lost\\.js: blob ${lostBlob.slice(0, 12)} is missing or corrupt`));
    assert.match(run.stderr, new RegExp(`broken\\.js: blob ${brokenBlob.slice(0, 12)} is missing or corrupt`));
    noLeak(run, [kept, lost, broken]);
  });

  test('Should skip a blob over --max-file-size with a note and scan the rest', async () => {
    const r = repo('huge');
    const secret = hex(30);
    r.commit('huge', { 'huge.js': PLAID_HEADER + secretLine(hex(30)) + '// padding\n'.repeat(400), 'small.js': PLAID_HEADER + secretLine(secret) });
    const { run, entries } = await history(r, '--max-file-size', '2');
    assert.deepEqual(entries.map((e) => e.path), ['small.js']);
    assert.match(run.stderr, /huge\.js: skipped, 5 KB is over the 2 KB \(--max-file-size\) limit/);
  });

  test('Should scan only commits after --since, and only the paths given', async () => {
    const r = repo('since');
    const [first, second, third] = [hex(30), hex(30), hex(30)];
    const base = r.commit('first', { 'a/one.js': PLAID_HEADER + secretLine(first) });
    const next = r.commit('second', { 'a/two.js': PLAID_HEADER + secretLine(second) });
    r.commit('third', { 'b/three.js': PLAID_HEADER + secretLine(third) });
    const since = await history(r, '--since', base);
    assert.deepEqual(since.entries.map((e) => e.path), ['a/two.js', 'b/three.js']);
    const onlyA = await history(r, '--since', base, 'a');
    assert.deepEqual(onlyA.entries.map((e) => [e.commit, e.path]), [[next, 'a/two.js']]);
  });

  test('Should refuse a folder outside git, an unknown revision and an option as a revision with exit code 2', async () => {
    const plain = removeLater(makeTempDir('not-git'));
    const outside = await runCli(['history'], plain);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /not a git repository/);
    const r = repo('bad-rev');
    r.commit('one', { 'a.txt': 'a\n' });
    const unknown = await runCli(['history', '--since', 'no-such-branch'], r.root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--since: no commit named no-such-branch/);
    const option = await runCli(['history', '--branch=--output=/tmp/x'], r.root);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--branch needs a revision, not an option/);
    const both = await runCli(['history', '--all', '--branch', 'main'], r.root);
    assert.equal(both.code, 2);
  });

  test('Should write each reported file as it stood in its commit, masked, with --write-sources', async () => {
    const r = repo('sources');
    const [secret, token] = [hex(30), `access-sandbox-${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`];
    const text = PLAID_HEADER + '// line 2\n' + secretLine(secret) + `const token = '${token}';\n`;
    const added = r.commit('add', { 'src/a.js': text });
    r.commit('remove', { 'src/a.js': PLAID_HEADER });
    const out = removeLater(path.join(r.root, '..', `${path.basename(r.root)}-sources`));
    const run = await runCli(['history', '--write-sources', out], r.root);
    assert.equal(run.code, 1, run.stderr);
    const written = fs.readFileSync(path.join(out, added, 'src', 'a.js'), 'utf8');
    assert.equal(written.split('\n').length, text.split('\n').length, 'lines stay where they were');
    assert.match(written.split('\n')[2]!, new RegExp(`PLAID_SECRET = '${secret.slice(0, 4)}…${secret.slice(-4)}'`));
    assert.match(written.split('\n')[3]!, /access-sandbox-…[0-9a-f]{4}'/);
    assert.deepEqual(leakedValues(written, [secret, token, token.slice(15, 35)]), []);
    assert.deepEqual(fs.readdirSync(out), [added]);
  });

  test('Should write SARIF whose results carry the commit and never the value', async () => {
    const r = repo('sarif');
    const secret = hex(30);
    const added = r.commit('add', { 'x.js': PLAID_HEADER + secretLine(secret) });
    const out = path.join(r.root, 'out', 'history.sarif');
    const run = await runCli(['history', '--format', 'sarif', '--output', out], r.root);
    assert.equal(run.code, 1, run.stderr);
    const text = fs.readFileSync(out, 'utf8');
    const log = JSON.parse(text) as { runs: { results: { ruleId: string; properties: Record<string, unknown>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const [result] = log.runs[0]!.results;
    assert.equal(result!.ruleId, 'hardcoded-secret');
    assert.deepEqual(result!.properties, { commit: added, shortCommit: added.slice(0, 8), author: 'Ada Tester', date: '2023-11-14T22:14:20+00:00', presentAtHead: true });
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'x.js');
    assert.deepEqual(leakedValues(text, [secret]), []);
  });
});
