import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlaidLensApi } from '../../../client/src/extension';

const EXTENSION_ID = 'plaid-lens.plaid-lens';

suite('Activation', () => {
  test('Should find the Plaid Lens extension under its publisher id', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    assert.equal(extension.packageJSON.name, 'plaid-lens');
  });

  test('Should activate without throwing and report itself active', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('Should not read the API data while activating: it waits for a view or page that shows it', async () => {
    const extension = vscode.extensions.getExtension<PlaidLensApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    const api = await extension.activate();
    assert.equal(api.apiDataLoaded(), false);
  });
});
