/**
 * The API glossary generator (`scripts/glossary-api.js`) on a small spec of our own: the facts it keeps, the text it
 * never keeps, byte-identical reruns, and clear errors. When the pinned real spec is on this machine, the committed
 * `glossary/plaid-api.json` must be exactly what the generator makes of it.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ApiData, ApiEndpoint } from '../../server/src/engine/api';
import { copiedPhrases, phrasesOf } from './copiedPhrases';
import { ROOT, FIXTURE_SPEC, REAL_SPEC, specTexts } from './apiSources';

const SCRIPT = path.join(ROOT, 'scripts/glossary-api.js');

interface Generator {
  buildApiGlossary(spec: unknown, tokenNames: [string, string][]): ApiData;
  serialise(data: ApiData): string;
  tokenNamesOf(glossary: unknown): [string, string][];
  loadSpec(file: string): unknown;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(SCRIPT) as Generator;

function generate(spec: string): { status: number | null; stdout: string; stderr: string; out: string; text?: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-api-'));
  const out = path.join(dir, 'api.json');
  const r = spawnSync(process.execPath, [SCRIPT, spec, '--out', out], { encoding: 'utf8' });
  const text = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out, ...(text !== undefined ? { text } : {}) };
}

suite('API glossary generator', () => {
  const glossary = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary/plaid-glossary.json'), 'utf8'));
  const data = generator.buildApiGlossary(generator.loadSpec(FIXTURE_SPEC), generator.tokenNamesOf(glossary));
  const get = (p: string): ApiEndpoint => {
    const e = data.endpoints.find((x) => x.path === p);
    assert.ok(e, `no endpoint ${p}`);
    return e;
  };

  test('Should keep every operation, sorted by path, with its method and operationId', () => {
    assert.deepStrictEqual(
      data.endpoints.map((e) => `${e.method} ${e.path} ${e.operationId}`),
      ['POST /box/key/exchange boxKeyExchange', 'POST /legacy/thing legacyThing', 'GET /notes/{noteId} getNote',
        'POST /widgets/get widgetsGet', 'POST /widgets/sync widgetsSync'],
    );
    assert.strictEqual(data.source.version, '2020-09-14_0.0.1');
  });

  const PRODUCTS: [path: string, product: string | undefined, docs: string | undefined][] = [
    ['/widgets/sync', 'widgets', 'https://plaid.com/docs/api/products/widgets/#widgetssync'],
    ['/box/key/exchange', 'boxes', 'https://plaid.com/docs/api/boxes/#boxkeyexchange'],
    ['/legacy/thing', undefined, 'https://plaid.com/docs/none/'],
    ['/notes/{noteId}', undefined, undefined],
  ];
  for (const [p, product, docs] of PRODUCTS) {
    test(`Should take the product and docs URL of ${p} from its docs URL`, () => {
      assert.strictEqual(get(p).product, product);
      assert.strictEqual(get(p).docsUrl, docs);
    });
  }
  test('Should list the products found, sorted', () => assert.deepStrictEqual(data.products, ['boxes', 'widgets']));

  test('Should keep field types, required, enum, default and bounds, with one nested level', () => {
    const e = get('/widgets/sync');
    assert.deepStrictEqual(e.fields.slice(0, 5), [
      { name: 'client_id', type: 'string' },
      { name: 'access_token', type: 'string', required: true },
      { name: 'cursor', type: 'string' },
      { name: 'count', type: 'integer', default: 100, minimum: 1, maximum: 500 },
      { name: 'colours', type: 'string[]', enum: ['red', 'green', 'blue'] },
    ]);
    assert.deepStrictEqual(e.fields[5], {
      name: 'options',
      type: 'object',
      fields: [
        { name: 'include_dust', type: 'boolean', default: false, deprecated: true },
        { name: 'include_glitter', type: 'boolean', default: true },
        // The second level is named but not opened.
        { name: 'depth', type: 'object' },
      ],
    });
    assert.strictEqual(e.requestType, 'WidgetsSyncRequest');
    assert.strictEqual(e.responseType, 'WidgetsSyncResponse');
  });

  test('Should keep the response top-level fields with their types', () => {
    assert.deepStrictEqual(get('/widgets/sync').responseFields, [
      { name: 'added', type: 'object[]' },
      { name: 'next_cursor', type: 'string' },
      { name: 'has_more', type: 'boolean' },
      { name: 'request_id', type: 'string' },
    ]);
  });

  test('Should merge allOf request schemas and keep both required lists', () => {
    const fields = get('/widgets/get').fields;
    assert.deepStrictEqual(fields.map((f) => [f.name, f.required === true]), [
      ['access_token', true], ['start_date', true], ['colour', false], ['colour_hint', false],
    ]);
  });

  test('Should name the successor of a deprecated endpoint and field when the spec names one that exists', () => {
    const e = get('/widgets/get');
    assert.strictEqual(e.deprecated, true);
    assert.strictEqual(e.replacedBy, '/widgets/sync');
    assert.deepStrictEqual(e.fields.find((f) => f.name === 'colour_hint'), {
      name: 'colour_hint', type: 'string', deprecated: true, replacedBy: 'colour',
    });
  });

  test('Should mark a deprecated endpoint without a successor as just deprecated', () => {
    const e = get('/legacy/thing');
    assert.strictEqual(e.deprecated, true);
    assert.strictEqual(e.replacedBy, undefined);
    assert.deepStrictEqual(e.fields, [{ name: 'thing', type: 'string | integer' }]);
    assert.strictEqual(get('/widgets/sync').deprecated, undefined);
  });

  test('Should read the fields of an operation without a body from its parameters', () => {
    assert.deepStrictEqual(get('/notes/{noteId}').fields, [
      { name: 'noteId', type: 'string', required: true },
      { name: 'verbose', type: 'boolean', default: false },
    ]);
  });

  test('Should find the token types taken and returned from field names', () => {
    assert.deepStrictEqual([get('/box/key/exchange').takes, get('/box/key/exchange').returns], [['public-token'], ['access-token']]);
    assert.deepStrictEqual([get('/widgets/sync').takes, get('/widgets/sync').returns], [['access-token'], []]);
  });

  test('Should never emit a description, a summary or any sentence of the spec', () => {
    const text = generator.serialise(data);
    assert.doesNotMatch(text, /"(description|summary|title)"/);
    const sourcePhrases = phrasesOf(specTexts(FIXTURE_SPEC).join('\n'));
    assert.ok(sourcePhrases.size > 20, 'the fixture has description text to compare with');
    assert.deepStrictEqual(copiedPhrases(text.replace(/[{}[\]",:]/g, ' . '), sourcePhrases), []);
    // The check can fail: a pasted description is caught.
    assert.ok(copiedPhrases('Marmalade clocks whisper the cursor back to patient widget keepers.', sourcePhrases).length > 0);
  });

  test('Should write byte-identical files on a rerun', () => {
    const first = generate(FIXTURE_SPEC);
    const second = generate(FIXTURE_SPEC);
    assert.strictEqual(first.status, 0, first.stderr);
    assert.match(first.stdout, /5 endpoints \(2 deprecated\), 2 products/);
    assert.ok(first.text !== undefined && first.text === second.text);
    assert.deepStrictEqual(JSON.parse(first.text), data);
  });

  test('Should say what is wrong with a missing spec, a non-spec and no argument', () => {
    const missing = generate(path.join(ROOT, 'test/fixtures/api/no-such-spec.yml'));
    assert.strictEqual(missing.status, 1);
    assert.match(missing.stderr, /Cannot read the spec .*no-such-spec\.yml/);
    assert.strictEqual(missing.text, undefined);
    const notSpec = generate(path.join(ROOT, 'package.json'));
    assert.strictEqual(notSpec.status, 1);
    assert.match(notSpec.stderr, /not an OpenAPI document/);
    const none = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    assert.strictEqual(none.status, 2);
    assert.match(none.stderr, /usage: npm run glossary:api -- PATH/);
  });

  test('Should find the committed data in the generator\'s own layout', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'glossary/plaid-api.json'), 'utf8');
    assert.strictEqual(generator.serialise(JSON.parse(committed) as ApiData), committed);
  });

  if (REAL_SPEC === undefined) {
    test('Should regenerate the committed data from the real spec (set PLAID_LENS_OPENAPI_SPEC to run)', function () {
      this.skip();
    });
  } else {
    const realSpec = REAL_SPEC;
    test('Should regenerate the committed data byte for byte from the real spec', function () {
      this.timeout(60000);
      const r = generate(realSpec);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /329 endpoints \(17 deprecated\)/);
      assert.ok(r.text === fs.readFileSync(path.join(ROOT, 'glossary/plaid-api.json'), 'utf8'), 'glossary/plaid-api.json is stale');
    });
  }
});
