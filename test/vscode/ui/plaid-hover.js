'use strict';
// Hovering a token shows its lifecycle from the glossary, with the token masked.
const { openFile, runCommand, screenshot } = require('../lib/workbench');
const glossary = require('../../../glossary/plaid-glossary.json');
const { closeAllEditors, goToLineColumn, lineContaining, STEP_TIMEOUT_MS } = require('./helpers/plaid');

module.exports = [
  {
    name: 'A hover on a link token shows its lifecycle, masked',
    async run({ page }) {
      await closeAllEditors(page);
      await openFile(page, 'src/findings.js');
      const line = await lineContaining(page, 'const linkToken');
      // Column 30 is inside the token: `const linkToken = '` is 19 characters.
      await goToLineColumn(page, line, 30);
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Lifecycle' }).first();
      await hover.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const text = await hover.innerText();
      const lifetime = glossary.entries.find((e) => e.id === 'link-token').token.lifetime.text;
      if (!text.includes(lifetime)) throw new Error('the hover does not give the link token lifetime from the glossary');
      if (!/link-sandbox-…[0-9a-f]{4}/.test(text)) throw new Error('the hover does not show the token masked');
      if (/link-sandbox-[0-9a-f]{8}-/.test(text)) throw new Error('the hover shows the token whole');
      // Diagnostics come first in a hover; bring the lifecycle part into view for the screenshot. The editor may
      // redraw the hover meanwhile (detaching the element found a moment ago), so the locator is resolved afresh
      // and the hover shown again until the scroll lands, within the step's deadline.
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      for (;;) {
        try {
          if (!(await hover.isVisible())) await runCommand(page, 'Show or Focus Hover');
          await hover.locator('strong', { hasText: 'Lifecycle' }).first().scrollIntoViewIfNeeded({ timeout: 2_000 });
          break;
        } catch (error) {
          if (Date.now() > deadline) throw error;
        }
      }
      await screenshot(page, 'hover-lifecycle');
      await page.keyboard.press('Escape');
    },
  },
];
