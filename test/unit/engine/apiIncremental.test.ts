/**
 * Incremental re-scans with the API rules on: the request of an API call reaches far past the scanner's margin, so
 * after any edit the findings must still equal a full scan's, and edits far from any call stay incremental.
 */
import * as assert from 'node:assert/strict';
import * as path from 'path';
import fc from 'fast-check';
import { loadApiIndex } from '../../../server/src/apiData';
import { applyChange, rescan, scan, scanSnapshot, type ScanOptions } from '../../../server/src/engine';

const api = loadApiIndex(path.resolve(__dirname, '../../../..'));
const RUNS = Number(process.env.PLAID_LENS_FUZZ_RUNS) || 100;
const SEED = Number(process.env.PLAID_LENS_FUZZ_SEED) || 20261205;

const FRAGMENTS = [
  "const plaid = require('plaid');\n", 'client.transactionsSync({ ', 'client.categoriesGet({', 'client.transferCreate({ idempotency_key: k, ',
  'acess_token: t, ', 'access_token: t, ', 'options: { ', 'include_personal_finance_category: true', 'counts: 1', ' }', '})', ');\n',
  "fetch('/categories/get')", '`${PLAID_BASE_URL}/payment_profile/create`', "fetch('/item/get', { body: JSON.stringify({ ",
  "requests.post(f'{base}/item/get', json={'acess_token': t, ", '// ', '/* ', ' */', '"', "'", ',', '{', '}', '(', ')',
  '\n', ' ', 'plaid-lens-disable-next-line unknown-api-field\n',
];
const FILLER = ['const total = items.reduce((sum, item) => sum + item.price, 0);\n', 'x'.repeat(700), '\n'.repeat(20), `${'  '.repeat(400)}\n`];
const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 2, arbitrary: fc.constantFrom(...FILLER) });
const text = fc.array(piece, { minLength: 20, maxLength: 200 }).map((parts) => parts.join(''));
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom('', 'a', ',', '{', '}', ' ', '\n', ...FRAGMENTS),
});
const OPTIONS: ScanOptions[] = [{ fileName: 'src/plaid.ts', api }, { fileName: 'src/plaid.js', api, rules: { 'unknown-api-field': 'error' } }];

suite('Incremental scan with the API rules', () => {
  test('Should equal a full scan after each edit', () => {
    const modes = { full: 0, incremental: 0 };
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom(...OPTIONS), (t, edits, options) => {
        let snapshot = scanSnapshot(t, options);
        for (const e of edits) {
          const start = Math.floor(e.at * (snapshot.text.length + 1));
          const change = { start, end: Math.min(snapshot.text.length, start + e.remove), text: e.insert };
          snapshot = rescan(snapshot, [change], options, applyChange(snapshot.text, change));
          assert.deepStrictEqual(snapshot.findings, scan(snapshot.text, options), `after ${JSON.stringify(change)}`);
          modes[snapshot.mode]++;
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(modes.full > 0, 'some edits fall near a call');
  });

  test('Should stay incremental for an edit far from every API call', () => {
    const far = 'const x = 1;\n'.repeat(2000);
    const t = `const plaid = require('plaid');\nclient.categoriesGet({ acess_token: t });\n${far}`;
    const options: ScanOptions = { fileName: 'a.js', api };
    const at = t.length - 100;
    const next = rescan(scanSnapshot(t, options), [{ start: at, end: at, text: 'y' }], options);
    assert.equal(next.mode, 'incremental');
    assert.deepStrictEqual(next.findings.map((f) => f.rule), ['deprecated-api', 'unknown-api-field']);
  });

  test('Should see a request key typed far inside a long call', () => {
    const t = `const plaid = require('plaid');\nclient.transactionsSync({\n${'  access_token: t,\n'.repeat(100)}});`;
    const options: ScanOptions = { fileName: 'a.js', api };
    const at = t.lastIndexOf('access_token');
    const next = rescan(scanSnapshot(t, options), [{ start: at, end: at + 2, text: 'x' }], options);
    assert.deepStrictEqual(next.findings.map((f) => f.message), ['`xcess_token` is not a field of `/transactions/sync`; did you mean `access_token`?']);
  });
});
