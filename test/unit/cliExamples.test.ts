/**
 * The `examples/` project: `plaid-lens scan --format sarif examples`, run from the repository root, finds every
 * deliberate problem listed in test/fixtures/cli/examples-expected.json and nothing else, without printing any of
 * the planted values whole.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS } from '../../server/src/engine';
import { assertCliBuilt, assertSarifShape, leakedValues, REPO_ROOT, runCli, type SarifLogShape } from './cliHarness';

interface ExpectedProblem {
  file: string;
  line: number;
  rule: string;
  level: string;
}

interface ExpectedFile {
  problems: ExpectedProblem[];
  plantedValues: string[];
}

const expected = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'examples-expected.json'), 'utf8'),
) as ExpectedFile;

const key = (p: ExpectedProblem) => `${p.file}:${p.line} ${p.rule} (${p.level})`;

suite('CLI on examples/', () => {
  suiteSetup(assertCliBuilt);

  test('Should list planted values that really are in the example files', () => {
    const folder = path.join(REPO_ROOT, 'examples');
    const text = (fs.readdirSync(folder, { recursive: true }) as string[])
      .map((name) => path.join(folder, name))
      .filter((file) => fs.statSync(file).isFile())
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    for (const value of expected.plantedValues) assert.ok(text.includes(value), value);
  });

  test('Should find exactly the deliberate problems in SARIF, and no planted value whole', async () => {
    const run = await runCli(['scan', '--format', 'sarif', 'examples'], REPO_ROOT);
    assert.equal(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as SarifLogShape;
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assertSarifShape(log, { version: pkg.version, ruleIds: [...RULE_IDS] });
    const found = log.runs[0].results.map((r) => ({
      file: r.locations[0].physicalLocation.artifactLocation.uri,
      line: r.locations[0].physicalLocation.region.startLine,
      rule: r.ruleId,
      level: r.level,
    }));
    assert.deepEqual(found.map(key).sort(), expected.problems.map(key).sort());
    assert.deepEqual(leakedValues(run.stdout + run.stderr, expected.plantedValues), []);
  });

  test('Should cover every rule at least once', () => {
    assert.deepEqual([...new Set(expected.problems.map((p) => p.rule))].sort(), [...RULE_IDS].sort());
  });

  test('Should give the same findings in text, from inside the folder', async () => {
    const run = await runCli(['scan'], path.join(REPO_ROOT, 'examples'));
    assert.equal(run.code, 1);
    const errors = expected.problems.filter((p) => p.level === 'error').length;
    const warnings = expected.problems.length - errors;
    assert.ok(run.stdout.trimEnd().endsWith(`✖ ${expected.problems.length} problems (${errors} errors, ${warnings} warnings)`), run.stdout);
    assert.deepEqual(leakedValues(run.stdout + run.stderr, expected.plantedValues), []);
  });
});
