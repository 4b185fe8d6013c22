/**
 * Looking endpoints up in the API glossary: by path, by operationId and by every SDK's spelling; what each SDK calls
 * an endpoint; and the endpoints around each token type.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadApiIndex } from '../../../server/src/apiData';
import type { ApiNotes } from '../../../server/src/engine/api';
import { sdkLookupKeys, sdkSpellings, snakeCase } from '../../../server/src/engine/apiNames';
import { tokenEntries } from '../../../server/src/engine/glossary';

// Compiled to out/test/unit/engine/, so the repository root is four levels up.
const ROOT = path.resolve(__dirname, '../../../..');
const api = loadApiIndex(ROOT);

suite('API glossary: lookups', () => {
  test('Should hold the pinned spec\'s 329 operations, 17 of them deprecated', () => {
    assert.strictEqual(api.endpoints.length, 329);
    assert.strictEqual(api.endpoints.filter((e) => e.deprecated).length, 17);
    assert.strictEqual(new Set(api.endpoints.map((e) => e.operationId)).size, 329);
  });

  const FOUND: [query: string, path: string | undefined][] = [
    ['/transactions/sync', '/transactions/sync'],
    ['/transactions/sync/', '/transactions/sync'],
    ['https://sandbox.plaid.com/transactions/sync', '/transactions/sync'],
    ['https://production.plaid.com/item/remove?x=1', '/item/remove'],
    ['transactionsSync', '/transactions/sync'],
    ['transactions_sync', '/transactions/sync'],
    ['TransactionsSync', '/transactions/sync'],
    ['TransactionsSyncRequest', '/transactions/sync'],
    ['Plaid::TransactionsSyncRequest', '/transactions/sync'],
    ['plaid.NewTransactionsSyncRequest', '/transactions/sync'],
    ['NewTransactionsSyncRequest', '/transactions/sync'],
    ['client.PlaidApi.TransactionsSync', '/transactions/sync'],
    ['client.transactions_sync', '/transactions/sync'],
    ['itemPublicTokenExchange', '/item/public_token/exchange'],
    ['item_public_token_exchange', '/item/public_token/exchange'],
    ['ItemPublicTokenExchangeRequest', '/item/public_token/exchange'],
    ['linkTokenCreate', '/link/token/create'],
    ['LinkTokenCreateRequest', '/link/token/create'],
    ['cra_check_report_create', '/cra/check_report/create'],
    ['createPaymentToken', '/payment_initiation/payment/token/create'],
    ['/categories/get', '/categories/get'],
    ['categoriesGet', '/categories/get'],
    // The SDKs have no request model for /categories/get.
    ['CategoriesGetRequest', undefined],
    ['/transactions/synk', undefined],
    ['transactionsSynk', undefined],
    ['', undefined],
    ['/', undefined],
    ['hello world', undefined],
  ];
  for (const [query, expected] of FOUND) {
    test(`Should find ${JSON.stringify(query)} → ${expected ?? 'nothing'}`, () => {
      assert.strictEqual(api.find(query)?.path, expected);
    });
  }

  test('Should spell /transactions/sync the way each SDK does', () => {
    const e = api.byPath('/transactions/sync')!;
    assert.deepStrictEqual(
      api.sdkSpellings(e).map((s) => [s.sdk, s.call, s.requestClass, s.requestConstructor]),
      [
        ['node', 'client.transactionsSync(request)', 'TransactionsSyncRequest', undefined],
        ['python', 'client.transactions_sync(request)', 'TransactionsSyncRequest', 'TransactionsSyncRequest(…)'],
        ['ruby', 'client.transactions_sync(request)', 'Plaid::TransactionsSyncRequest', 'Plaid::TransactionsSyncRequest.new(…)'],
        ['go', 'client.PlaidApi.TransactionsSync(ctx)', 'plaid.TransactionsSyncRequest', 'plaid.NewTransactionsSyncRequest(…)'],
        ['java', 'client.transactionsSync(request)', 'TransactionsSyncRequest', 'new TransactionsSyncRequest()'],
      ],
    );
  });

  const SNAKE: [string, string][] = [
    ['transactionsSync', 'transactions_sync'],
    ['CRACheckReportCreateRequest', 'cra_check_report_create_request'],
    ['betaPartnerCustomerV1Enable', 'beta_partner_customer_v1_enable'],
    ['processorStripeBankAccountTokenCreate', 'processor_stripe_bank_account_token_create'],
  ];
  for (const [name, snake] of SNAKE) test(`Should snake-case ${name}`, () => assert.strictEqual(snakeCase(name), snake));

  test('Should leave out what the SDKs do not have', () => {
    assert.deepStrictEqual(api.sdkSpellings(api.byPath('/categories/get')!).map((s) => s.requestClass), [undefined, undefined, undefined, undefined, undefined]);
    assert.strictEqual(api.sdkSpellings(api.byOperationId('fdxConsentGet')!).length, 0);
    assert.strictEqual(sdkSpellings('x', undefined).length, 5);
  });

  const LIFECYCLE: [token: string, kind: 'creates' | 'uses' | 'rotates' | 'revokes', path: string][] = [
    ['access-token', 'creates', '/item/public_token/exchange'],
    ['access-token', 'rotates', '/item/access_token/invalidate'],
    ['access-token', 'revokes', '/item/remove'],
    ['access-token', 'uses', '/transactions/sync'],
    ['access-token', 'uses', '/processor/token/create'],
    ['public-token', 'creates', '/sandbox/public_token/create'],
    ['public-token', 'uses', '/item/public_token/exchange'],
    ['link-token', 'creates', '/link/token/create'],
    ['link-token', 'uses', '/link/token/get'],
    ['processor-token', 'creates', '/processor/token/create'],
    ['processor-token', 'uses', '/processor/auth/get'],
    ['asset-report-token', 'creates', '/asset_report/create'],
    ['asset-report-token', 'revokes', '/asset_report/remove'],
    ['user-token', 'creates', '/user/create'],
    ['user-token', 'revokes', '/user/remove'],
  ];
  for (const [token, kind, p] of LIFECYCLE) {
    test(`Should list ${p} among the endpoints that ${kind.replace(/s$/, '')} the ${token}`, () => {
      const found = api.tokenEndpoints(token);
      assert.ok(found[kind].some((e) => e.path === p), found[kind].map((e) => e.path).join(' '));
      for (const other of ['creates', 'uses', 'rotates', 'revokes'] as const) {
        if (other !== kind) assert.ok(!found[other].some((e) => e.path === p), `${p} also ${other}`);
      }
    });
  }

  test('Should find endpoints that create and use every token type of the glossary', () => {
    for (const entry of tokenEntries) {
      const found = api.tokenEndpoints(entry.id);
      assert.ok(found.creates.length > 0 && found.uses.length + found.revokes.length > 0, entry.id);
    }
  });

  test('Should have a summary for every product and for the most-used endpoints, each naming a real one', () => {
    for (const product of api.data.products) assert.ok(api.productSummary(product), product);
    const notes = api.endpoints.filter((e) => api.summary(e) !== undefined);
    assert.ok(notes.length >= 30, `${notes.length} endpoint summaries`);
    assert.strictEqual(api.productSummary('no-such-product'), undefined);
    const file = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary/plaid-api-notes.json'), 'utf8')) as ApiNotes;
    for (const p of Object.keys(file.endpoints)) assert.ok(api.byPath(p), `notes name ${p}, which the API does not have`);
    for (const product of Object.keys(file.products)) assert.ok(api.data.products.includes(product), product);
    for (const id of [...file.sdkGaps.noMethod, ...file.sdkGaps.noRequestModel]) assert.ok(api.byOperationId(id), id);
  });

  test('Should group endpoints by product', () => {
    const paths = api.byProduct('transactions').map((e) => e.path);
    assert.ok(paths.includes('/transactions/sync') && paths.includes('/transactions/get'));
    assert.ok(paths.every((p, i) => i === 0 || paths[i - 1]! < p));
  });
});

suite('SDK name lengths', () => {
  test('every plain SDK spelling lies within the lengths', () => {
    const lengths = api.endpoints.flatMap((e) => api.sdkSpellings(e)).flatMap((s) => [s.method, s.requestClass]).filter((n): n is string => typeof n === 'string' && /^[A-Za-z_$][\w$]*$/.test(n)).map((n) => n.length);
    assert.ok(lengths.length > 100);
    for (const n of lengths) assert.ok(n >= api.sdkNameLengths.shortest && n <= api.sdkNameLengths.longest, String(n));
  });

  test('the bounds are tight: a name the index resolves has each length', () => {
    const { shortest, longest } = api.sdkNameLengths;
    const resolved = api.endpoints
      .flatMap((e) => sdkLookupKeys(e.operationId, e.requestType))
      .filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && api.bySdkName(key) !== undefined)
      .map((key) => key.length);
    assert.ok(resolved.includes(shortest), `nothing of ${shortest} characters`);
    assert.ok(resolved.includes(longest), `nothing of ${longest} characters`);
    for (const n of resolved) assert.ok(n >= shortest && n <= longest, String(n));
  });

  test('a plain identifier of a length outside them names nothing', () => {
    const { shortest, longest } = api.sdkNameLengths;
    for (const e of api.endpoints) {
      for (const key of sdkLookupKeys(e.operationId, e.requestType)) {
        assert.strictEqual(api.bySdkName(key.slice(0, shortest - 1)), undefined);
        assert.strictEqual(api.bySdkName(key + 'x'.repeat(Math.max(1, longest + 1 - key.length))), undefined);
      }
    }
  });
});
