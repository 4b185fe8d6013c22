'use strict';
// The Plaid sidebar: the glossary tree, the lifecycle picture and the Tokens view of the open file.
const { pollUntil } = require('../lib/deadline');
const { openFile, runCommand, screenshot } = require('../lib/workbench');
const { closeAllEditors, showPlaidSidebar, typeIntoCommandInput, webviewFrame, STEP_TIMEOUT_MS } = require('./helpers/plaid');

/** A token someone might paste into the glossary filter; the view title must never show it whole. */
const PASTED_TOKEN = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';

module.exports = [
  {
    name: 'The Plaid sidebar shows the glossary, the lifecycle picture and the open file tokens',
    async run({ page }) {
      await closeAllEditors(page);
      await openFile(page, 'src/findings.js');
      const sidebar = await showPlaidSidebar(page);
      const glossaryRow = (label) => sidebar.locator('.monaco-list-row', { hasText: label }).first();
      // The tree is virtualised: only rows near the top are drawn without scrolling.
      for (const label of ['Tokens, identifiers and keys', 'Access token', 'Public token']) {
        await glossaryRow(label).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      }
      const lifecycle = await webviewFrame(page, 'svg.lifecycle');
      for (const term of ['Link token', 'Public token', 'Access token', 'Processor token', 'User token', 'Asset report token']) {
        await lifecycle.locator('svg.lifecycle text.term', { hasText: term }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
      }
      await lifecycle.locator('svg.lifecycle text.via', { hasText: '/item/public_token/exchange' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await pollUntil(
        async () => (await sidebar.locator('.monaco-list-row', { hasText: /access-prod-…[0-9a-f]{4}/ }).count()) > 0,
        { timeoutMs: STEP_TIMEOUT_MS, what: 'the masked access token in the Tokens view' },
      );
      await screenshot(page, 'sidebar');
    },
  },
  {
    name: 'Selecting a glossary entry opens its page with lifecycle and related entries',
    async run({ page }) {
      const sidebar = await showPlaidSidebar(page);
      await sidebar.locator('.monaco-list-row', { hasText: 'Access token' }).first().click();
      const entry = await webviewFrame(page, 'main[data-entry-id="access-token"]');
      await entry.locator('h2', { hasText: 'Lifecycle' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await entry.locator('ul.related a', { hasText: 'Public token' }).click();
      await webviewFrame(page, 'main[data-entry-id="public-token"]');
      await screenshot(page, 'glossary-entry');
    },
  },
  {
    name: 'Filtering the glossary by a pasted token names the filter masked in the view title',
    async run({ page }) {
      const sidebar = await showPlaidSidebar(page);
      // The lifecycle view, focused by showPlaidSidebar, is a webview that may still be loading and lose a key press:
      // a click on the sidebar's title takes the focus back to the workbench before the palette key.
      await sidebar.locator('.composite.title .title-label').click();
      await typeIntoCommandInput(page, 'Plaid: Filter Glossary', 'Filter the Plaid glossary', PASTED_TOKEN);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      const description = sidebar.locator('.pane-header', { hasText: 'Glossary' }).locator('.description');
      await description.filter({ hasText: /access-sandbox-…[0-9a-f]{4}/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await sidebar.getByText(/No entry matches “access-sandbox-…[0-9a-f]{4}”/).waitFor({ timeout: STEP_TIMEOUT_MS });
      if ((await sidebar.innerText()).includes(PASTED_TOKEN)) throw new Error('the sidebar shows the filter token whole');
      await runCommand(page, 'Plaid: Clear Glossary Filter');
      await pollUntil(async () => (await description.innerText()).trim() === '', {
        timeoutMs: STEP_TIMEOUT_MS,
        what: 'the Glossary title without a filter',
      });
    },
  },
];
