import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { loadApiIndex } from '../../../server/src/apiData';
import type { ApiIndex } from '../../../server/src/engine/api';
import { API_PANEL_TYPE, endpointPage } from '../../../client/src/apiPage';
import { productTitle, type ApiNode } from '../../../client/src/apiTree';
import { entryPage } from '../../../client/src/glossaryDetail';
import { lifecyclePage } from '../../../client/src/lifecycleView';
import { getEntry } from '../../../server/src/engine';
import { EXTENSION_ID, plaidLens, SERVER_TIMEOUT_MS, waitFor } from './util';

const WEBVIEW = { cspSource: 'vscode-webview://test' } as vscode.Webview;

type Provider = vscode.TreeDataProvider<ApiNode>;

async function children(provider: Provider, node?: ApiNode): Promise<ApiNode[]> {
  return (await provider.getChildren(node)) ?? [];
}

async function labelOf(provider: Provider, node: ApiNode): Promise<string> {
  const label = (await provider.getTreeItem(node)).label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** The paths the view lists under each product it shows, as `Product title` → paths. */
async function listed(provider: Provider): Promise<Map<string, string[]>> {
  const shown = new Map<string, string[]>();
  for (const product of await children(provider)) {
    const paths = (await children(provider, product)).map((n) => (n.kind === 'endpoint' ? n.endpoint.path : '?'));
    shown.set(await labelOf(provider, product), paths);
  }
  return shown;
}

/** The data as the extension ships it, read by the same loader, for expectations. */
function shippedIndex(): ApiIndex {
  return loadApiIndex(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath);
}

function webviewTabOpen(viewType: string): boolean {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

/** The rows of a table body in page HTML, as the `data-field` names in order. */
function fieldRows(html: string, table: string): string[] {
  const body = new RegExp(`<table class="${table}">[\\s\\S]*?</table>`).exec(html)?.[0] ?? '';
  return [...body.matchAll(/data-field="([^"]+)"/g)].map((m) => m[1]!);
}

suite('API view and pages', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  // Finding an endpoint opens its page and reveals the Plaid sidebar; later suites start from the explorer again.
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('Should list the Transactions endpoints under their product, with its summary', async () => {
    const tree = (await plaidLens()).apiTree;
    const index = shippedIndex();
    const shown = await listed(tree);
    assert.deepEqual(shown.get('Transactions'), index.byProduct('transactions').map((e) => e.path));
    for (const path of ['/transactions/sync', '/transactions/get', '/transactions/refresh', '/transactions/recurring/get']) {
      assert.ok(shown.get('Transactions')!.includes(path), `${path} is listed`);
    }
    const product = (await children(tree)).find((n) => n.kind === 'product' && n.product === 'transactions')!;
    const item = await tree.getTreeItem(product);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.ok(String(item.description).includes(index.productSummary('transactions')!), 'the product row carries our summary');
  });

  test('Should list every endpoint once, products by title and those without one last', async () => {
    const tree = (await plaidLens()).apiTree;
    const index = shippedIndex();
    const shown = await listed(tree);
    const all = [...shown.values()].flat();
    assert.equal(all.length, index.endpoints.length);
    assert.equal(new Set(all).size, all.length);
    const titles = [...shown.keys()];
    assert.equal(titles[titles.length - 1], 'Other');
    assert.deepEqual(titles.slice(0, -1), [...titles.slice(0, -1)].sort((a, b) => a.localeCompare(b)));
    assert.deepEqual(
      titles.slice(0, -1).sort(),
      [...new Set(index.endpoints.map((e) => e.product).filter((p): p is string => p !== undefined))].map(productTitle).sort(),
    );
  });

  test('Should mark deprecated endpoints with a warning icon and name the successor', async () => {
    const tree = (await plaidLens()).apiTree;
    const index = shippedIndex();
    const deprecated = index.endpoints.filter((e) => e.deprecated);
    assert.ok(deprecated.length > 0, 'the data has deprecated endpoints');
    const rows = (await Promise.all((await children(tree)).map((p) => children(tree, p)))).flat();
    for (const node of rows) {
      if (node.kind !== 'endpoint') continue;
      const item = await tree.getTreeItem(node);
      const icon = item.iconPath as vscode.ThemeIcon;
      if (node.endpoint.deprecated) {
        assert.equal(icon.id, 'warning', `${node.endpoint.path} has the warning icon`);
        assert.match(String(item.description), /^deprecated/, `${node.endpoint.path} says deprecated`);
        if (node.endpoint.replacedBy) assert.ok(String(item.description).includes(node.endpoint.replacedBy), 'names its successor');
      } else {
        assert.notEqual(icon.id, 'warning', `${node.endpoint.path} is not marked`);
      }
      assert.deepEqual([item.command?.command, ...(item.command?.arguments ?? [])], ['plaidLens.showApiEndpoint', node.endpoint.path]);
    }
  });

  // A filter is a substring: the processor's /processor/transactions/sync (processorTransactionsSync) matches too.
  const BOTH_SYNCS = ['/processor/transactions/sync', '/transactions/sync'];
  const FILTER_CASES = [
    { filter: 'transactionsSync', expected: BOTH_SYNCS },
    { filter: 'transactions_sync', expected: BOTH_SYNCS },
    { filter: 'TransactionsSyncRequest', expected: BOTH_SYNCS },
    { filter: '/transactions/sync', expected: BOTH_SYNCS },
    { filter: 'plaid.NewTransactionsSyncRequest', expected: ['/transactions/sync'] },
    { filter: 'Plaid::ProcessorTransactionsSyncRequest', expected: ['/processor/transactions/sync'] },
    { filter: 'item_public_token_exchange', expected: ['/item/public_token/exchange'] },
  ];
  for (const { filter, expected } of FILTER_CASES) {
    test(`Should narrow the view to ${expected.join(', ')} when filtered by ${filter}`, async () => {
      const tree = (await plaidLens()).apiTree;
      try {
        tree.setFilter(filter);
        const shown = [...(await listed(tree)).values()].flat();
        assert.deepEqual(shown, expected);
        const [product] = await children(tree);
        assert.equal((await tree.getTreeItem(product!)).collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'groups open under a filter');
      } finally {
        tree.setFilter('');
      }
    });
  }

  test('Should filter by product and by deprecation, show nothing for a miss, and everything again when cleared', async () => {
    const tree = (await plaidLens()).apiTree;
    const index = shippedIndex();
    try {
      tree.setFilter('deprecated');
      const deprecated = [...(await listed(tree)).values()].flat();
      for (const path of index.endpoints.filter((e) => e.deprecated).map((e) => e.path)) assert.ok(deprecated.includes(path), `${path} shown`);
      tree.setFilter('no such endpoint anywhere');
      assert.deepEqual(await children(tree), []);
      assert.equal(tree.filter, 'no such endpoint anywhere');
    } finally {
      tree.setFilter('');
    }
    assert.equal([...(await listed(tree)).values()].flat().length, index.endpoints.length);
  });

  test('Should open /transactions/sync on its page from "Find API Endpoint" by each SDK spelling', async () => {
    const api = await plaidLens();
    for (const asked of ['transactionsSync', 'transactions_sync', 'TransactionsSync', 'Plaid::TransactionsSyncRequest', '/transactions/sync']) {
      assert.equal(await vscode.commands.executeCommand('plaidLens.findApiEndpoint', asked), '/transactions/sync', asked);
      assert.equal(api.shownApiEndpoint(), '/transactions/sync');
    }
    await waitFor(() => webviewTabOpen(API_PANEL_TYPE), SERVER_TIMEOUT_MS, 'the API page open');
    assert.equal(await api.showApiEndpoint('/item/remove'), '/item/remove');
    assert.equal(api.shownApiEndpoint(), '/item/remove');
    assert.equal(await vscode.commands.executeCommand('plaidLens.findApiEndpoint', 'noSuchCallAnywhere'), undefined);
    assert.equal(api.shownApiEndpoint(), '/item/remove', 'an unknown name leaves the page as it was');
  });

  test('Should render the request fields required first, with types, enums, defaults, bounds and one nested level', () => {
    const index = shippedIndex();
    const endpoint = index.byPath('/transactions/sync')!;
    const html = endpointPage(WEBVIEW, index, endpoint);
    const rows = fieldRows(html, 'fields request');
    assert.equal(rows[0], 'access_token', 'the required field comes first');
    const expected = [...endpoint.fields.filter((f) => f.required), ...endpoint.fields.filter((f) => !f.required)].flatMap((f) => [
      f.name,
      ...[...(f.fields ?? []).filter((n) => n.required), ...(f.fields ?? []).filter((n) => !n.required)].map((n) => `${f.name}.${n.name}`),
    ]);
    assert.deepEqual(rows, expected);
    assert.ok(rows.includes('options.days_requested'), 'a nested field of options');
    const row = (name: string) => new RegExp(`data-field="${name.replace('.', '\\.')}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
    assert.match(row('count'), /<code>integer<\/code>/);
    assert.match(row('count'), /default <code>100<\/code>/);
    assert.match(row('count'), /1 to 500/);
    assert.match(row('access_token'), /required/);
    assert.match(row('options.personal_finance_category_version'), /one of <code>&quot;v1&quot;<\/code> <code>&quot;v2&quot;<\/code>/);
    assert.match(row('options.include_personal_finance_category'), /deprecated/);
    assert.deepEqual(fieldRows(html, 'fields response'), endpoint.responseFields.map((f) => f.name));
  });

  test('Should show the method, tokens, the five SDK spellings and a docs link the page cannot redirect', () => {
    const index = shippedIndex();
    const html = endpointPage(WEBVIEW, index, index.byPath('/transactions/sync')!);
    assert.match(html, /<span class="method">POST<\/span> <code class="path">\/transactions\/sync<\/code>/);
    assert.match(html, /<dt>Takes<\/dt><dd><a class="link" data-entry="access-token"/);
    for (const code of ['client.transactionsSync(request)', 'client.transactions_sync(request)', 'TransactionsSyncRequest(…)', 'Plaid::TransactionsSyncRequest.new(…)', 'client.PlaidApi.TransactionsSync(ctx)', 'plaid.NewTransactionsSyncRequest(…)']) {
      assert.ok(html.includes(`<code>${code}</code>`), `shows ${code}`);
    }
    assert.equal((html.match(/<tr data-sdk=/g) ?? []).length, 5);
    assert.match(html, /<a class="link docs" data-docs [^>]*>https:\/\/plaid\.com\/docs\/api\/products\/transactions\/#transactionssync<\/a>/);
    assert.ok(!/href=|src=["']https?:/.test(html), 'the page links nowhere by itself and loads nothing');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  test('Should mark a deprecated endpoint and link its successor', () => {
    const index = shippedIndex();
    const old = index.endpoints.find((e) => e.deprecated && e.replacedBy && index.byPath(e.replacedBy))!;
    const html = endpointPage(WEBVIEW, index, old);
    assert.match(html, /<span class="badge error">deprecated<\/span>/);
    assert.ok(html.includes(`Deprecated: use <a class="link" data-endpoint="${old.replacedBy}"`), `links ${old.replacedBy}`);
  });

  test('Should list the endpoints that create, rotate, revoke and use a token on its glossary page and in the lifecycle view', () => {
    const index = shippedIndex();
    const access = index.tokenEndpoints('access-token');
    const page = entryPage(WEBVIEW, getEntry('access-token')!, access);
    assert.match(page, /<h2>API endpoints<\/h2>/);
    for (const [label, list] of [['Created by', access.creates], ['Rotated by', access.rotates], ['Revoked by', access.revokes]] as const) {
      assert.ok(list.length > 0, `${label} has endpoints in the data`);
      for (const e of list) assert.ok(page.includes(`data-endpoint="${e.path}"`), `${label} ${e.path}`);
    }
    assert.ok(page.includes(`data-endpoint="/item/remove"`) && page.includes(`data-endpoint="/item/access_token/invalidate"`));
    assert.ok(page.includes(`<dt>Used by (${access.uses.length})</dt>`));
    const lifecycle = lifecyclePage(WEBVIEW, { tokenEndpoints: (id) => index.tokenEndpoints(id), openEndpoint: () => undefined });
    assert.ok(lifecycle.includes('data-endpoint="/link/token/create"'), 'the link token facts name its creator');
    assert.match(lifecycle, /<text class="endpoints"[^>]*>endpoints: \d+ create · \d+ use · 1 rotate · 1 revoke<\/text>/);
    assert.ok(!entryPage(WEBVIEW, getEntry('sandbox')!, undefined).includes('API endpoints'), 'no endpoint list off token pages');
  });
});
