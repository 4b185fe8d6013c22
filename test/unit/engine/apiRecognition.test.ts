/**
 * Recognising Plaid API calls in text: endpoint paths in strings, SDK methods and request classes in all five SDKs,
 * raw `fetch` and `requests` calls, and the keys written literally in a call's request.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadApiIndex } from '../../../server/src/apiData';
import { findApiReferences, requestOf } from '../../../server/src/engine/apiCalls';
import { languageOf } from '../../../server/src/engine/language';

const api = loadApiIndex(path.resolve(__dirname, '../../../..'));

/** `kind written → path [keys]`, e.g. `method transactionsSync → /transactions/sync [access_token,cursor]`. */
function describe(file: string, text: string): string[] {
  const language = languageOf(file);
  return findApiReferences(text, api, language).map((r) => {
    const request = requestOf(text, r, language);
    const keys = request === undefined ? '' : ` [${request.keys.map((k) => (k.nested ? `${k.name}{${k.nested.keys.map((n) => n.name).join(',')}}` : k.name)).join(',')}]`;
    return `${r.kind} ${text.slice(r.range.start, r.range.end)} → ${r.endpoint.path}${keys}`;
  });
}

const ROWS: [name: string, file: string, text: string, expected: string[]][] = [
  // Node and TypeScript
  ['a Node call with an object literal', 'a.js', 'await client.transactionsSync({ access_token: token, cursor });',
    ['method transactionsSync → /transactions/sync [access_token,cursor]']],
  ['a Node call passing a variable', 'a.js', 'await plaidClient.linkTokenCreate(configs);', ['method linkTokenCreate → /link/token/create']],
  ['a call spread over lines with comments and a nested object', 'a.ts',
    'client.transactionsSync({\n  // the token\n  access_token: t, /* from the db */\n  options: { count: 2, include_original_description: true },\n});',
    ['method transactionsSync → /transactions/sync [access_token,options{count,include_original_description}]']],
  ['quoted keys, spreads and computed keys', 'a.ts', "client.itemGet({ 'access_token': t, ...rest, [k]: v, \"client_id\": id });",
    ['method itemGet → /item/get [access_token,client_id]']],
  ['a typed request object in TypeScript', 'a.ts', 'const request: TransactionsSyncRequest = { access_token: t, count: 10 };',
    ['request TransactionsSyncRequest → /transactions/sync [access_token,count]']],
  ['an import of request types', 'a.ts', "import { TransactionsSyncRequest, LinkTokenCreateRequest } from 'plaid';",
    ['request TransactionsSyncRequest → /transactions/sync', 'request LinkTokenCreateRequest → /link/token/create']],
  ['a string value holding a colon is not a key', 'a.js', "client.itemGet({ access_token: 'a:b', note: x ? 'y' : 'z' });",
    ['method itemGet → /item/get [access_token,note]']],
  ['a Python spelling in JavaScript', 'a.js', 'client.transactions_sync({ access_token: t });', []],
  // Python
  ['a Python request class with keyword arguments', 'a.py', 'req = TransactionsSyncRequest(access_token=t, cursor=c, count=n == 1)',
    ['request TransactionsSyncRequest → /transactions/sync [access_token,cursor,count]']],
  ['a Python call with a request class', 'a.py', 'client.transactions_sync(TransactionsSyncRequest(access_token=t))',
    ['method transactions_sync → /transactions/sync', 'request TransactionsSyncRequest → /transactions/sync [access_token]']],
  ['a Python call with a dict', 'a.py', "client.transactions_sync({'access_token': t, \"cursor\": c, **extra})",
    ['method transactions_sync → /transactions/sync [access_token,cursor]']],
  ['a Python dict with a nested dict', 'a.py', "client.transactions_sync({'access_token': t, 'options': {'count': 3}})",
    ['method transactions_sync → /transactions/sync [access_token,options{count}]']],
  ['Python keyword arguments after a positional one, and **kwargs', 'a.py', 'LinkTokenCreateRequest(products, client_name="x", **more)',
    ['request LinkTokenCreateRequest → /link/token/create [client_name]']],
  ['a Python comment inside the call', 'a.py', 'ItemGetRequest(\n    # access_token=old,\n    access_token=t)',
    ['request ItemGetRequest → /item/get [access_token]']],
  ['a camelCase method in Python', 'a.py', 'client.transactionsSync(req)', []],
  // Ruby
  ['a Ruby request class with keyword arguments', 'a.rb', 'req = Plaid::TransactionsSyncRequest.new(access_token: t, cursor: c)',
    ['request TransactionsSyncRequest → /transactions/sync [access_token,cursor]']],
  ['a Ruby request class with a hash', 'a.rb', "Plaid::ItemGetRequest.new({ 'access_token' => t, :client_id => id })",
    ['request ItemGetRequest → /item/get [access_token,client_id]']],
  ['a Ruby call with keyword arguments', 'a.rb', 'client.item_get(access_token: t)', ['method item_get → /item/get [access_token]']],
  ['a Ruby constant is not a key', 'a.rb', 'client.item_get(Plaid::ItemGetRequest.new(access_token: Config::TOKEN))',
    ['method item_get → /item/get', 'request ItemGetRequest → /item/get [access_token]']],
  // Go
  ['a Go call through PlaidApi', 'a.go', 'resp, _, err := client.PlaidApi.TransactionsSync(ctx).TransactionsSyncRequest(*req).Execute()',
    ['method TransactionsSync → /transactions/sync', 'request TransactionsSyncRequest → /transactions/sync']],
  ['a Go request constructor', 'a.go', 'req := plaid.NewTransactionsSyncRequest(accessToken)', ['request TransactionsSyncRequest → /transactions/sync']],
  ['a Go method not on PlaidApi', 'a.go', 'x.TransactionsSync(ctx)', []],
  // Java
  ['a Java call', 'A.java', 'Response<TransactionsSyncResponse> r = client.transactionsSync(request).execute();',
    ['method transactionsSync → /transactions/sync']],
  ['a Java request builder', 'A.java', 'TransactionsSyncRequest request = new TransactionsSyncRequest().accessToken(t);',
    ['request TransactionsSyncRequest → /transactions/sync', 'request TransactionsSyncRequest → /transactions/sync']],
  // Paths
  ['a path in a string', 'a.js', "post('/transactions/sync', body)", ['path /transactions/sync → /transactions/sync']],
  ['a path after a base URL interpolation', 'a.ts', 'fetch(`${PLAID_BASE_URL}/transactions/sync`, { method: "POST" })',
    ['path /transactions/sync → /transactions/sync']],
  ['a full Plaid URL', 'a.py', 'requests.post("https://sandbox.plaid.com/item/get", json=body)', ['path /item/get → /item/get']],
  ['a Python f-string with a base URL and a json body', 'a.py', 'requests.post(f"{base}/accounts/get", json={"access_token": t})',
    ['path /accounts/get → /accounts/get [access_token]']],
  ['a fetch call with a JSON body', 'a.ts',
    'fetch(`${PLAID_BASE_URL}/transactions/sync`, {\n  method: "POST",\n  headers: { "Content-Type": "application/json" },\n  body: JSON.stringify({ access_token: t, cursor }),\n});',
    ['path /transactions/sync → /transactions/sync [access_token,cursor]']],
  ['a body that belongs to a later call', 'a.ts', "const url = '/item/get'; post(other, { body: JSON.stringify({ x: 1 }) });",
    ['path /item/get → /item/get']],
  ['a json argument after the call closed', 'a.py', 'url = base + "/item/get"\nrequests.post(other, json={"x": 1})', ['path /item/get → /item/get']],
  ['a Ruby interpolated base URL', 'a.rb', 'http.post("#{PLAID_URL}/item/remove", body)', ['path /item/remove → /item/remove']],
  ['a path with a trailing slash', 'a.tsx', '<Endpoint schema="/item/get/" />', ['path /item/get → /item/get']],
  ['an app route that only ends like a Plaid path', 'a.ts', 'fetch(`/items/${id}/transactions/refresh`)', []],
  ['an app route', 'a.js', "app.post('/api/transactions', handler)", []],
  ['an unknown path', 'a.js', "fetch('/transactions/synk')", []],
  ['a path not in a string', 'a.md', 'See /transactions/sync for details.', []],
  ['a path inside a longer string', 'a.js', "log('calling /transactions/sync now')", []],
];

suite('API glossary: recognising calls', () => {
  for (const [name, file, text, expected] of ROWS) {
    test(`Should recognise ${name}`, () => assert.deepStrictEqual(describe(file, text), expected));
  }

  test('Should find only references that start in the given range', () => {
    const text = "client.itemGet({}); client.authGet({}); fetch('/item/remove')";
    const from = text.indexOf('client.authGet');
    const got = findApiReferences(text, api, 'javascript', from, text.indexOf('fetch')).map((r) => r.endpoint.path);
    assert.deepStrictEqual(got, ['/auth/get']);
  });

  test('Should stop reading an unclosed request at the end of the text', () => {
    const text = 'client.transactionsSync({ access_token: t, cur';
    const ref = findApiReferences(text, api, 'javascript')[0]!;
    const request = requestOf(text, ref, 'javascript')!;
    assert.strictEqual(request.closed, false);
    assert.deepStrictEqual(request.keys.map((k) => k.name), ['access_token']);
  });
});

suite('API glossary: recognising calls in a window', () => {
  const text = "x.itemGet({}); abcTransactionsSyncRequest(); y.authGet({}); '/item/remove'";
  const cases: [from: number, expected: string[]][] = [
    [0, ['/item/get', '/auth/get', '/item/remove']],
    [1, ['/item/get', '/auth/get', '/item/remove']],
    [2, ['/item/get', '/auth/get', '/item/remove']],
    [3, ['/auth/get', '/item/remove']],
    [text.indexOf('Transactions'), ['/auth/get', '/item/remove']],
    [text.indexOf('.authGet'), ['/auth/get', '/item/remove']],
    [text.indexOf("'/item"), ['/item/remove']],
  ];
  for (const [from, expected] of cases) {
    test(`Should find the references that start at or after ${from}, and no word cut in two`, () => {
      assert.deepStrictEqual(findApiReferences(text, api, 'javascript', from).map((r) => r.endpoint.path), expected);
    });
  }
});
