'use strict';
// Phase 2: UI checks with playwright-core against the workbench, the development extension loaded.
//
// Each `test/vscode/ui/*.js` exports an array of checks: `{ name, run }`, where `run({ page, workspace })` drives the
// page (helpers in lib/workbench.js), throws on failure, and saves the screenshots it wants to keep. Checks run in
// file order in one workbench window; a failed check gets a screenshot of its own under `failed-<name>.png`.
const fs = require('node:fs');
const path = require('node:path');
const { workbenchUrl } = require('./browser');
const { withDeadline } = require('./deadline');
const { redact } = require('./redact');
const { waitForWorkbench, screenshot } = require('./workbench');

/** Folder holding the UI check files. */
const UI_DIR = path.join(__dirname, '..', 'ui');
const CHECK_TIMEOUT_MS = 90_000;

/** Every check from every file in `test/vscode/ui/`, validated so a malformed file fails loudly. */
function loadChecks() {
  const files = fs.readdirSync(UI_DIR).filter((name) => name.endsWith('.js')).sort();
  return files.flatMap((file) => {
    const checks = require(path.join(UI_DIR, file));
    if (!Array.isArray(checks) || checks.some((check) => typeof check.name !== 'string' || typeof check.run !== 'function')) {
      throw new Error(`test/vscode/ui/${file} must export an array of { name, run } checks`);
    }
    return checks.map((check) => ({ ...check, file }));
  });
}

/** A file-name-safe form of a check's name. */
function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Runs every UI check in one workbench page; returns the counts. */
async function runUiPhase({ server, browser, workspace, extensionDir }) {
  const checks = loadChecks();
  const page = await browser.context.newPage();
  const counts = { passed: 0, failed: 0, pending: 0 };
  try {
    await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: extensionDir }));
    await waitForWorkbench(page);
    for (const check of checks) {
      await runCheck(page, check, workspace, counts);
    }
  } catch (error) {
    counts.failed += 1;
    console.log(`  ✘ the workbench did not open for the UI checks: ${redact(error.message)}`);
    await screenshot(page, 'failed-ui-workbench').catch(() => {});
  } finally {
    await page.close().catch(() => {});
  }
  return counts;
}

/** Runs one check with a deadline, printing a spec-style line and keeping a screenshot of a failure. */
async function runCheck(page, check, workspace, counts) {
  const started = Date.now();
  try {
    await withDeadline(Promise.resolve().then(() => check.run({ page, workspace })), CHECK_TIMEOUT_MS, check.name);
    counts.passed += 1;
    console.log(`  ✔ ${check.name} (${Date.now() - started} ms)`);
  } catch (error) {
    counts.failed += 1;
    const shot = await screenshot(page, `failed-${slug(check.name)}`).catch(() => undefined);
    console.log(`  ✘ ${check.name} [${check.file}]\n    ${redact(error.message)}`);
    if (shot) {
      console.log(`    screenshot: ${path.relative(process.cwd(), shot)}`);
    }
  }
}

module.exports = { runUiPhase };
