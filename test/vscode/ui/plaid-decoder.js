'use strict';
// "Plaid: Decode Token" from the palette: the input box, then the panel with the anatomy, masked until Reveal.
const { runCommand, screenshot } = require('../lib/workbench');
const { closeAllEditors, webviewFrame, STEP_TIMEOUT_MS } = require('./helpers/plaid');

// A made-up token: well-formed, in a decommissioned environment, so the panel has a problem to show.
const TOKEN = 'access-development-6c1d8e2f-4a7b-4e9c-8d3a-2b1c0f9e8d7a';
const MASKED = 'access-development-…8d7a';

module.exports = [
  {
    name: 'The decoder panel shows a decoded token masked, with its problems and lifecycle, and reveals it on request',
    async run({ page }) {
      // No editor: the command must ask instead of decoding a token under some cursor.
      await closeAllEditors(page);
      await runCommand(page, 'Plaid: Decode Token');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      if ((await input.getAttribute('type')) !== 'password') throw new Error('the token input is not hidden');
      await input.fill(TOKEN);
      await page.locator('.quick-input-widget', { hasText: 'decommissioned' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await page.keyboard.press('Enter');

      const panel = await webviewFrame(page, `main[data-masked="${MASKED}"]`);
      const tokenText = panel.locator('#token');
      if ((await tokenText.innerText()) !== MASKED) throw new Error('the token is not shown masked');
      await panel.locator('.segment.environment.bad', { hasText: 'development' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await panel.locator('ul.problems li', { hasText: 'decommissioned' }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await panel.locator('svg.lifecycle .node.highlight[data-entry="access-token"]').waitFor({ timeout: STEP_TIMEOUT_MS });
      if ((await panel.locator('body').innerText()).includes(TOKEN)) throw new Error('the panel shows the token whole before Reveal');
      await screenshot(page, 'decoder-panel');

      const reveal = panel.locator('#reveal');
      await reveal.click();
      await panel.locator('#token', { hasText: TOKEN }).waitFor({ timeout: STEP_TIMEOUT_MS });
      await reveal.click();
      await panel.locator('#token', { hasText: MASKED }).waitFor({ timeout: STEP_TIMEOUT_MS });
    },
  },
];
