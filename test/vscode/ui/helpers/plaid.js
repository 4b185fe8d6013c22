'use strict';
// Page helpers for the Plaid Lens UI checks, on top of the harness's lib/workbench.js: the Plaid sidebar, webview
// contents, the hover, and moving the cursor. Every wait is an element wait or a deadline-polled probe.
const { pollUntil } = require('../../lib/deadline');
const { runCommand } = require('../../lib/workbench');

const STEP_TIMEOUT_MS = 20_000;
const QUICK_INPUT = '.quick-input-widget';

/** Closes every editor so the next check starts from an empty editor area. */
async function closeAllEditors(page) {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS }).catch(() => {});
}

/** Puts the cursor at a 1-based line and column with "Go to Line/Column". */
async function goToLineColumn(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
}

/** The line (1-based) of the first line of the active editor that contains `text`, read from the rendered lines. */
async function lineContaining(page, text) {
  return pollUntil(
    async () => {
      const lines = page.locator('.editor-instance .view-lines .view-line');
      const count = await lines.count();
      const tops = [];
      for (let i = 0; i < count; i++) {
        const line = lines.nth(i);
        tops.push({ text: await line.innerText(), top: await line.evaluate((el) => parseFloat(el.style.top)) });
      }
      tops.sort((a, b) => a.top - b.top);
      const index = tops.findIndex((l) => l.text.replace(/\u00a0/g, ' ').includes(text));
      return index >= 0 ? index + 1 : undefined;
    },
    { timeoutMs: STEP_TIMEOUT_MS, what: `an editor line containing "${text}"` },
  );
}

/**
 * The webview frame whose document has `selector`. Webviews are nested iframes; VS Code keeps several (sidebar
 * views, panels), so the content decides which one is meant.
 */
async function webviewFrame(page, selector) {
  return pollUntil(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
      }
      return undefined;
    },
    { timeoutMs: STEP_TIMEOUT_MS, what: `a webview showing ${selector}` },
  );
}

/**
 * Runs a command that opens a quick input titled `title` and types `text` into it. The palette's widget is reused,
 * so the text goes in only once the command's own input is up; and a webview that takes the focus as it finishes
 * loading closes an input, so a closed input is opened again until the deadline.
 */
async function typeIntoCommandInput(page, command, title, text) {
  const widget = page.locator(QUICK_INPUT);
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  const titled = page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title });
  await pollUntil(
    async () => {
      if (!(await titled.isVisible())) {
        if (await widget.isVisible()) await page.keyboard.press('Escape');
        await runCommand(page, command);
        await titled.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
        if (!(await titled.isVisible())) return false;
      }
      if ((await input.inputValue()) !== text) await input.fill(text, { timeout: 2_000 }).catch(() => {});
      return (await titled.isVisible()) && (await input.inputValue()) === text;
    },
    { timeoutMs: STEP_TIMEOUT_MS * 2, what: `"${text}" typed into the ${title} input` },
  );
  return input;
}

/** Opens the Plaid sidebar through its lifecycle command and returns the sidebar locator. */
async function showPlaidSidebar(page) {
  await runCommand(page, 'Plaid: Show Token Lifecycle');
  const sidebar = page.locator('.part.sidebar');
  await sidebar.locator('.pane-header', { hasText: 'Glossary' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return sidebar;
}

module.exports = { closeAllEditors, goToLineColumn, lineContaining, webviewFrame, showPlaidSidebar, typeIntoCommandInput, STEP_TIMEOUT_MS };
