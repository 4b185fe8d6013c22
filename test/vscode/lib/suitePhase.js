'use strict';
// Phase 1: the mocha suite inside the real extension host. The workbench page carries the development payload;
// when the suite's run() settles, the workbench calls window.codeAutomationExit(code), which we expose and await.
const fs = require('node:fs');
const { workbenchUrl } = require('./browser');
const { withDeadline } = require('./deadline');
const { redact } = require('./redact');

const SUITE_TIMEOUT_MS = 300_000;
const MAX_LOG_LINES = 60;

/**
 * Opens the workbench with the test payload, waits for the suite to exit and prints its report.
 * Returns the suite's counts; a suite that ended without counts (crashed, never loaded) counts as one failure.
 */
async function runSuitePhase({ server, browser, workspace, extensionDir, testsIndex, reportPath }) {
  const page = await browser.context.newPage();
  const automationLog = [];
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      pageErrors.push(message.text());
    }
  });
  let reportExit;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    automationLog.push(`[${type}] ${Array.isArray(args) ? args.join(' ') : String(args)}`);
  });

  let exitCode;
  let runnerError;
  try {
    await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: extensionDir, extensionTestsPath: testsIndex }));
    exitCode = await withDeadline(exited, SUITE_TIMEOUT_MS, 'the extension test suite');
  } catch (error) {
    runnerError = error;
  } finally {
    await page.close().catch(() => {});
  }

  printReport(reportPath);
  const counts = readCounts(reportPath);
  // Failed tests explain themselves in the report; the logs matter only when the suite itself broke.
  const suiteBroke = Boolean(runnerError) || !counts || (exitCode !== 0 && counts.failed === 0);
  if (suiteBroke) {
    printDiagnostics({ runnerError, exitCode, automationLog, pageErrors, server });
  }
  return {
    passed: counts?.passed ?? 0,
    failed: (counts?.failed ?? 0) + (suiteBroke ? 1 : 0),
    pending: counts?.pending ?? 0,
  };
}

/** Prints the report the suite wrote, masked once more on the way out. */
function printReport(reportPath) {
  if (fs.existsSync(reportPath)) {
    process.stdout.write(redact(fs.readFileSync(reportPath, 'utf8')));
  } else {
    console.log('(the suite wrote no report: it did not start or could not load its files)');
  }
}

/** The counts the suite wrote beside its report, or undefined if it never finished. */
function readCounts(reportPath) {
  const file = `${reportPath}.json`;
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** What helps explain a failed or missing run: our own error, the workbench's logs, code-server's log. */
function printDiagnostics({ runnerError, exitCode, automationLog, pageErrors, server }) {
  if (runnerError) {
    console.log(`suite runner: ${redact(runnerError.message)}`);
  }
  console.log(`suite exit code reported by the workbench: ${exitCode ?? 'none'}`);
  // First lines only: the workbench's minified stacks say nothing about our code.
  const tail = (lines) => redact(lines.slice(-MAX_LOG_LINES).map((line) => line.split('\n')[0]).join('\n'));
  if (automationLog.length > 0) {
    console.log(`--- workbench automation log ---\n${tail(automationLog)}`);
  }
  if (pageErrors.length > 0) {
    console.log(`--- workbench page errors ---\n${tail(pageErrors)}`);
  }
  console.log(`--- code-server log ---\n${redact(server.logTail())}`);
}

module.exports = { runSuitePhase, printReport, readCounts };
