/**
 * The composite GitHub Action (`action.yml`), offline: its metadata against a schema written from GitHub's metadata
 * syntax, and its steps run as a runner runs them (`bash --noprofile --norc -eo pipefail`, in the workspace, with the
 * variables GitHub sets and the `${{ }}` expressions the action uses) in temporary repositories, for a push and for
 * a pull request.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { leakedValues, makeTempDir, REPO_ROOT, removeTree } from './cliHarness';
import { TEST_SEED } from '../seed';
import { PLAID_HEADER, secretLine, useTestRepos } from './gitRepos';

const { load } = require('js-yaml') as { load: (text: string) => unknown };

interface Step {
  name?: string;
  id?: string;
  run: string;
  shell: string;
  env?: Record<string, string>;
}

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { steps: Step[] };
}

const ACTION_TEXT = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');
const ACTION = load(ACTION_TEXT) as ActionMetadata;
const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** What a run of the action's steps left behind. */
interface ActionRun {
  status: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

/** The value of one of the expressions the action uses, from the inputs and the `github` context. */
function evaluate(expression: string, inputs: Record<string, string>, github: Record<string, unknown>): string {
  const [root, ...keys] = expression.split('.');
  let value: unknown = root === 'inputs' ? inputs : root === 'github' ? github : undefined;
  if (value === undefined) throw new Error(`the test does not know the expression ${expression}`);
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return value === undefined || value === null ? '' : String(value);
}

/** Runs the action's steps in `workspace` for `event`, stopping at the first that fails, as a runner does. */
function runAction(workspace: string, eventName: string, event: object, withInputs: Record<string, string> = {}): ActionRun {
  const runner = makeTempDir('runner');
  try {
    const files = { output: path.join(runner, 'output'), summary: path.join(runner, 'summary'), event: path.join(runner, 'event.json'), env: path.join(runner, 'env') };
    for (const f of [files.output, files.summary, files.env]) fs.writeFileSync(f, '');
    fs.writeFileSync(files.event, JSON.stringify(event));
    const inputs = Object.fromEntries(Object.entries(ACTION.inputs).map(([name, input]) => [name, withInputs[name] ?? input.default ?? '']));
    const github = { action_path: REPO_ROOT, event_name: eventName, event, workspace };
    const base: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: files.event,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_ENV: files.env,
      GITHUB_SHA: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: workspace, encoding: 'utf8' }).stdout.trim(),
      RUNNER_TEMP: runner,
      RUNNER_OS: 'Linux',
    };
    let log = '';
    for (const [index, step] of ACTION.runs.steps.entries()) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(v).replace(EXPRESSION, (_m, e: string) => evaluate(e, inputs, github))]));
      const script = path.join(runner, `step-${index}.sh`);
      fs.writeFileSync(script, step.run);
      const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env: { ...base, ...env }, encoding: 'utf8' });
      log += `${result.stdout}${result.stderr}`;
      if (result.status !== 0) return { status: result.status ?? -1, log, outputs: readOutputs(files.output), summary: fs.readFileSync(files.summary, 'utf8') };
    }
    return { status: 0, log, outputs: readOutputs(files.output), summary: fs.readFileSync(files.summary, 'utf8') };
  } finally {
    removeTree(runner);
  }
}

function readOutputs(file: string): Record<string, string> {
  return Object.fromEntries(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

interface SarifResult {
  ruleId: string;
  properties?: { commit?: string };
}

function sarifResults(workspace: string, file = 'plaid-lens.sarif'): SarifResult[] {
  return (JSON.parse(fs.readFileSync(path.join(workspace, file), 'utf8')) as { runs: { results: SarifResult[] }[] }).runs[0]!.results;
}

suite('GitHub Action metadata', () => {
  test('Should match the action metadata schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'unit', 'schemas', 'action.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(ACTION), JSON.stringify(validate.errors, null, 2));
  });

  test('Should refuse metadata with a misspelt key, a step without a shell, or another kind of action', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'unit', 'schemas', 'action.schema.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const copy = (): ActionMetadata & Record<string, unknown> => JSON.parse(JSON.stringify(ACTION)) as ActionMetadata & Record<string, unknown>;
    const misspelt = copy();
    misspelt.input = misspelt.inputs;
    const noShell = copy();
    delete (noShell.runs.steps[0] as Partial<Step>).shell;
    const docker = copy();
    (docker.runs as unknown as Record<string, unknown>).using = 'docker';
    for (const [what, bad] of Object.entries({ misspelt, noShell, docker })) assert.equal(validate(bad), false, what);
  });

  test('Should pass inputs to scripts only through env, and use every input it declares', () => {
    for (const step of ACTION.runs.steps) assert.doesNotMatch(step.run, /\$\{\{/, `${step.name}: an expression inside a script could inject shell code`);
    const used = new Set([...ACTION_TEXT.matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), Object.keys(ACTION.inputs).sort());
    const stepIds = new Set(ACTION.runs.steps.map((s) => s.id));
    for (const [name, output] of Object.entries(ACTION.outputs)) {
      const match = /steps\.([\w-]+)\.outputs\.([\w-]+)/.exec(output.value);
      assert.ok(match && stepIds.has(match[1]), `output ${name} refers to no step`);
    }
  });
});

suite(`GitHub Action steps (seed ${TEST_SEED})`, function () {
  this.timeout(120_000);
  const { hex, repo } = useTestRepos('github action');

  test('Should scan the files on a push, write SARIF and its outputs, and fail on an error', () => {
    const r = repo('action-push');
    const secret = hex(30);
    r.commit('add', { 'src/app.js': PLAID_HEADER + secretLine(secret), 'docs/clean.md': '# Docs\n' });
    const run = runAction(r.root, 'push', { ref: 'refs/heads/main' });
    assert.equal(run.status, 1, run.log);
    assert.deepEqual(sarifResults(r.root).map((x) => x.ruleId), ['hardcoded-secret']);
    assert.deepEqual(run.outputs, { 'sarif-file': 'plaid-lens.sarif', findings: '1' });
    assert.match(run.summary, /Plaid Lens \(scan\): 1 finding/);
    assert.match(run.log, /::error::Plaid Lens found problems at or above the fail-on level \(error\)/);
    assert.deepEqual(leakedValues(run.log + fs.readFileSync(path.join(r.root, 'plaid-lens.sarif'), 'utf8'), [secret]), []);
    const never = runAction(r.root, 'push', {}, { 'fail-on': 'never', 'sarif-file': 'out/report.sarif', paths: 'docs' });
    assert.equal(never.status, 0, never.log);
    assert.deepEqual(sarifResults(r.root, 'out/report.sarif'), []);
  });

  test('Should fail on a warning only with fail-on: warning, and honour config and baseline', () => {
    const r = repo('action-levels');
    r.commit('add', { 'src/app.js': `${PLAID_HEADER}const PLAID_CLIENT_ID = '${hex(24)}';\n`, 'strict.json': '{ "rules": { "hardcoded-client-id": "error" } }\n' });
    assert.equal(runAction(r.root, 'push', {}).status, 0, 'a warning passes with fail-on: error');
    assert.equal(runAction(r.root, 'push', {}, { 'fail-on': 'warning' }).status, 1);
    assert.equal(runAction(r.root, 'push', {}, { config: 'strict.json' }).status, 1, 'the config makes it an error');
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'scan', '--write-baseline', 'base.json', '.'], { cwd: r.root });
    const baselined = runAction(r.root, 'push', {}, { 'fail-on': 'warning', baseline: 'base.json' });
    assert.equal(baselined.status, 0, baselined.log);
    assert.equal(baselined.outputs.findings, '0');
    const bad = runAction(r.root, 'push', {}, { 'fail-on': 'sometimes' });
    assert.equal(bad.status, 2);
    assert.match(bad.log, /::error::fail-on must be error, warning or never/);
  });

  test('Should scan a pull request from its base commit, catching a secret added and removed within it', () => {
    const r = repo('action-pr');
    const [old, added] = [hex(30), hex(30)];
    const base = r.commit('base', { 'legacy.js': PLAID_HEADER + secretLine(old) });
    const introduced = r.commit('oops', { 'src/new.js': PLAID_HEADER + secretLine(added) });
    r.commit('fix', { 'src/new.js': PLAID_HEADER });
    const event = { pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: r.head(), ref: 'feature' } } };
    const run = runAction(r.root, 'pull_request', event);
    assert.equal(run.status, 1, run.log);
    const results = sarifResults(r.root);
    assert.deepEqual(results.map((x) => [x.ruleId, x.properties?.commit]), [['hardcoded-secret', introduced]], 'only what the pull request added');
    assert.match(run.summary, /Plaid Lens \(history\): 1 finding/);
    const missingBase = runAction(r.root, 'pull_request', { pull_request: { base: { sha: 'f'.repeat(40) } } });
    assert.match(missingBase.log, /::warning::The pull request's base commit is not in this clone/);
    assert.equal(missingBase.status, 1, 'falls back to scanning the files, which hold the old secret');
    assert.deepEqual(leakedValues(run.log + missingBase.log, [old, added]), []);
  });
});
