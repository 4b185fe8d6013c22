/**
 * Shared helpers for the CLI tests (run the bundled `dist/cli.js` as a child process, build fixture folders in a
 * temporary directory, check SARIF's shape). Their own tests are in `cliHarness.test.ts`.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getEntry } from '../../server/src/engine';
import { testRandom } from '../seed';

/** The repository root (tests run from `out/test/...`). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The bundled CLI under test. */
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');

/** A child process that has not exited by then is killed and the test fails, rather than hanging the suite. */
const CHILD_DEADLINE_MS = 15_000;

/** What one CLI run produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails with a clear message when the bundle has not been built. */
export function assertCliBuilt(): void {
  if (!fs.existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build\` first`);
}

/** Runs `node dist/cli.js ...args` in `cwd`, optionally feeding `stdin`, and waits for it to exit. */
export function runCli(args: string[], cwd: string, stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`plaid-lens ${args.join(' ')} did not exit within ${CHILD_DEADLINE_MS} ms`));
    }, CHILD_DEADLINE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

/** A fresh temporary folder; remove it with {@link removeTree}. */
export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `plaid-lens-${label}-`));
}

/** Writes each `relative path → content` under `root`, creating folders; Buffers are written as bytes. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

/** Removes a temporary folder, first restoring permissions a test may have taken away. */
export function removeTree(root: string): void {
  const restore = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const target = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      fs.chmodSync(target, 0o755);
      if (entry.isDirectory()) restore(target);
    }
  };
  restore(root);
  fs.rmSync(root, { recursive: true, force: true });
}

/** True when this process can read files whatever their mode (root), so `chmod 000` proves nothing. */
export function ignoresFileModes(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Fresh values in Plaid's shapes, made up for one test run. */
export interface PlantedValues {
  secret: string;
  clientId: string;
  accessUuid: string;
  publicUuid: string;
}

/** The seeded source of every made-up value in the CLI tests. */
const random = testRandom('unit:cliHarness');

/** Generates {@link PlantedValues}. */
export function plantValues(): PlantedValues {
  return { secret: randomHex(15), clientId: randomHex(12), accessUuid: random.uuid(), publicUuid: random.uuid() };
}

/**
 * Random lowercase hex that looks like a real key: about 1 draw in 200 of 24 hex digits repeats digits so much that
 * scanners (ours included) take it for a placeholder, so such draws are redrawn.
 */
function randomHex(bytes: number): string {
  for (;;) {
    const hex = random.hex(bytes * 2);
    if (bitsPerChar(hex) >= 3.3) return hex;
  }
}

function bitsPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((bits, n) => bits - (n / s.length) * Math.log2(n / s.length), 0);
}

/** Every planted value that appears whole in `text`; the list must be empty for any output. */
export function leakedValues(text: string, values: readonly string[]): string[] {
  return values.filter((value) => text.includes(value));
}

/** The decommissioned environment's base URL, from the glossary. */
export const DEV_URL = getEntry('development')!.environment!.baseUrl;

/** A line flagged in any kind of file; marks the files that must or must not be scanned. */
export const DEV_URL_LINE = `const plaidBase = '${DEV_URL}';\n`;

/** The parts of a SARIF log the tests read. */
export interface SarifLogShape {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRuleShape[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResultShape[];
    invocations?: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
  }[];
}

/** One `reportingDescriptor`. */
export interface SarifRuleShape {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

/** One result. */
export interface SarifResultShape {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}

const LEVELS = ['error', 'warning', 'note'];

/** Asserts every promised property of the log; `ruleIds` must appear in `tool.driver.rules` in that order. */
export function assertSarifShape(log: SarifLogShape, expected: { version: string; ruleIds: string[] }): void {
  assert.equal(log.version, '2.1.0', 'version');
  assert.match(log.$schema, /^https:\/\/.*sarif.*2\.1\.0.*\.json$/, '$schema');
  assert.equal(log.runs.length, 1, 'runs');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'plaid-lens', 'tool.driver.name');
  assert.equal(driver.version, expected.version, 'tool.driver.version');
  assert.match(driver.informationUri, /^https:\/\//, 'tool.driver.informationUri');
  assert.deepEqual(driver.rules.map((r) => r.id), expected.ruleIds, 'tool.driver.rules ids');
  for (const rule of driver.rules) assertRule(rule);
  assert.match(run.originalUriBaseIds['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/$/, 'originalUriBaseIds.%SRCROOT%');
  for (const result of run.results) assertResult(result, driver.rules);
}

function assertRule(rule: SarifRuleShape): void {
  const where = `rule ${rule.id}`;
  assert.ok(rule.shortDescription.text.length > 0, `${where} shortDescription`);
  assert.ok(rule.fullDescription.text.length > 0, `${where} fullDescription`);
  assert.ok(rule.help.text.length > 0 && rule.help.markdown.length > 0, `${where} help`);
  assert.match(rule.helpUri, new RegExp(`^https://.*#${rule.id}$`), `${where} helpUri`);
  assert.ok(LEVELS.includes(rule.defaultConfiguration.level), `${where} defaultConfiguration.level`);
}

function assertResult(result: SarifResultShape, rules: SarifRuleShape[]): void {
  const where = `result ${result.ruleId}`;
  assert.equal(rules[result.ruleIndex]?.id, result.ruleId, `${where} ruleIndex`);
  assert.ok(LEVELS.includes(result.level), `${where} level`);
  assert.ok(result.message.text.length > 0, `${where} message.text`);
  assert.equal(result.locations.length, 1, `${where} locations`);
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  assert.equal(artifactLocation.uriBaseId, '%SRCROOT%', `${where} uriBaseId`);
  assert.match(artifactLocation.uri, /^(?![/.])[^\\:]+$/, `${where} uri is relative and posix`);
  assert.ok(Number.isInteger(region.startLine) && region.startLine >= 1, `${where} startLine`);
  assert.ok(Number.isInteger(region.startColumn) && region.startColumn >= 1, `${where} startColumn`);
  assert.ok(region.endLine >= region.startLine, `${where} endLine`);
  assert.ok(region.endLine > region.startLine || region.endColumn > region.startColumn, `${where} endColumn`);
  assert.match(result.partialFingerprints['plaidLens/v1'] ?? '', /^[0-9a-f]{64}$/, `${where} partialFingerprints`);
}
