'use strict';
// Driving the VS Code workbench in a page the way a person would: keyboard, command palette, quick open.
// Every wait is an element-state wait or a deadline-polled probe.
const fs = require('node:fs');
const path = require('node:path');
const { pollUntil } = require('./deadline');

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Where UI checks save their screenshots (gitignored). */
const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const READY_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 20_000;
const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_ROW = `${QUICK_INPUT} .quick-input-list .monaco-list-row`;

/** Resolves once the workbench has drawn its parts and the explorer shows the opened folder. */
async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
  await page
    .locator('.explorer-folders-view .monaco-list-row')
    .first()
    .waitFor({ state: 'visible', timeout: READY_TIMEOUT_MS });
}

/** How long one attempt waits for each of its steps before the box is opened again. */
const ATTEMPT_STEP_MS = 5_000;

/**
 * Opens a quick-input box with `key`, types `text` and accepts the row whose label starts with `label`. The box is
 * closed and opened again until the row shows or the step's deadline passes: the palette lists only the commands
 * known when it opens (an extension may still be registering its own), and a webview that takes the focus as it
 * finishes loading closes a box that was just opened.
 */
async function pickFromQuickInput(page, key, text, label) {
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  const row = page
    .locator(QUICK_INPUT_ROW)
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    try {
      await page.keyboard.press(key);
      await input.waitFor({ state: 'visible', timeout: ATTEMPT_STEP_MS });
      await input.fill(text, { timeout: ATTEMPT_STEP_MS });
      await row.waitFor({ state: 'visible', timeout: ATTEMPT_STEP_MS });
      await row.click({ timeout: ATTEMPT_STEP_MS });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`no row "${label}" for "${text}" within ${STEP_TIMEOUT_MS} ms: ${error.message}`);
      if (await page.locator(QUICK_INPUT).isVisible()) await page.keyboard.press('Escape');
    }
  }
  // Done when the box closes, or when the command at once reused it for an input of its own (a new value).
  await pollUntil(
    async () => !(await page.locator(QUICK_INPUT).isVisible()) || (await input.inputValue().catch(() => '')) !== text,
    { timeoutMs: STEP_TIMEOUT_MS, what: `the quick input to close after picking "${label}"` },
  );
}

/** Runs a command by its palette title, e.g. `runCommand(page, 'View: Close All Editors')`. */
async function runCommand(page, title) {
  await pickFromQuickInput(page, 'F1', `>${title}`, title);
}

/** Opens a workspace file through Quick Open and waits until its editor tab is the active one. */
async function openFile(page, relativePath) {
  const name = path.basename(relativePath);
  await pickFromQuickInput(page, 'Control+P', relativePath, name);
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** Shows the Problems panel and returns its root locator. */
async function showProblems(page) {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return panel;
}

/** Saves a full-page screenshot as `test-results/screenshots/<name>.png` and returns its path. */
async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

module.exports = {
  SCREENSHOT_DIR,
  waitForWorkbench,
  runCommand,
  openFile,
  showProblems,
  screenshot,
};
