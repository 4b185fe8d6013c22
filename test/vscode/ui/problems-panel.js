'use strict';
// UI checks for the Problems panel: reachable from the command palette while a fixture file is open.
const { openFile, showProblems, screenshot } = require('../lib/workbench');

module.exports = [
  {
    name: 'Problems panel opens from the command palette next to an open fixture file',
    async run({ page }) {
      await openFile(page, 'src/plaid-client.ts');
      const panel = await showProblems(page);
      // The markers tree or its "no problems" message: either way the panel drew its content, not an empty shell.
      await panel
        .locator('.monaco-list:visible, .message-box-container:visible')
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      await screenshot(page, 'problems-panel');
    },
  },
];
