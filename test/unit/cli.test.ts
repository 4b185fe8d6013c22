/**
 * The `plaid-lens scan` command as a child process: report formats, exit codes, --output, --max-warnings and
 * usage errors, on a fixture folder of freshly generated values.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_IDS } from '../../server/src/engine';
import {
  assertCliBuilt,
  leakedValues,
  makeTempDir,
  plantValues,
  removeTree,
  REPO_ROOT,
  runCli,
  writeTree,
  assertSarifShape,
  type PlantedValues,
  type SarifLogShape,
} from './cliHarness';

interface Expected {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

function fixtureFiles(v: PlantedValues): Record<string, string> {
  return {
    'project/src/plaid.ts': [
      "import { Configuration, PlaidEnvironments } from 'plaid';",
      '',
      'export const configuration = new Configuration({',
      '  basePath: PlaidEnvironments.sandbox,',
      '  baseOptions: {',
      '    headers: {',
      `      'PLAID-CLIENT-ID': '${v.clientId}',`,
      `      'PLAID-SECRET': '${v.secret}',`,
      '    },',
      '  },',
      '});',
      `export const accessToken = 'access-production-${v.accessUuid}';`,
      '',
    ].join('\n'),
    'project/src/link.ts': `// Plaid Link helpers\nexport const publicToken = 'public-sandbox-${v.publicUuid}';\n`,
    'project/clean.js': 'module.exports = { answer: 42 };\n',
    'warn-only/link.ts': `// Plaid Link helpers\nexport const publicToken = 'public-sandbox-${v.publicUuid}';\n`,
    'clean-only/index.js': 'console.log("hello");\n',
  };
}

const EXPECTED: Expected[] = [
  { file: 'project/src/link.ts', line: 2, rule: 'expiring-token', severity: 'warning' },
  { file: 'project/src/plaid.ts', line: 7, rule: 'hardcoded-client-id', severity: 'warning' },
  { file: 'project/src/plaid.ts', line: 8, rule: 'hardcoded-secret', severity: 'error' },
  { file: 'project/src/plaid.ts', line: 12, rule: 'environment-mismatch', severity: 'warning' },
  { file: 'project/src/plaid.ts', line: 12, rule: 'hardcoded-token', severity: 'error' },
];

const key = (e: { file: string; line: number; rule: string }) => `${e.file}:${e.line}:${e.rule}`;

suite('CLI scan: formats and exit codes', () => {
  let root: string;
  let values: PlantedValues;
  let secrets: string[];

  suiteSetup(() => {
    assertCliBuilt();
    root = makeTempDir('cli');
    values = plantValues();
    secrets = [values.secret, values.clientId, values.accessUuid, values.publicUuid];
    writeTree(root, fixtureFiles(values));
  });

  suiteTeardown(() => removeTree(root));

  test('Should print eslint-like text with paths relative to cwd, a summary, and exit 1 on errors', async () => {
    const run = await runCli(['scan', 'project'], root);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('project/src/plaid.ts'), run.stdout);
    assert.ok(lines.includes('project/src/link.ts'), run.stdout);
    assert.ok(!run.stdout.includes('clean.js'));
    assert.match(run.stdout, /^ {2}8:\d+ +error +Hard-coded Plaid secret .+ {2}hardcoded-secret$/m);
    assert.match(run.stdout, /^ {2}2:\d+ +warning +.+ {2}expiring-token$/m);
    assert.ok(run.stdout.trimEnd().endsWith('✖ 5 problems (2 errors, 3 warnings)'), run.stdout);
    assert.deepEqual(leakedValues(run.stdout + run.stderr, secrets), []);
  });

  test('Should write a JSON array of files with positioned, masked findings and no source text', async () => {
    const run = await runCli(['scan', '--format', 'json', 'project'], root);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as { file: string; findings: Record<string, unknown>[] }[];
    assert.ok(Array.isArray(report));
    const found = report.flatMap((f) => f.findings.map((x) => ({ file: f.file, line: x.line as number, rule: x.rule as string, severity: x.severity as string })));
    assert.deepEqual(found.map(key).sort(), EXPECTED.map(key).sort());
    for (const e of EXPECTED) assert.ok(found.some((f) => key(f) === key(e) && f.severity === e.severity), key(e));
    for (const finding of report.flatMap((f) => f.findings)) {
      assert.deepEqual(Object.keys(finding).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'rule', 'severity']);
      assert.ok((finding.line as number) >= 1 && (finding.column as number) >= 1);
    }
    const secret = report.find((f) => f.file === 'project/src/plaid.ts')!.findings.find((f) => f.rule === 'hardcoded-secret')!;
    const lineText = fixtureFiles(values)['project/src/plaid.ts'].split('\n')[7];
    assert.equal(secret.column, lineText.indexOf(values.secret) + 1);
    assert.equal(secret.endColumn, lineText.indexOf(values.secret) + 1 + values.secret.length);
    assert.deepEqual(leakedValues(run.stdout + run.stderr, secrets), []);
  });

  test('Should write valid SARIF 2.1.0 with relative uris, 1-based regions and no secret', async () => {
    const run = await runCli(['scan', '--format', 'sarif', 'project'], root);
    assert.equal(run.code, 1);
    const log = JSON.parse(run.stdout) as SarifLogShape;
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assertSarifShape(log, { version: pkg.version, ruleIds: [...RULE_IDS] });
    const found = log.runs[0].results.map((r) => ({
      file: r.locations[0].physicalLocation.artifactLocation.uri,
      line: r.locations[0].physicalLocation.region.startLine,
      rule: r.ruleId,
      level: r.level,
    }));
    assert.deepEqual(found.map(key).sort(), EXPECTED.map(key).sort());
    for (const e of EXPECTED) assert.ok(found.some((f) => key(f) === key(e) && f.level === e.severity), key(e));
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(fs.realpathSync(root)).href}/`);
    assert.deepEqual(leakedValues(run.stdout + run.stderr, secrets), []);
  });

  test('Should give distinct fingerprints that stay the same across runs', async () => {
    const prints = async () => {
      const log = JSON.parse((await runCli(['scan', '--format', 'sarif', 'project'], root)).stdout) as SarifLogShape;
      return log.runs[0].results.map((r) => r.partialFingerprints['plaidLens/v1']);
    };
    const [first, second] = [await prints(), await prints()];
    assert.deepEqual(first, second);
    assert.equal(new Set(first).size, first.length);
  });

  test('Should write the report to --output, creating its folder, and nothing to stdout', async () => {
    const target = path.join(root, 'reports', 'nested', 'scan.sarif');
    const run = await runCli(['scan', '--format=sarif', '--output', target, 'project'], root);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    const log = JSON.parse(fs.readFileSync(target, 'utf8')) as SarifLogShape;
    assert.equal(log.runs[0].results.length, EXPECTED.length);
  });

  const exitCases: { name: string; args: string[]; code: number }[] = [
    { name: 'warnings only', args: ['scan', 'warn-only'], code: 0 },
    { name: 'warnings over --max-warnings 0', args: ['scan', '--max-warnings', '0', 'warn-only'], code: 1 },
    { name: 'warnings within --max-warnings 1', args: ['scan', '--max-warnings', '1', 'warn-only'], code: 0 },
    { name: 'a clean folder', args: ['scan', 'clean-only'], code: 0 },
    { name: 'errors, whatever --max-warnings says', args: ['scan', '--max-warnings', '99', 'project'], code: 1 },
    { name: 'several paths, one with errors', args: ['scan', 'clean-only', 'project/src/plaid.ts'], code: 1 },
  ];
  for (const c of exitCases) {
    test(`Should exit ${c.code} for ${c.name}`, async () => {
      const run = await runCli(c.args, root);
      assert.equal(run.code, c.code, run.stderr);
    });
  }

  test('Should say how many files were clean and explain a --max-warnings failure', async () => {
    const clean = await runCli(['scan', 'clean-only'], root);
    assert.equal(clean.stdout.trim(), '✔ No problems found in 1 file.');
    const over = await runCli(['scan', '--max-warnings', '0', 'warn-only'], root);
    assert.match(over.stderr, /1 warnings? is more than --max-warnings 0/);
  });

  test('Should scan the current folder when no path is given', async () => {
    const run = await runCli(['scan', '--format', 'json'], path.join(root, 'warn-only'));
    const report = JSON.parse(run.stdout) as { file: string }[];
    assert.deepEqual(report.map((f) => f.file), ['link.ts']);
  });

  test('Should never draw a progress line when stderr is not a terminal', async () => {
    const run = await runCli(['scan', 'project'], root);
    assert.ok(!run.stderr.includes('\r') && !run.stderr.includes('\x1b'), JSON.stringify(run.stderr));
  });

  const usageCases: { args: string[]; message: RegExp }[] = [
    { args: ['scan', '--frobnicate'], message: /unknown option --frobnicate/ },
    { args: ['scan', '--format', 'xml'], message: /--format must be one of text, json, sarif/ },
    { args: ['scan', '--format'], message: /--format needs a value/ },
    { args: ['scan', '--max-warnings', 'many'], message: /--max-warnings must be a whole number/ },
    { args: ['scan', '--max-warnings', '-1'], message: /--max-warnings/ },
    { args: ['scan', '--max-file-size', '0'], message: /--max-file-size must be a whole number of at least 1/ },
    { args: ['scan', 'no/such/folder'], message: /no such file or folder: no\/such\/folder/ },
    { args: ['scan', '--config', 'missing.json', 'project'], message: /missing\.json:1:1: the file does not exist/ },
    { args: [], message: /a command is needed/ },
    { args: ['lint'], message: /unknown command lint/ },
    { args: ['--verbose'], message: /unknown option --verbose/ },
    { args: ['decode'], message: /decode needs a token/ },
    { args: ['decode', 'a', 'b'], message: /decode takes one token, not 2/ },
    { args: ['glossary', '--json=yes'], message: /option --json does not take a value/ },
  ];
  for (const c of usageCases) {
    test(`Should exit 2 with a usage error for \`plaid-lens ${c.args.join(' ')}\``, async () => {
      const run = await runCli(c.args, root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, c.message);
      assert.equal(run.stdout, '');
    });
  }

  const helpCases: { args: string[]; heading: RegExp }[] = [
    { args: ['--help'], heading: /^Usage: plaid-lens <command>/ },
    { args: ['-h'], heading: /^Usage: plaid-lens <command>/ },
    { args: ['scan', '--help'], heading: /^Usage: plaid-lens scan/ },
    { args: ['decode', '-h'], heading: /^Usage: plaid-lens decode/ },
    { args: ['glossary', '--help'], heading: /^Usage: plaid-lens glossary/ },
  ];
  for (const c of helpCases) {
    test(`Should print help and exit 0 for \`plaid-lens ${c.args.join(' ')}\``, async () => {
      const run = await runCli(c.args, root);
      assert.equal(run.code, 0);
      assert.match(run.stdout, c.heading);
    });
  }

  test('Should print the package version', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = await runCli(['--version'], root);
    assert.equal(run.code, 0);
    assert.equal(run.stdout.trim(), pkg.version);
  });
});
