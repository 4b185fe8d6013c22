'use strict';
// The Plaid sidebar: the glossary tree, the lifecycle picture and the Tokens view of the open file.
const { pollUntil } = require('../lib/deadline');
const { openFile, screenshot } = require('../lib/workbench');
const { closeAllEditors, showPlaidSidebar, webviewFrame, STEP_TIMEOUT_MS } = require('./helpers/plaid');

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
];
