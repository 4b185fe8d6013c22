'use strict';
// Completion inside an SDK call's request object offers the endpoint's request fields, required first.
const { pollUntil } = require('../lib/deadline');
const { openFile, screenshot } = require('../lib/workbench');
const { closeAllEditors, goToLineColumn, lineContaining, STEP_TIMEOUT_MS } = require('./helpers/plaid');

const CALL = 'client.transactionsSync({  });';

module.exports = [
  {
    name: 'Completion inside client.transactionsSync({ }) lists its request fields, cursor among them',
    async run({ page }) {
      await closeAllEditors(page);
      await openFile(page, 'src/transactions.ts');
      const line = await lineContaining(page, CALL);
      const text = (await page.locator('.editor-instance .view-lines .view-line', { hasText: 'transactionsSync' }).first().innerText()).replace(/\u00a0/g, ' ');
      // Between the braces: just after `({ `.
      await goToLineColumn(page, line, text.indexOf('({ ') + 4);
      const suggest = page.locator('.editor-widget.suggest-widget');
      const labels = () => suggest.locator('.monaco-list-row .label-name').allInnerTexts();
      // The server may still be starting when the file opens: ask again until the request fields come.
      await pollUntil(
        async () => {
          if (!(await suggest.isVisible())) await page.keyboard.press('Control+Space');
          await suggest.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
          const shown = await labels();
          if (shown.includes('cursor')) return shown;
          await page.keyboard.press('Escape');
          return false;
        },
        { timeoutMs: STEP_TIMEOUT_MS * 3, what: 'the request fields of /transactions/sync in the completion list' },
      );
      const shown = await labels();
      if (shown[0] !== 'access_token') throw new Error(`the required access_token is not first: ${shown.join(', ')}`);
      for (const field of ['count', 'options']) {
        if (!shown.includes(field)) throw new Error(`the completion list lacks ${field}: ${shown.join(', ')}`);
      }
      await suggest.locator('.monaco-list-row .label-name', { hasText: /^cursor$/ }).scrollIntoViewIfNeeded();
      await screenshot(page, 'completion');
      await page.keyboard.press('Escape');
    },
  },
];
