/**
 * deprecated-api and unknown-api-field: table rows across the five SDKs and raw HTTP calls, both ways, plus
 * severities, suppression, "did you mean" fixes and the files the rules leave alone.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadApiIndex } from '../../../server/src/apiData';
import { scan, type RuleId, type ScanOptions } from '../../../server/src/engine';
import { closestField } from '../../../server/src/engine/rules/apiRules';
import { applyFix } from './helpers';

const api = loadApiIndex(path.resolve(__dirname, '../../../..'));
const RULES: RuleId[] = ['deprecated-api', 'unknown-api-field'];

function findings(file: string, text: string, rules?: ScanOptions['rules']) {
  return scan(text, { fileName: file, api, ...(rules ? { rules } : {}) }).filter((f) => RULES.includes(f.rule));
}

/** `rule "flagged"` for each finding. */
function flagged(file: string, text: string): string[] {
  return findings(file, text).map((f) => `${f.rule} ${JSON.stringify(text.slice(f.range.start, f.range.end))}`);
}

const PLAID_JS = "const { PlaidApi } = require('plaid');\n";
const PLAID_PY = 'import plaid\n';
const PLAID_RB = "require 'plaid'\n";
const PLAID_GO = 'import "github.com/plaid/plaid-go/v29/plaid"\n';
const PLAID_JAVA = 'import com.plaid.client.request.PlaidApi;\n';

const DEPRECATED: [name: string, file: string, text: string, expected: string[]][] = [
  ['a deprecated Node method', 'a.js', `${PLAID_JS}client.categoriesGet({});`, ['deprecated-api "categoriesGet"']],
  ['a deprecated Python method', 'a.py', `${PLAID_PY}client.categories_get({})`, ['deprecated-api "categories_get"']],
  ['a deprecated Ruby method', 'a.rb', `${PLAID_RB}client.employment_verification_get(req)`, ['deprecated-api "employment_verification_get"']],
  ['a deprecated Go method', 'a.go', `${PLAID_GO}client.PlaidApi.PaymentProfileCreate(ctx).Execute()`, ['deprecated-api "PaymentProfileCreate"']],
  ['a deprecated Java method', 'A.java', `${PLAID_JAVA}client.transferBalanceGet(req).execute();`, ['deprecated-api "transferBalanceGet"']],
  ['a deprecated path in fetch', 'a.ts', `${PLAID_JS}fetch(\`\${PLAID_BASE_URL}/categories/get\`, opts)`, ['deprecated-api "/categories/get"']],
  ['a deprecated path in requests', 'a.py', `${PLAID_PY}requests.post("https://production.plaid.com/income/verification/create", json=b)`,
    ['deprecated-api "/income/verification/create"']],
  ['a deprecated field in a Node call', 'a.js', `${PLAID_JS}client.transferCreate({ idempotency_key: k, authorization_id: a });`,
    ['deprecated-api "idempotency_key"']],
  ['a deprecated nested field', 'a.ts', `${PLAID_JS}client.transactionsSync({ access_token: t, options: { include_personal_finance_category: true } });`,
    ['deprecated-api "include_personal_finance_category"']],
  ['a deprecated field in Python keyword arguments', 'a.py', `${PLAID_PY}SignalEvaluateRequest(access_token=t, risk_profile_key='x')`,
    ['deprecated-api "risk_profile_key"']],
  ['a deprecated field in a Ruby hash', 'a.rb', `${PLAID_RB}Plaid::TransferCreateRequest.new({ 'idempotency_key' => k })`, ['deprecated-api "idempotency_key"']],
  ['a deprecated endpoint with a deprecated field', 'a.py', `${PLAID_PY}client.transfer_balance_get({'originator_client_id': c})`,
    ['deprecated-api "transfer_balance_get"', 'deprecated-api "originator_client_id"']],
];

const UNKNOWN: [name: string, file: string, text: string, expected: string[]][] = [
  ['a misspelt key in a Node call', 'a.js', `${PLAID_JS}client.transactionsSync({ acess_token: t });`, ['unknown-api-field "acess_token"']],
  ['a camelCase key in a Node call', 'a.ts', `${PLAID_JS}client.itemGet({ accessToken: t });`, ['unknown-api-field "accessToken"']],
  ['a shorthand key that is no field', 'a.ts', `${PLAID_JS}client.itemRemove({ access_token, reason_code, token });`, ['unknown-api-field "token"']],
  ['a quoted key', 'a.js', `${PLAID_JS}client.authGet({ "access_token": t, "opts": {} });`, ['unknown-api-field "opts"']],
  ['an unknown nested key', 'a.ts', `${PLAID_JS}client.transactionsSync({ access_token: t, options: { counts: 5 } });`, ['unknown-api-field "counts"']],
  ['a misspelt Python keyword argument', 'a.py', `${PLAID_PY}TransactionsSyncRequest(access_token=t, curser=c)`, ['unknown-api-field "curser"']],
  ['a misspelt key in a Python dict', 'a.py', `${PLAID_PY}client.item_get({'acces_token': t})`, ['unknown-api-field "acces_token"']],
  ['a misspelt Ruby keyword argument', 'a.rb', `${PLAID_RB}Plaid::ItemGetRequest.new(access_tokn: t)`, ['unknown-api-field "access_tokn"']],
  ['a misspelt Ruby hash key', 'a.rb', `${PLAID_RB}client.item_get({ :acess_token => t })`, ['unknown-api-field "acess_token"']],
  ['a key from another endpoint', 'a.ts', `${PLAID_JS}client.linkTokenCreate({ user, client_name, cursor: c });`, ['unknown-api-field "cursor"']],
  ['an unknown key in a nested user object', 'a.js', `${PLAID_JS}client.linkTokenCreate({ user: { client_user_id: id, nickname: 1 }, products });`,
    ['unknown-api-field "nickname"']],
  ['a misspelt key in a raw requests call', 'a.py', `${PLAID_PY}requests.post(f"{PLAID_URL}/item/get", json={"acces_token": t, "client_id": c, "secret": s})`,
    ['unknown-api-field "acces_token"']],
  ['a misspelt key in a raw fetch body', 'a.js', `${PLAID_JS}fetch(\`\${PLAID_BASE_URL}/item/get\`, { method: 'POST', body: JSON.stringify({ acess_token: t }) });`,
    ['unknown-api-field "acess_token"']],
  ['a typed TypeScript request', 'a.ts', `${PLAID_JS}const r: ItemGetRequest = { access_token: t, verbose: true };`, ['unknown-api-field "verbose"']],
];

const CLEAN: [name: string, file: string, text: string][] = [
  ['a current Node call with its fields', 'a.js', `${PLAID_JS}client.transactionsSync({ access_token: t, cursor, count: 100, options: { days_requested: 30 } });`],
  ['a call passing a variable', 'a.js', `${PLAID_JS}client.transferCreate(request);`],
  ['spreads and computed keys', 'a.ts', `${PLAID_JS}client.itemGet({ ...base, [key]: value });`],
  ['Python SDK options with an underscore', 'a.py', `${PLAID_PY}ItemGetRequest(access_token=t, _check_type=False)`],
  ['Python **kwargs', 'a.py', `${PLAID_PY}ItemGetRequest(**params)`],
  ['a Python dict built elsewhere', 'a.py', `${PLAID_PY}client.item_get(request)`],
  ['Ruby keyword arguments of a current call', 'a.rb', `${PLAID_RB}Plaid::TransactionsSyncRequest.new(access_token: t, cursor: c, count: 5)`],
  ['Go setters', 'a.go', `${PLAID_GO}req := plaid.NewTransactionsSyncRequest(t)\nreq.SetCursor(c)`],
  ['Java builders', 'A.java', `${PLAID_JAVA}new TransactionsSyncRequest().accessToken(t).cursor(c);`],
  ['a current path', 'a.js', `${PLAID_JS}fetch('https://sandbox.plaid.com/transactions/sync')`],
  ['a file that never mentions the vendor', 'a.js', 'client.categoriesGet({ acess_token: t });'],
  ['a Markdown file', 'README.md', 'Plaid: call `/categories/get` with `client.categoriesGet({ bogus: 1 })`.'],
  ['a deprecated path inside a longer string', 'a.js', `${PLAID_JS}log('we stopped calling /categories/get last year')`],
  ['an options object passed second', 'a.js', `${PLAID_JS}client.itemGet({ access_token: t }, { timeout: 5 });`],
  ['an object under a field the spec gives no nested fields', 'a.js', `${PLAID_JS}client.transactionsSync({ access_token: t, cursor: { anything: 1 } });`],
];

suite('Rules: deprecated-api', () => {
  for (const [name, file, text, expected] of DEPRECATED) {
    test(`Should flag ${name}`, () => assert.deepStrictEqual(flagged(file, text), expected));
  }

  test('Should name the successor path and field when the spec gives one, and tag the finding deprecated', () => {
    const [endpoint] = findings('a.rb', `${PLAID_RB}client.employment_verification_get(req)`);
    assert.strictEqual(endpoint!.message, "`employment_verification_get` (`/employment/verification/get`) is deprecated in Plaid's API. Use `/credit/employment/get` instead.");
    assert.strictEqual(endpoint!.deprecated, true);
    assert.strictEqual(endpoint!.severity, 'warning');
    const [field] = findings('a.js', `${PLAID_JS}client.transferCreate({ idempotency_key: k });`);
    assert.strictEqual(field!.message, '`idempotency_key` is a deprecated field of `/transfer/create`. Use `authorization_id` instead.');
    const [path] = findings('a.js', `${PLAID_JS}fetch('/categories/get')`);
    assert.strictEqual(path!.message, "`/categories/get` is deprecated in Plaid's API.");
  });
});

suite('Rules: unknown-api-field', () => {
  for (const [name, file, text, expected] of UNKNOWN) {
    test(`Should flag ${name}`, () => assert.deepStrictEqual(flagged(file, text), expected));
  }

  test('Should suggest the close field and fix the key', () => {
    const text = `${PLAID_JS}client.transactionsSync({ acess_token: t });`;
    const [f] = findings('a.js', text);
    assert.strictEqual(f!.message, '`acess_token` is not a field of `/transactions/sync`; did you mean `access_token`?');
    assert.strictEqual(applyFix(text, f!.fix), `${PLAID_JS}client.transactionsSync({ access_token: t });`);
  });

  test('Should name the nested level and offer no fix when nothing is close', () => {
    const [f] = findings('a.ts', `${PLAID_JS}client.transactionsSync({ access_token: t, options: { zebra: 5 } });`);
    assert.strictEqual(f!.message, '`zebra` is not a field of `options` of `/transactions/sync`.');
    assert.strictEqual(f!.fix, undefined);
  });

  const CLOSEST: [string, string | undefined][] = [
    ['acess_token', 'access_token'], ['accessToken', 'access_token'], ['ACCESS_TOKEN', 'access_token'], ['cursr', 'cursor'],
    ['access_tokne', 'access_token'], ['zebra', undefined], ['cnt', undefined],
  ];
  const fields = api.byPath('/transactions/sync')!.fields;
  for (const [name, expected] of CLOSEST) {
    test(`Should take ${name} for ${expected ?? 'nothing'}`, () => assert.strictEqual(closestField(name, fields), expected));
  }
});

suite('Rules: API calls left alone', () => {
  for (const [name, file, text] of CLEAN) {
    test(`Should not flag ${name}`, () => assert.deepStrictEqual(flagged(file, text), []));
  }

  test('Should follow configured severities and off', () => {
    const text = `${PLAID_JS}client.categoriesGet({ acess_token: t });`;
    assert.deepStrictEqual(findings('a.js', text, { 'deprecated-api': 'error', 'unknown-api-field': 'off' }).map((f) => [f.rule, f.severity]), [
      ['deprecated-api', 'error'],
    ]);
    assert.deepStrictEqual(findings('a.js', text, { 'deprecated-api': 'off' }).map((f) => f.rule), ['unknown-api-field']);
  });

  test('Should honour suppression comments', () => {
    const text = `${PLAID_JS}// plaid-lens-disable-next-line deprecated-api\nclient.categoriesGet({ acess_token: t });`;
    assert.deepStrictEqual(findings('a.js', text).map((f) => f.rule), ['unknown-api-field']);
  });

  test('Should run only when the host passes the API data', () => {
    const text = `${PLAID_JS}client.categoriesGet({ acess_token: t });`;
    assert.deepStrictEqual(scan(text, { fileName: 'a.js' }).filter((f) => RULES.includes(f.rule)), []);
  });
});
