import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CATEGORY_TITLES, entries, getEntry } from '../../../server/src/engine';
import type { GlossaryNode } from '../../../client/src/glossaryTree';
import type { TokensNode } from '../../../client/src/tokensView';
import { closeUntitled, codeOf, openFixture, plaidDiagnostics, plaidLens, SERVER_TIMEOUT_MS, waitFor, waitForDiagnostics } from './util';

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

/** The masked tokens the Tokens view lists for one file under "Workspace". */
async function listedTokens(provider: Provider<TokensNode>, uri: vscode.Uri): Promise<string[]> {
  const workspace = (await children(provider)).find((n) => n.kind === 'scope' && n.file === undefined);
  if (workspace === undefined) return [];
  return (await descendants(provider, workspace))
    .filter((n): n is TokensNode & { kind: 'token' } => n.kind === 'token' && n.token.uri.toString() === uri.toString())
    .map((n) => n.token.masked);
}

/** Waits until the view lists `count` tokens for a file, and returns them. */
function waitForListed(provider: Provider<TokensNode>, uri: vscode.Uri, count: number, what: string): Promise<string[]> {
  return waitFor(
    async () => {
      const listed = await listedTokens(provider, uri);
      return listed.length === count && listed;
    },
    SERVER_TIMEOUT_MS,
    what,
  );
}

/** Waits for the server's note that it skipped a file for its size. */
function waitForSizeNote(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor(
    () => plaidDiagnostics(uri).find((d) => d.message.includes('plaidLens.maxFileSizeKB')),
    SERVER_TIMEOUT_MS,
    `the "not scanned" note for ${uri.toString()}`,
  );
}

/** A JavaScript buffer of about 1.6 KiB holding one Sandbox access token. */
const OVER_ONE_KIB = `const accessToken = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';\n${'// padding to pass one KiB\n'.repeat(60)}`;

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
    const others = types.find((n): n is TokensNode & { kind: 'others' } => n.kind === 'others');
    const otherCodes = (others?.findings ?? []).map((f) => codeOf(f.diagnostic));
    assert.deepEqual(otherCodes, ['development-environment'], 'only the finding on no token is listed apart');
  });

  test('Should list no tokens for a document over plaidLens.maxFileSizeKB, as the server skips it', async () => {
    const tree = (await plaidLens()).tokensTree;
    const config = vscode.workspace.getConfiguration('plaidLens');
    const listedBefore = await vscode.workspace.openTextDocument({ language: 'javascript', content: OVER_ONE_KIB });
    await vscode.window.showTextDocument(listedBefore);
    const [masked] = await waitForListed(tree, listedBefore.uri, 1, 'the token of a buffer under the default limit');
    assert.match(masked!, /^access-sandbox-…[0-9a-f]{4}$/);
    try {
      await config.update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Workspace);
      await waitForListed(tree, listedBefore.uri, 0, 'the token gone once the limit drops below the buffer');
      await waitForSizeNote(listedBefore.uri);

      const openedOver = await vscode.workspace.openTextDocument({ language: 'javascript', content: OVER_ONE_KIB });
      await vscode.window.showTextDocument(openedOver);
      await waitForSizeNote(openedOver.uri);
      // The index reads a document as it opens, before the server sees it, so by now it has decided.
      assert.deepEqual(await listedTokens(tree, openedOver.uri), []);
      await closeUntitled(openedOver);
    } finally {
      await config.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForListed(tree, listedBefore.uri, 1, 'the token listed again under the default limit');
    await closeUntitled(listedBefore);
  });

  test('Should list no tokens while plaidLens.enable is off', async () => {
    const tree = (await plaidLens()).tokensTree;
    const { document } = await openFixture('src/findings.js');
    await waitForListed(tree, document.uri, 2, 'the two tokens of src/findings.js');
    const config = vscode.workspace.getConfiguration('plaidLens', document.uri);
    try {
      await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
      await waitForListed(tree, document.uri, 0, 'no tokens listed while disabled');
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForListed(tree, document.uri, 2, 'the tokens listed again once enabled');
  });
});

function order(category: string): number {
  return Object.keys(CATEGORY_TITLES).indexOf(category);
}
