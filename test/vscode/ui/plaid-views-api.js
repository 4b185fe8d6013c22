'use strict';
// The API view in the Plaid sidebar, "Plaid: Find API Endpoint" and the endpoint page. The checks give the API view
// the sidebar's height and fold it away again afterwards. They run after plaid-sidebar.js (file order), since
// folding panes in and out leaves the sidebar's panes with other heights than a fresh window has.
const { pollUntil } = require('../lib/deadline');
const { runCommand, screenshot } = require('../lib/workbench');
const { closeAllEditors, showPlaidSidebar, typeIntoCommandInput, webviewFrame, STEP_TIMEOUT_MS } = require('./helpers/plaid');

const QUICK_INPUT = '.quick-input-widget';
const OTHER_PANES = ['Glossary', 'Token Lifecycle', 'Tokens'];
/** The rows a filter of `transactions_sync` leaves: the call and the processor's call of the same name. */
const EXPECTED_FILTERED = 'Processor Partners,/processor/transactions/sync,Transactions,/transactions/sync';

/** The header of the sidebar pane titled exactly `title`, as a page-rooted locator (usable inside `has`). */
function paneHeader(sidebar, title) {
  const page = sidebar.page();
  return page.locator('.part.sidebar .pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`) }) });
}

/** Expands or collapses a sidebar pane by clicking its header, and waits until it is so. */
async function setPaneExpanded(sidebar, title, expanded) {
  const header = paneHeader(sidebar, title);
  await header.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await pollUntil(async () => (await header.getAttribute('aria-expanded')) === String(expanded), {
    timeoutMs: STEP_TIMEOUT_MS,
    what: `the ${title} pane ${expanded ? 'expanded' : 'collapsed'}`,
  });
}

/** The API pane's body, once it has drawn rows. */
async function apiPane(sidebar) {
  const page = sidebar.page();
  const pane = sidebar.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: /^API$/ }) });
  await pane.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return pane;
}

/** A row of the API view by its exact label. */
function row(pane, label) {
  return pane.locator('.monaco-list-row').filter({ has: pane.page().locator('.label-name', { hasText: new RegExp(`^${label.replace(/[/]/g, '\\/')}$`) }) });
}

/**
 * Gives the API pane the sidebar's height: the other Plaid panes collapse, the API pane expands. Only the first check
 * opens the sidebar through the lifecycle command: it focuses that webview view, and a webview view expanded again
 * by it takes the focus when it has loaded, closing whatever quick input is open by then.
 */
async function showApiPane(page, { openSidebar }) {
  const sidebar = openSidebar ? await showPlaidSidebar(page) : page.locator('.part.sidebar');
  for (const title of OTHER_PANES) await setPaneExpanded(sidebar, title, false);
  await setPaneExpanded(sidebar, 'API', true);
  return { sidebar, pane: await apiPane(sidebar) };
}

/** Puts the sidebar back as the other checks expect it: the API pane collapsed, the others expanded. */
async function restorePanes(page) {
  const sidebar = page.locator('.part.sidebar');
  await setPaneExpanded(sidebar, 'API', false);
  for (const title of OTHER_PANES) await setPaneExpanded(sidebar, title, true);
}

module.exports = [
  {
    name: 'The API view lists the products and, found by an SDK name, the Transactions endpoints',
    async run({ page }) {
      await closeAllEditors(page);
      const { pane } = await showApiPane(page, { openSidebar: true });
      for (const label of ['Accounts', 'Assets', 'Auth']) await row(pane, label).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      await typeIntoCommandInput(page, 'Plaid: Find API Endpoint', 'Find a Plaid API endpoint', 'transactionsSync');
      // The active row is the exact match, though /processor/transactions/sync (processorTransactionsSync) matches too.
      const active = page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row.focused`);
      await active.locator('.label-name', { hasText: /^\/transactions\/sync$/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row .label-name`, { hasText: '/processor/transactions/sync' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });

      const endpoint = await webviewFrame(page, 'main[data-endpoint-path="/transactions/sync"]');
      await endpoint.locator('table.request tr[data-field="access_token"]', { hasText: 'required' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await endpoint.locator('table.request tr[data-field="options.days_requested"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      await endpoint.locator('table.sdks td', { hasText: 'client.PlaidApi.TransactionsSync(ctx)' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.locator('.tabs-container .tab.active', { hasText: 'Plaid API: /transactions/sync' }).waitFor({ timeout: STEP_TIMEOUT_MS });

      // Finding the endpoint revealed it: Transactions is open in the view, its endpoints listed, the found one selected.
      for (const label of ['Transactions', '/transactions/get', '/transactions/refresh', '/transactions/sync']) {
        await row(pane, label).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      }
      await pollUntil(async () => (await row(pane, '/transactions/sync').getAttribute('aria-selected')) === 'true', {
        timeoutMs: STEP_TIMEOUT_MS,
        what: '/transactions/sync selected in the API view',
      });
      // The Problems panel, open from earlier checks, would hide most of the page; the next check that needs it opens it.
      await runCommand(page, 'View: Hide Panel');
      await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      await screenshot(page, 'api-view');
    },
  },
  {
    name: 'Filtering the API view by an SDK name keeps only its endpoint, and a miss says how to clear it',
    async run({ page }) {
      try {
        const { sidebar, pane } = await showApiPane(page, { openSidebar: false });
        await sidebar.locator('.composite.title .title-label').click();
        await typeIntoCommandInput(page, 'Plaid: Filter API Endpoints', 'Filter the Plaid API', 'transactions_sync');
        await page.keyboard.press('Enter');
        await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
        await paneHeader(sidebar, 'API').locator('.description', { hasText: '“transactions_sync”' }).waitFor({ timeout: STEP_TIMEOUT_MS });
        await pollUntil(
          async () => {
            const labels = await pane.locator('.monaco-list-row .label-name').allInnerTexts();
            return labels.join(',') === EXPECTED_FILTERED && labels;
          },
          { timeoutMs: STEP_TIMEOUT_MS, what: `only ${EXPECTED_FILTERED} listed` },
        );

        await typeIntoCommandInput(page, 'Plaid: Filter API Endpoints', 'Filter the Plaid API', 'no such endpoint anywhere');
        await page.keyboard.press('Enter');
        const empty = pane.getByText('No API endpoint matches the filter.');
        await empty.waitFor({ timeout: STEP_TIMEOUT_MS });
        await runCommand(page, 'Plaid: Clear API Filter');
        await row(pane, 'Accounts').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        await empty.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
      } finally {
        await restorePanes(page);
        await closeAllEditors(page);
      }
    },
  },
];
