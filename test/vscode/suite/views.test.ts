import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATEGORY_TITLES, entries, getEntry } from '../../../server/src/engine';
import type { GlossaryNode } from '../../../client/src/glossaryTree';
import type { TokensNode } from '../../../client/src/tokensView';
import { openFixture, plaidLens, SERVER_TIMEOUT_MS, waitFor, waitForDiagnostics } from './util';

type Provider<T> = vscode.TreeDataProvider<T>;

async function children<T>(provider: Provider<T>, node?: T): Promise<T[]> {
  return (await provider.getChildren(node)) ?? [];
}

async function labelOf<T>(provider: Provider<T>, node: T): Promise<string> {
  const label = (await provider.getTreeItem(node)).label;
  return typeof label === 'string' ? label : label?.label ?? '';
}

/** Every node under `node`, depth first. */
async function descendants<T>(provider: Provider<T>, node?: T): Promise<T[]> {
  const below = await children(provider, node);
  const nested = await Promise.all(below.map((child) => descendants(provider, child)));
  return below.flatMap((child, i) => [child, ...nested[i]!]);
}

suite('Views', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  test('Should list the glossary categories in order, each with its entries in the data order', async () => {
    const tree = (await plaidLens()).glossaryTree;
    const categories = await children(tree);
    assert.deepEqual(await Promise.all(categories.map((c) => labelOf(tree, c))), Object.values(CATEGORY_TITLES));
    const shown: string[] = [];
    for (const category of categories) {
      for (const node of await children(tree, category)) {
        assert.equal(node.kind, 'entry');
        if (node.kind === 'entry') shown.push(node.entry.id);
      }
    }
    assert.deepEqual(shown, [...entries].sort((a, b) => order(a.category) - order(b.category)).map((e) => e.id));
  });

  test('Should open an entry from its glossary row, with a codicon', async () => {
    const tree = (await plaidLens()).glossaryTree;
    const [tokens] = await children(tree);
    const access = (await children(tree, tokens)).find((n) => n.kind === 'entry' && n.entry.id === 'access-token')!;
    const item = await tree.getTreeItem(access);
    assert.equal(item.label, getEntry('access-token')!.term);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.deepEqual([item.command?.command, ...(item.command?.arguments ?? [])], ['plaidLens.showGlossaryEntry', 'access-token']);
  });

  test('Should narrow the glossary to entries matching the filter, by name in code too', async () => {
    const tree = (await plaidLens()).glossaryTree;
    try {
      tree.setFilter('/item/remove');
      const found = (await descendants(tree)).filter((n): n is GlossaryNode & { kind: 'entry' } => n.kind === 'entry').map((n) => n.entry.id);
      assert.deepEqual(found, entries.filter((e) => e.codeNames.some((c) => c.includes('/item/remove'))).map((e) => e.id));
      tree.setFilter('no such term anywhere');
      assert.deepEqual(await children(tree), []);
    } finally {
      tree.setFilter('');
    }
    assert.equal((await children(tree)).length, Object.keys(CATEGORY_TITLES).length);
  });

  test("Should group the open file's tokens by type and environment, masked, each opening its place", async () => {
    const api = await plaidLens();
    const tree = api.tokensTree;
    const { document } = await openFixture('src/findings.js');
    await waitForDiagnostics(document.uri, ['malformed-token']);
    const fileScope = await waitFor(
      async () => (await children(tree)).find((n) => n.kind === 'scope' && n.file?.toString() === document.uri.toString()),
      SERVER_TIMEOUT_MS,
      'a "This file" group in the Tokens view',
    );
    const types = await children(tree, fileScope);
    const typeLabels = await Promise.all(types.filter((n) => n.kind === 'type').map((n) => labelOf(tree, n)));
    assert.deepEqual(typeLabels.sort(), [getEntry('access-token')!.term, getEntry('link-token')!.term].sort());
    const access = types.find((n) => n.kind === 'type' && n.type === 'access')!;
    const [environment] = await children(tree, access);
    assert.match(await labelOf(tree, environment!), /^prod \(not a Plaid environment\)$/);
    const [token] = (await children(tree, environment)) as (TokensNode & { kind: 'token' })[];
    const item = await tree.getTreeItem(token!);
    assert.match(String(item.label), /^access-prod-…[0-9a-f]{4}$/);
    assert.equal(item.command?.command, 'vscode.open');
    const [uri, options] = item.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
    assert.equal(uri.toString(), document.uri.toString());
    assert.match(document.getText(options.selection), /^access-prod-[0-9a-f-]{36}$/);
    assert.ok(token!.findings.some((f) => f.diagnostic.code !== undefined), 'the token row carries its findings');
  });
});

function order(category: string): number {
  return Object.keys(CATEGORY_TITLES).indexOf(category);
}
