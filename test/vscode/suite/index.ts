/**
 * Mocha runner inside the real extension host. VS Code loads this module from `extensionTestsPath` and calls `run()`;
 * the promise settling ends the run (resolved: exit code 0, rejected: 1). The extension host's console is not visible
 * from outside code-server, so the report goes to the file named by `PLAID_LENS_TEST_REPORT`, with the counts beside
 * it in `<file>.json`; without the variable (under @vscode/test-electron) it goes to the console.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha = require('mocha');
import { maskText } from '../../../server/src/engine';

/** Names the file the text report is written to. */
export const REPORT_ENV = 'PLAID_LENS_TEST_REPORT';
/** Optional mocha `grep` pattern, to run a subset while working on one test. */
export const GREP_ENV = 'PLAID_LENS_TEST_GREP';

/** Counts written next to the report for the outer runner's summary. */
export interface SuiteCounts {
  passed: number;
  failed: number;
  pending: number;
}

/** Runs every `*.test.js` beside this file; rejects when any test fails. */
export async function run(): Promise<void> {
  const reportPath = process.env[REPORT_ENV];
  const sink = reportPath ? fileSink(reportPath) : (line: string) => console.log(line);
  const grep = process.env[GREP_ENV];
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  mocha.reporter(reporterFor(sink, reportPath));
  for (const file of testFiles(__dirname)) {
    mocha.addFile(file);
  }
  try {
    await mocha.loadFilesAsync();
  } catch (error) {
    sink(maskText(`could not load the test files: ${error instanceof Error ? error.stack : String(error)}`));
    throw error;
  }
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    throw new Error(`${failures} extension test(s) failed`);
  }
}

/** The compiled test files next to this runner, sorted so the order is stable. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Appends each line at once, so a host that dies mid-run still leaves the report up to that point. */
function fileSink(reportPath: string): (line: string) => void {
  fs.writeFileSync(reportPath, '');
  return (line) => fs.appendFileSync(reportPath, `${line}\n`);
}

/** A spec-style reporter writing masked lines to `sink`, and the counts to `<reportPath>.json` at the end. */
function reporterFor(sink: (line: string) => void, reportPath: string | undefined): typeof Mocha.reporters.Base {
  const write = (line: string) => sink(maskText(line));
  const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } =
    Mocha.Runner.constants;

  return class SpecToSink extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const counts: SuiteCounts = { passed: 0, failed: 0, pending: 0 };
      const failures: Array<{ title: string; error: Error }> = [];
      let depth = 0;
      const indent = () => '  '.repeat(depth);

      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (!suite.root) {
          write(`${indent()}${suite.title}`);
        }
        depth += 1;
      });
      runner.on(EVENT_SUITE_END, () => {
        depth -= 1;
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        counts.passed += 1;
        write(`${indent()}✔ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        counts.pending += 1;
        write(`${indent()}- ${test.title} (pending)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
        counts.failed += 1;
        failures.push({ title: test.fullTitle(), error });
        write(`${indent()}✘ ${failures.length}) ${test.title}`);
      });
      runner.once(EVENT_RUN_END, () => {
        writeFailures(write, failures);
        write(`\n${counts.passed} passing, ${counts.failed} failing, ${counts.pending} pending`);
        if (reportPath) {
          fs.writeFileSync(`${reportPath}.json`, JSON.stringify(counts));
        }
      });
    }
  };
}

/** Each failure with its message and stack, numbered like the marks in the tree above. */
function writeFailures(write: (line: string) => void, failures: ReadonlyArray<{ title: string; error: Error }>): void {
  failures.forEach(({ title, error }, index) => {
    write(`\n${index + 1}) ${title}`);
    write(`   ${error?.stack ?? String(error)}`);
  });
}
