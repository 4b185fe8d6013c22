/**
 * The API glossary over a real stdio connection: endpoint and field hovers (Markdown and plain text), completion of
 * request fields, enum values and paths, both API rules as diagnostics (with the Deprecated tag and a quick fix),
 * and the custom requests the client's API view draws from.
 */
import * as assert from 'node:assert/strict';
import {
  CompletionItemTag,
  CompletionRequest,
  DiagnosticTag,
  HoverRequest,
  MarkupKind,
  RequestType,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { applyTextEdits, rangeOf } from './edits';
import { ACCESS_SANDBOX, fixtureUri } from './fixtures';
import { fullCapabilities, TestServer, withDeadline } from './harness';

const TS = [
  "import { PlaidApi } from 'plaid';",
  'const sync = await client.transactionsSync({ acess_token: token, cursor });',
  'const cats = await client.categoriesGet({});',
  "const link = await client.linkTokenCreate({ products: [''], user });",
  'const res = await fetch(`${PLAID_BASE_URL}/transactions/sync`, { method: "POST" });',
  'const next = await client.transactionsSync({  });',
  "const path = '/tr';",
  '',
].join('\n');
const PY = ['import plaid', 'request = TransactionsSyncRequest(access_token=token, )', ''].join('\n');

/** The position just after `needle`'s `occurrence`, moved by `shift`. */
function after(text: string, needle: string, shift = 0, occurrence = 0): { line: number; character: number } {
  const { end } = rangeOf(text, needle, occurrence);
  return { line: end.line, character: end.character + shift };
}

suite('LSP: the API glossary', () => {
  let server: TestServer;
  const tsUri = fixtureUri('api/client.ts');
  const pyUri = fixtureUri('api/worker.py');

  suiteSetup(async () => {
    server = await TestServer.start();
  });
  suiteTeardown(async () => {
    await server.stop();
  });

  async function hover(uri: string, position: { line: number; character: number }): Promise<MarkupContent | undefined> {
    const h = await withDeadline(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
    return h?.contents as MarkupContent | undefined;
  }
  async function complete(uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> {
    const list = (await withDeadline(server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion')) as CompletionList | null;
    return list?.items ?? [];
  }

  test('Should report both API rules, with the Deprecated tag and a did-you-mean fix', async () => {
    const published = await server.openAndDiagnose(tsUri, 'typescript', TS);
    const api = published.diagnostics.filter((d) => d.code === 'deprecated-api' || d.code === 'unknown-api-field');
    assert.deepEqual(api.map((d) => [d.code, d.range.start.line, d.severity]), [
      ['unknown-api-field', 1, 2],
      ['deprecated-api', 2, 2],
    ]);
    assert.equal(api[0]!.message, '`acess_token` is not a field of `/transactions/sync`; did you mean `access_token`?');
    assert.deepEqual(api[1]!.tags, [DiagnosticTag.Deprecated]);
    const fixes = await server.quickFixes(tsUri, [api[0]!]);
    const fix = fixes.find((f) => f.title === 'Change to `access_token`');
    assert.ok(fix, fixes.map((f) => f.title).join(', '));
  });

  test('Should describe an endpoint under an SDK method: fields required first, response, tokens, docs', async () => {
    const md = (await hover(tsUri, after(TS, 'client.transactions', 2)))!;
    assert.equal(md.kind, MarkupKind.Markdown);
    assert.match(md.value, /^\*\*POST \/transactions\/sync\*\* · transactions/);
    assert.match(md.value, /\| field \| type \| notes \|\n\|---\|---\|---\|\n\| `access_token` \| string \| required \|/);
    assert.match(md.value, /\| `count` \| integer \| default 100; 1–500 \|/);
    assert.match(md.value, /Response: .*`next_cursor`/);
    assert.match(md.value, /Tokens: takes access token/);
    assert.match(md.value, /\[Plaid docs\]\(https:\/\/plaid\.com\/docs\/api\/products\/transactions\/#transactionssync\)/);
  });

  test('Should describe a deprecated endpoint and a path in a template string', async () => {
    const deprecated = (await hover(tsUri, after(TS, 'client.categories', 1)))!;
    assert.match(deprecated.value, /\*\*POST \/categories\/get\*\* · transactions · ⚠️ deprecated/);
    const path = (await hover(tsUri, after(TS, '${PLAID_BASE_URL}/transactions', 2)))!;
    assert.match(path.value, /^\*\*POST \/transactions\/sync\*\*/);
  });

  test('Should describe a request field in a Python request class', async () => {
    await server.openAndDiagnose(pyUri, 'python', PY);
    const md = (await hover(pyUri, after(PY, 'access_to', 0)))!;
    assert.match(md.value, /^\*\*POST \/transactions\/sync\*\*/);
    assert.match(md.value, /`access_token` · string · required/);
  });

  test('Should send plain text to a client that does not read Markdown', async () => {
    const caps = fullCapabilities();
    caps.textDocument!.hover = { contentFormat: ['plaintext'] };
    const plain = await TestServer.start({ capabilities: caps });
    try {
      await plain.openAndDiagnose(tsUri, 'typescript', TS);
      const h = await withDeadline(plain.connection.sendRequest(HoverRequest.type, { textDocument: { uri: tsUri }, position: after(TS, 'client.transactions', 2) }), 'hover');
      const contents = h!.contents as MarkupContent;
      assert.equal(contents.kind, MarkupKind.PlainText);
      assert.match(contents.value, /^POST \/transactions\/sync \(transactionsSync, transactions\)\n/);
      assert.match(contents.value, /\n {2}access_token +string +required\n/);
      assert.doesNotMatch(contents.value, /\*\*|\| field \|/);
    } finally {
      await plain.stop();
    }
  });

  test('Should complete request fields, required first, leaving out those written', async () => {
    await server.openAndDiagnose(tsUri, 'typescript', TS);
    const items = await complete(tsUri, after(TS, 'client.transactionsSync({ ', 0, 1));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.equal(sorted[0], 'access_token');
    assert.ok(sorted.includes('cursor') && sorted.includes('count') && sorted.includes('options'));
    const cursor = items.find((i) => i.label === 'cursor')!;
    assert.equal(cursor.detail, 'string');
    assert.match(String(cursor.documentation), /cursor \(string\) of \/transactions\/sync/);
    const edited = applyTextEdits(TS, [cursor.textEdit as TextEdit]);
    assert.ok(edited.includes('client.transactionsSync({ cursor:  });'));
    const written = await complete(pyUri, after(PY, 'access_token=token, '));
    assert.ok(!written.some((i) => i.label === 'access_token'));
    assert.equal(written.find((i) => i.label === 'cursor')!.textEdit!.newText, 'cursor=');
  });

  test('Should complete enum values and endpoint paths', async () => {
    const products = await complete(tsUri, after(TS, "products: ['"));
    assert.ok(products.some((i) => i.label === 'transactions'), products.map((i) => i.label).join(' '));
    assert.equal(products.find((i) => i.label === 'transactions')!.textEdit!.newText, 'transactions');
    const paths = await complete(tsUri, after(TS, "'/tr"));
    assert.ok(paths.some((i) => i.label === '/transactions/sync'));
    const deprecated = paths.find((i) => i.label === '/categories/get');
    assert.deepEqual(deprecated?.tags, [CompletionItemTag.Deprecated]);
    assert.deepEqual(await complete(tsUri, { line: 0, character: 3 }), []);
  });

  test('Should name the endpoints around a token in its hover, from the API data', async () => {
    const uri = fixtureUri('api/token.ts');
    const text = `// plaid\nconst access_token = '${ACCESS_SANDBOX}';\n`;
    await server.openAndDiagnose(uri, 'typescript', text);
    const md = (await hover(uri, after(text, "access_token = '", 5)))!;
    assert.match(md.value, /\*\*Endpoints\*\*\n- \*\*Created by:\*\* `\/item\/public_token\/exchange`/);
    assert.match(md.value, /- \*\*Rotated by:\*\* `\/item\/access_token\/invalidate`/);
    assert.match(md.value, /- \*\*Revoked by:\*\* `\/item\/remove`/);
    assert.match(md.value, /- \*\*Used by:\*\* .* and \d+ more/);
    assert.ok(!md.value.includes(ACCESS_SANDBOX));
  });

  test('Should list the API, one endpoint and the endpoints around a token through custom requests', async () => {
    const list = await server.connection.sendRequest(new RequestType<null, { endpoints: { path: string; deprecated?: boolean }[]; products: { id: string }[] }, void>('plaidLens/api/list'), null);
    assert.equal(list.endpoints.length, 329);
    assert.equal(list.endpoints.filter((e) => e.deprecated).length, 17);
    assert.ok(list.products.some((p) => p.id === 'transactions'));
    const one = await server.connection.sendRequest(new RequestType<{ query: string }, { endpoint: { path: string }; markdown: string } | null, void>('plaidLens/api/endpoint'), { query: 'transactions_sync' });
    assert.equal(one!.endpoint.path, '/transactions/sync');
    assert.match(one!.markdown, /SDKs: node `transactionsSync`/);
    const tokens = await server.connection.sendRequest(new RequestType<{ tokenId: string }, { creates: string[]; revokes: string[] }, void>('plaidLens/api/tokenEndpoints'), { tokenId: 'access-token' });
    assert.ok(tokens.creates.includes('/item/public_token/exchange') && tokens.revokes.includes('/item/remove'));
  });
});
