/**
 * What the API glossary offers at a cursor: the hover target (endpoint or request field) and the completion target
 * (field names with those already written, enum values, endpoint paths). `|` marks the cursor in each row.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadApiIndex } from '../../../server/src/apiData';
import { apiCompletionAt, apiHoverAt, apiPathCompletionAt } from '../../../server/src/engine/apiAt';
import type { SourceLanguage } from '../../../server/src/engine';

const api = loadApiIndex(path.resolve(__dirname, '../../../..'));

function at(marked: string): [text: string, offset: number] {
  return [marked.replace('|', ''), marked.indexOf('|')];
}

/** `field <endpoint> written=<keys> <typed>`, `enum <field> <typed>` or `none`. */
function completion(language: SourceLanguage, marked: string): string {
  const [text, offset] = at(marked);
  const c = apiCompletionAt(text, offset, api, language);
  if (c === undefined) return 'none';
  const typed = JSON.stringify(text.slice(c.range.start, c.range.end));
  if (c.kind === 'enum') return `enum ${c.field.name} ${typed}`;
  const level = c.fields === c.endpoint.fields ? c.endpoint.path : `${c.endpoint.path} nested`;
  return `field ${level} written=${c.written.join(',')} ${typed}${c.quoted ? ' quoted' : ''}`;
}

const COMPLETIONS: [SourceLanguage, string, string][] = [
  ['typescript', 'client.transactionsSync({ | })', 'field /transactions/sync written= ""'],
  ['typescript', 'client.transactionsSync({ access_token: t, cu| })', 'field /transactions/sync written=access_token "cu"'],
  ['typescript', 'client.transactionsSync({ access_token, | })', 'field /transactions/sync written=access_token ""'],
  ['typescript', 'client.transactionsSync({\n  access_token: t,\n  // cursor: c,\n  |\n})', 'field /transactions/sync written=access_token ""'],
  ['typescript', 'client.transactionsSync({ options: { days_requested: 30, | } })', 'field /transactions/sync nested written=days_requested ""'],
  ['typescript', "client.linkTokenCreate({ products: ['|'] })", 'enum products ""'],
  ['typescript', "client.linkTokenCreate({ country_codes: ['US', 'G|'] })", 'enum country_codes "G"'],
  ['typescript', 'const r: TransactionsSyncRequest = { |', 'field /transactions/sync written= ""'],
  ['python', 'TransactionsSyncRequest(|)', 'field /transactions/sync written= ""'],
  ['python', 'TransactionsSyncRequest(access_token=t, co|)', 'field /transactions/sync written=access_token "co"'],
  ['python', "client.transactions_sync({'|'})", 'field /transactions/sync written= "" quoted'],
  ['python', "client.link_token_create({'products': ['|']})", 'enum products ""'],
  ['ruby', 'Plaid::TransactionsSyncRequest.new(access_token: t, |)', 'field /transactions/sync written=access_token ""'],
  ['typescript', 'client.transactionsSync({ access_token: f(|) })', 'none'],
  ['typescript', 'client.transactionsSync({ access_token: |t })', 'none'],
  ['typescript', 'client.transactionsSync(|)', 'none'],
  ['typescript', 'client.transactionsSync({ }); |', 'none'],
  ['typescript', 'unrelated({ | })', 'none'],
  ['go', 'client.PlaidApi.TransactionsSync(ctx).TransactionsSyncRequest(|)', 'none'],
];

/** `endpoint <path> "<range>"`, `field <path> <name> "<range>"` or `none`. */
function hover(language: SourceLanguage, marked: string): string {
  const [text, offset] = at(marked);
  const h = apiHoverAt(text, offset, api, language);
  if (h === undefined) return 'none';
  const covered = JSON.stringify(text.slice(h.range.start, h.range.end));
  return h.kind === 'field' ? `field ${h.endpoint.path} ${h.name} ${covered}` : `endpoint ${h.endpoint.path} ${covered}`;
}

const HOVERS: [SourceLanguage, string, string][] = [
  ['typescript', 'client.transactionsS|ync({ access_token: t })', 'endpoint /transactions/sync "transactionsSync"'],
  ['typescript', 'client.transactionsSync({ acc|ess_token: t })', 'field /transactions/sync access_token "access_token"'],
  ['typescript', 'client.transactionsSync({ options: { days_req|uested: 1 } })', 'field /transactions/sync options.days_requested "days_requested"'],
  ['typescript', 'client.transactionsSync({ acess_to|ken: t })', 'endpoint /transactions/sync "acess_token"'],
  ['python', "client.transactions_sync({'acc|ess_token': t})", 'field /transactions/sync access_token "access_token"'],
  ['python', 'TransactionsSyncRequest(cur|sor=c)', 'field /transactions/sync cursor "cursor"'],
  ['python', 'Transactions|SyncRequest(cursor=c)', 'endpoint /transactions/sync "TransactionsSyncRequest"'],
  ['ruby', 'Plaid::TransactionsSyncRe|quest.new(cursor: c)', 'endpoint /transactions/sync "TransactionsSyncRequest"'],
  ['go', 'client.PlaidApi.Transactions|Sync(ctx)', 'endpoint /transactions/sync "TransactionsSync"'],
  ['go', 'plaid.NewTransactionsSync|Request(t)', 'endpoint /transactions/sync "TransactionsSyncRequest"'],
  ['java', 'client.itemRe|move(request).execute();', 'endpoint /item/remove "itemRemove"'],
  ['typescript', 'fetch(`${BASE}/transactions/s|ync`)', 'endpoint /transactions/sync "/transactions/sync"'],
  ['typescript', 'client.transactionsSync({ access_token: t|ok })', 'none'],
  ['typescript', 'const x = |1;', 'none'],
];

const PATHS: [string, string | undefined][] = [
  ["const p = '/tr|';", '/tr'],
  ['fetch(`${PLAID_BASE_URL}/item/|`)', '/item/'],
  ['requests.post("https://sandbox.plaid.com/|")', '/'],
  ["app.get('/api/|')", '/api/'],
  ["const p = 'a/tr|';", undefined],
  ['const p = 1 /| 2;', undefined],
];

suite('API glossary: what is offered at the cursor', () => {
  for (const [language, marked, expected] of COMPLETIONS) {
    test(`Should complete ${JSON.stringify(marked)} in ${language} with ${expected}`, () => assert.strictEqual(completion(language, marked), expected));
  }
  for (const [language, marked, expected] of HOVERS) {
    test(`Should hover ${JSON.stringify(marked)} in ${language} with ${expected}`, () => assert.strictEqual(hover(language, marked), expected));
  }
  for (const [marked, expected] of PATHS) {
    test(`Should ${expected === undefined ? 'not ' : ''}complete a path in ${JSON.stringify(marked)}`, () => {
      const [text, offset] = at(marked);
      const range = apiPathCompletionAt(text, offset);
      assert.strictEqual(range === undefined ? undefined : text.slice(range.start, range.end), expected);
    });
  }
});
