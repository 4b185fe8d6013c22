/**
 * `plaid-lens glossary` for API endpoints: by path, operationId and SDK name, as text and as JSON facts.
 */
import * as assert from 'node:assert/strict';
import { assertCliBuilt, makeTempDir, removeTree, runCli } from './cliHarness';

suite('CLI glossary: API endpoints', () => {
  let cwd: string;
  suiteSetup(() => {
    assertCliBuilt();
    cwd = makeTempDir('api-glossary');
  });
  suiteTeardown(() => removeTree(cwd));

  const QUERIES: [args: string[], title: string][] = [
    [['/transactions/sync'], 'POST /transactions/sync (transactionsSync, transactions)'],
    [['transactionsSync'], 'POST /transactions/sync (transactionsSync, transactions)'],
    [['transactions_sync'], 'POST /transactions/sync (transactionsSync, transactions)'],
    [['Plaid::TransactionsSyncRequest'], 'POST /transactions/sync (transactionsSync, transactions)'],
    [['https://sandbox.plaid.com/item/remove'], 'POST /item/remove (itemRemove, items)'],
    [['/link/token/create'], 'POST /link/token/create (linkTokenCreate, link)'],
  ];
  for (const [args, title] of QUERIES) {
    test(`Should print the endpoint for \`glossary ${args.join(' ')}\``, async () => {
      const run = await runCli(['glossary', ...args], cwd);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout.split('\n')[0], title);
    });
  }

  test('Should print fields required first, the response, tokens, SDKs and the docs link', async () => {
    const run = await runCli(['glossary', '/transactions/sync'], cwd);
    const out = run.stdout;
    assert.match(out, /Pages through added, modified and removed transactions since a cursor\./);
    assert.match(out, /Request fields\n {2}access_token +string +required\n/);
    assert.match(out, /\n {2}count +integer +default 100; 1–500\n/);
    assert.match(out, /Response fields\n(.*\n)* {2}next_cursor +string\n/);
    assert.match(out, /Tokens: takes access token\n/);
    assert.match(out, /\n {2}go +client\.PlaidApi\.TransactionsSync\(ctx\) +plaid\.NewTransactionsSyncRequest\(…\)\n/);
    assert.match(out, /\n {2}python +client\.transactions_sync\(request\) +TransactionsSyncRequest\(…\)\n/);
    assert.match(out, /Docs: https:\/\/plaid\.com\/docs\/api\/products\/transactions\/#transactionssync\n?$/);
  });

  test('Should say what replaces a deprecated endpoint', async () => {
    const run = await runCli(['glossary', 'employmentVerificationGet'], cwd);
    assert.match(run.stdout, /^Deprecated: use \/credit\/employment\/get instead\.$/m);
  });

  test('Should give the facts as JSON with --json', async () => {
    const run = await runCli(['glossary', '--json', 'transactionsSync'], cwd);
    assert.equal(run.code, 0);
    const json = JSON.parse(run.stdout) as Record<string, unknown> & { fields: { name: string }[]; sdk: { sdk: string; method: string }[] };
    assert.equal(json.path, '/transactions/sync');
    assert.equal(json.operationId, 'transactionsSync');
    assert.equal(json.product, 'transactions');
    assert.deepEqual(json.takes, ['access-token']);
    assert.ok(json.fields.some((f) => f.name === 'cursor'));
    assert.deepEqual(json.sdk.map((s) => `${s.sdk}:${s.method}`), ['node:transactionsSync', 'python:transactions_sync', 'ruby:transactions_sync', 'go:TransactionsSync', 'java:transactionsSync']);
  });

  test('Should list the endpoints around a token type under its glossary entry', async () => {
    const run = await runCli(['glossary', 'access-token'], cwd);
    assert.match(run.stdout, /\nEndpoints\n {2}Created by +.*\/item\/public_token\/exchange/);
    assert.match(run.stdout, /\n {2}Rotated by +\/item\/access_token\/invalidate\n/);
    assert.match(run.stdout, /\n {2}Revoked by +\/item\/remove\n/);
    assert.match(run.stdout, /\n {2}Used by +\d+ endpoints, e\.g\. /);
  });

  test('Should fall back to the glossary for a term that is no endpoint, and fail for an unknown path', async () => {
    const token = await runCli(['glossary', 'access_token'], cwd);
    assert.match(token.stdout, /^Access token \(access-token/);
    const unknown = await runCli(['glossary', '/transactions/synk'], cwd);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no glossary entry matches "\/transactions\/synk"/);
  });
});
