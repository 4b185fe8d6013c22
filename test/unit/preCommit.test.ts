/**
 * The `.pre-commit-hooks.yaml` at the repository root, run by the real pre-commit framework (the Debian package) in a
 * temporary repository, offline: the hook repository is a local git repository holding that file, and `plaid-lens`
 * is the built CLI on PATH, as `npm install -g` would put it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertCliBuilt, CLI_PATH, leakedValues, makeTempDir, REPO_ROOT, removeTree } from './cliHarness';
import { TEST_SEED } from '../seed';
import { PLAID_HEADER, secretLine, seededHex, TestRepo } from './gitRepos';

suite(`pre-commit hook (seed ${TEST_SEED})`, function () {
  this.timeout(120_000);
  const hex = seededHex('pre-commit');
  let tmp: string;
  let env: NodeJS.ProcessEnv;
  let project: TestRepo;

  suiteSetup(function () {
    assertCliBuilt();
    if (spawnSync('pre-commit', ['--version']).status !== 0) {
      throw new Error('pre-commit is not installed: install the Debian package `pre-commit` (test/setup-system.sh does, as root)');
    }
    tmp = makeTempDir('pre-commit');
    const bin = path.join(tmp, 'bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(CLI_PATH, path.join(bin, 'plaid-lens'));
    env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, PRE_COMMIT_HOME: path.join(tmp, 'cache') };
    // The hook repository: what pre-commit clones, holding the manifest under test.
    const hooks = TestRepo.create('pre-commit-hooks');
    fs.renameSync(hooks.root, path.join(tmp, 'hooks'));
    const hookRepo = TestRepo.at(path.join(tmp, 'hooks'));
    const rev = hookRepo.commit('hooks', { '.pre-commit-hooks.yaml': fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8') });
    project = TestRepo.create('pre-commit-project');
    fs.renameSync(project.root, path.join(tmp, 'project'));
    project = TestRepo.at(path.join(tmp, 'project'));
    project.write({ '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo.root}\n    rev: ${rev}\n    hooks:\n      - id: plaid-lens\n` });
    run(project, 'pre-commit', ['install']);
  });

  suiteTeardown(() => tmp && removeTree(tmp));

  function run(repo: TestRepo, command: string, args: string[]): { status: number | null; output: string } {
    const result = spawnSync(command, args, {
      cwd: repo.root,
      encoding: 'utf8',
      env: { ...env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'a@example.com' },
    });
    const output = `${result.stdout}${result.stderr}`;
    if (command === 'pre-commit') assert.equal(result.status, 0, output);
    return { status: result.status, output };
  }

  test('Should refuse a commit that adds a Plaid secret, showing it masked', () => {
    const secret = hex(30);
    project.write({ 'src/config.js': PLAID_HEADER + secretLine(secret) });
    run(project, 'git', ['add', '-A']);
    const commit = run(project, 'git', ['commit', '-m', 'add config']);
    assert.equal(commit.status, 1, commit.output);
    assert.match(commit.output, /Plaid Lens \(staged Plaid secrets and tokens\)\.+Failed/);
    assert.match(commit.output, /src\/config\.js\n {2}2:23 +error +Hard-coded Plaid secret/);
    assert.ok(commit.output.includes(`${secret.slice(0, 4)}…${secret.slice(-4)}`), 'the secret is shown masked');
    assert.deepEqual(leakedValues(commit.output, [secret]), []);
    assert.throws(() => project.git('rev-parse', '--verify', 'HEAD'), 'no commit was made');
  });

  test('Should refuse the same commit through the plain .git/hooks/pre-commit line of the README', () => {
    const plain = TestRepo.at(path.join(tmp, 'plain'));
    fs.mkdirSync(plain.root);
    plain.git('init', '-q');
    const hook = /```sh\n(#!\/bin\/sh\nexec plaid-lens scan --staged\n)```/.exec(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'));
    assert.ok(hook, 'the README shows the hook');
    fs.writeFileSync(path.join(plain.root, '.git', 'hooks', 'pre-commit'), hook[1], { mode: 0o755 });
    const secret = hex(30);
    plain.write({ 'app.js': PLAID_HEADER + secretLine(secret) });
    run(plain, 'git', ['add', '-A']);
    const refused = run(plain, 'git', ['commit', '-m', 'add']);
    assert.equal(refused.status, 1, refused.output);
    assert.match(refused.output, /1 problem \(1 error, 0 warnings\)/);
    assert.deepEqual(leakedValues(refused.output, [secret]), []);
    plain.write({ 'app.js': PLAID_HEADER });
    run(plain, 'git', ['add', '-A']);
    assert.equal(run(plain, 'git', ['commit', '-m', 'clean']).status, 0);
  });

  test('Should let a clean commit through', () => {
    project.write({ 'src/config.js': PLAID_HEADER + 'const PLAID_SECRET = process.env.PLAID_SECRET;\n' });
    run(project, 'git', ['add', '-A']);
    const commit = run(project, 'git', ['commit', '-m', 'read the secret from the environment']);
    assert.equal(commit.status, 0, commit.output);
    assert.match(commit.output, /Plaid Lens \(staged Plaid secrets and tokens\)\.+Passed/);
    assert.match(project.git('log', '--format=%s'), /read the secret from the environment/);
  });
});
