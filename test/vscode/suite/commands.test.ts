import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TokensNode } from '../../../client/src/tokensView';
import type { ScanSummary } from '../../../client/src/workspaceScan';
import { codeOf, EXTENSION_ID, fixtureUri, plaidDiagnostics, plaidLens, SERVER_TIMEOUT_MS, waitFor } from './util';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

function contributedCommands(): ContributedCommand[] {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as ContributedCommand[];
}

/** Whether a webview tab of this view type is open (VS Code prefixes the type it shows in tabs). */
function webviewTabOpen(viewType: string): boolean {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));
}

/** Tokens to decode and the anatomy the decoder must find; the uuid is made up for the tests. */
const UUID = '6c1d8e2f-4a7b-4e9c-8d3a-2b1c0f9e8d7a';
const DECODE_CASES = [
  { token: `access-sandbox-${UUID}`, type: 'access', environment: 'sandbox', entryId: 'access-token', environmentId: 'sandbox', problems: [] },
  { token: `public-production-${UUID}`, type: 'public', environment: 'production', entryId: 'public-token', environmentId: 'production', problems: [] },
  { token: `access-development-${UUID}`, type: 'access', environment: 'development', entryId: 'access-token', environmentId: 'development', problems: ['decommissioned-environment'] },
  { token: `access-prod-${UUID}`, type: 'access', environment: 'prod', entryId: 'access-token', environmentId: undefined, problems: ['unknown-environment'] },
  { token: `acess-sandbox-${UUID}`, type: 'acess', environment: 'sandbox', entryId: undefined, environmentId: 'sandbox', problems: ['unknown-type'] },
  { token: `link-sandbox-${UUID.toUpperCase()}`, type: 'link', environment: 'sandbox', entryId: 'link-token', environmentId: 'sandbox', problems: ['uuid-uppercase'] },
  { token: `assets-sandbox-${UUID}`, type: 'assets', environment: 'sandbox', entryId: 'asset-report-token', environmentId: 'sandbox', problems: [] },
] as const;

/** The Tokens view's row for a token of `file` under Workspace › type › environment; fails when there is none. */
async function workspaceToken(
  tree: vscode.TreeDataProvider<TokensNode>,
  file: vscode.Uri,
  type: string,
  environment: string,
): Promise<TokensNode & { kind: 'token' }> {
  const children = async (node?: TokensNode) => (await tree.getChildren(node)) ?? [];
  const workspace = (await children()).find((n) => n.kind === 'scope' && n.file === undefined);
  assert.ok(workspace, 'a Workspace group in the Tokens view');
  const typeNode = (await children(workspace)).find((n) => n.kind === 'type' && n.type === type);
  assert.ok(typeNode, `a ${type} group under Workspace`);
  const envNode = (await children(typeNode)).find((n) => n.kind === 'environment' && n.environment === environment);
  assert.ok(envNode, `a ${environment} group under ${type}`);
  const token = (await children(envNode)).find((n): n is TokensNode & { kind: 'token' } => n.kind === 'token' && n.token.uri.toString() === file.toString());
  assert.ok(token, `a token of ${vscode.workspace.asRelativePath(file)} under ${type} › ${environment}`);
  return token;
}

suite('Commands', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  test('Should register every command package.json contributes, each titled under the Plaid category', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = contributedCommands();
    assert.ok(contributed.length >= 7, 'the palette commands are contributed');
    for (const { command, category } of contributed) {
      assert.ok(registered.has(command), `${command} is registered`);
      assert.equal(category, 'Plaid', `${command} is in the Plaid category`);
    }
  });

  test("Should leave the server's decode command to the language client and not contribute it", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('plaidLens.decodeToken'), 'the language client registers the server command');
    assert.ok(!contributedCommands().some((c) => c.command === 'plaidLens.decodeToken'), 'not in the palette');
  });

  for (const expected of DECODE_CASES) {
    test(`Should decode ${expected.type}-${expected.environment}-… into its anatomy${expected.problems.length ? ` with ${expected.problems.join(', ')}` : ''}`, async () => {
      const api = await plaidLens();
      const decoded = await api.decode(expected.token);
      assert.equal(decoded.type, expected.type);
      assert.equal(decoded.environment, expected.environment);
      assert.equal(decoded.entryId, expected.entryId);
      assert.equal(decoded.environmentId, expected.environmentId);
      assert.deepEqual(decoded.problems.map((p) => p.kind), expected.problems);
      assert.equal(decoded.valid, expected.problems.length === 0);
      assert.ok(!JSON.stringify(decoded).includes(UUID) && !JSON.stringify(decoded).includes(UUID.toUpperCase()), 'the result is masked');
    });
  }

  test('Should report the UUID version and variant of a well-formed token', async () => {
    const api = await plaidLens();
    const decoded = await api.decode(`access-sandbox-${UUID}`);
    assert.deepEqual(decoded.uuid, { version: 4, variant: 'rfc4122' });
    assert.equal(decoded.tailKind, 'uuid');
  });

  test('Should open the decoder panel from "Plaid: Decode Token"', async () => {
    await vscode.commands.executeCommand('plaidLens.decode', `access-sandbox-${UUID}`);
    await waitFor(() => webviewTabOpen('plaidLens.decoder'), SERVER_TIMEOUT_MS, 'the decoder panel open');
  });

  test('Should open a glossary entry by id, term or name in code', async () => {
    const api = await plaidLens();
    for (const [asked, id] of [['access-token', 'access-token'], ['Public token', 'public-token'], ['ITEM_ID', 'item-id']] as const) {
      assert.equal(await vscode.commands.executeCommand('plaidLens.showGlossaryEntry', asked), id);
      assert.equal(api.shownGlossaryEntry(), id);
    }
    assert.ok(webviewTabOpen('plaidLens.glossaryEntry'), 'the glossary page is open');
  });

  test('Should show the Token Lifecycle view', async () => {
    const api = await plaidLens();
    await vscode.commands.executeCommand('plaidLens.showLifecycle');
    await waitFor(() => api.lifecycleViewVisible(), SERVER_TIMEOUT_MS, 'the lifecycle view drawn and visible');
  });

  test('Should find problems and tokens in files no editor has open when scanning the workspace', async () => {
    const api = await plaidLens();
    const seed = fixtureUri('scripts/seed.py');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === seed.toString()), 'the scanned file is not open');
    const summary = await api.scanWorkspace();
    assert.ok(!summary.cancelled, 'the scan ran to its end');
    assert.ok(summary.files >= 1 && summary.findings >= 2, `scanned ${summary.files} files, found ${summary.findings}`);
    assert.ok(summary.filesWithFindings >= 1 && summary.tokens >= 1, `${summary.filesWithFindings} files with findings, ${summary.tokens} tokens`);
    const codes = plaidDiagnostics(seed).map(codeOf);
    assert.ok(codes.includes('development-environment') && codes.includes('expiring-token'), `seed.py findings: ${codes.join(', ')}`);
    // The Tokens view lists the scanned file's token under Workspace › Public token › Sandbox, masked.
    const token = await workspaceToken(api.tokensTree, seed, 'public', 'sandbox');
    const item = await api.tokensTree.getTreeItem(token);
    assert.match(String(item.label), /^public-sandbox-…[0-9a-f]{4}$/);
    assert.equal(item.command?.command, 'vscode.open');
    const [uri, { selection }] = item.command!.arguments as [vscode.Uri, { selection: vscode.Range }];
    assert.equal(uri.toString(), seed.toString());
    const line = new TextDecoder().decode(await vscode.workspace.fs.readFile(seed)).split('\n')[selection.start.line]!;
    assert.match(line.slice(selection.start.character, selection.end.character), /^public-sandbox-[0-9a-f-]{36}$/, 'the row opens the token');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === seed.toString()), 'the client never opened the file');
  });

  test('Should run "Plaid: Scan Workspace" under its progress notification and answer its summary', async () => {
    const summary = (await vscode.commands.executeCommand('plaidLens.scanWorkspace')) as ScanSummary | undefined;
    assert.ok(summary && !summary.cancelled, 'the scan ran to its end');
    assert.ok(summary.findings >= 2, `found ${summary.findings}`);
  });

  test('Should answer a cancelled scan with a summary that says so, not an error', async () => {
    const api = await plaidLens();
    const cancellation = new vscode.CancellationTokenSource();
    cancellation.cancel();
    try {
      assert.deepEqual(await api.scanWorkspace(cancellation.token), { cancelled: true });
    } finally {
      cancellation.dispose();
    }
  });
});
