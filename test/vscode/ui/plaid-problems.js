'use strict';
// The Problems panel lists the fixture's Plaid findings, with their rule codes, the moment the file is open.
const { pollUntil } = require('../lib/deadline');
const { openFile, showProblems, screenshot } = require('../lib/workbench');
const { closeAllEditors } = require('./helpers/plaid');

/** Rule codes src/findings.js must show, each in a row of its own. */
const CODES = ['development-environment', 'expiring-token', 'environment-mismatch', 'malformed-token'];

module.exports = [
  {
    name: 'Problems panel lists the Plaid findings of an open fixture file',
    async run({ page }) {
      await closeAllEditors(page);
      await openFile(page, 'src/findings.js');
      const panel = await showProblems(page);
      const rows = panel.locator('.monaco-list-row');
      const texts = await pollUntil(
        async () => {
          const all = await rows.allInnerTexts();
          return CODES.every((code) => all.some((row) => row.includes(code))) && all;
        },
        { timeoutMs: 30_000, what: `Problems rows for ${CODES.join(', ')}` },
      );
      if (!texts.some((row) => row.includes('decommissioned'))) {
        throw new Error('no Problems row says the Development environment was decommissioned');
      }
      if (texts.some((row) => /link-sandbox-[0-9a-f]{8}-/.test(row))) {
        throw new Error('a Problems row shows a token whole');
      }
      await screenshot(page, 'problems-findings');
    },
  },
];
