/**
 * Incremental re-scans: after any edit, or any batch of edits, the findings equal a full scan of the new text,
 * byte for byte; and edits that cannot change a file-level fact are answered without a full scan.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyChange, rescan, scan, scanSnapshot, type ScanOptions, type ScanSnapshot, type TextChange } from '../../server/src/engine';

/** Modest by default so the unit suite stays quick; set PLAID_LENS_FUZZ_RUNS for a heavier run. */
const RUNS = Number(process.env.PLAID_LENS_FUZZ_RUNS) || 150;

const UUID = '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a9b0c';
const SECRET = '8f3b2c1d9e0a7f6b5c4d3e2a1b0c9d';
const CLIENT_ID = '5f1e2d3c4b5a69788796a5b4';

/** Pieces that make every rule fire, and break it, when glued together and cut at random. */
const FRAGMENTS = [
  'access', 'public', 'link', 'processor', 'asset-report', 'acess', '-sandbox-', '-production-', '-development-', '-prod-',
  '-', UUID, UUID.toUpperCase(), UUID.slice(0, 23), SECRET, CLIENT_ID, '"', "'", '`', '${', '}', '<uuid>', '_',
  'https://', 'development.plaid.com', 'sandbox.plaid.com', 'production.plaid.com', 'plaid', 'Plaid',
  'PlaidEnvironments.development', 'PlaidEnvironments.sandbox', 'PlaidEnvironments.production', 'plaid.Environment.Development',
  'Environment.Development', "Plaid::Configuration::Environment['development']", 'ApiClient.Production',
  'access_token', 'ACCESS_TOKEN', 'publicToken', 'secret', 'PLAID_SECRET', 'client_id', 'PLAID_ENV', 'development',
  ' = ', '=', ': ', ':=', '=>', ', ', '(', ')', '[', ']', ' || ', ':-', 'os.getenv(',
  '\n', '\r\n', '\r', ' ', '\t', '// ', '# ', '/* ', ' */', '\n\n\n', ' '.repeat(40),
  'plaid-lens-disable-next-line', 'plaid-lens-disable-line', 'plaid-lens-disable', ' hardcoded-token', ' malformed-token',
  '😀', '\u2028', '\u00a0',
  // Name/value pairs, legacy SDK spellings and escapes inside string literals.
  '- name: ', 'name: ', '"name": ', 'value: ', '"value": ', 'value = ', '{ ', ' }', 'OTHER', 'PLAID_ACCESS_TOKEN',
  'plaid.environments.development', '.developmentBaseUrl()', 'Plaid.create({ ', 'env: ', 'env: :', 'environment=',
  'Plaid::Client.new(', '<PlaidLink ', 'publicKey: ', 'clientIdAndSecret(', '\\n', '\\"', '...',
];

/** Ordinary code that pushes the Plaid parts apart, so that windows are smaller than the text. */
const FILLER = [
  'const total = items.reduce((sum, item) => sum + item.price, 0);\n',
  'export function formatAmount(value: number): string { return value.toFixed(2); }\n',
  '    if (response.status !== 200) throw new Error(`unexpected ${response.status}`);\n',
  '// A comment that says nothing about any token at all, only that it is long enough.\n',
  'x'.repeat(300),
  `${'abc-def-'.repeat(60)}\n`,
  '\n'.repeat(30),
  `${'    '.repeat(200)}\n`,
];

/**
 * Lines whose findings read far back: an environment read 150 characters before a secret turns its fix off, a
 * key name up to 160 characters long decides a token's context, a setting's value may follow its name after any
 * amount of whitespace; and suppression comments of every kind.
 */
const REACHING = [
  `os.getenv('PLAID_SECRET') ${'+'.repeat(120)} secret = '${SECRET}'`,
  `process.env.PLAID_CLIENT_ID ${'+'.repeat(100)} client_id: "${CLIENT_ID}"`,
  `${'ab.'.repeat(40)}access_token = 'access-sandbox-${UUID.slice(0, 30)}'`,
  'PLAID_ENV =\n\n\n   ',
  `PLAID_ENV:${'\n'.repeat(1200)}  "development"`,
  '\n// plaid-lens-disable\n',
  '\n# plaid-lens-disable-next-line\n',
  ' // plaid-lens-disable-line hardcoded-token malformed-token\n',
  '\n/* plaid-lens-disable-next-line hardcoded-secret */\n',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 1, arbitrary: fc.constantFrom(...REACHING) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
/** Texts that mention Plaid and, one time in four, texts that do not (until an edit types it). */
const plaidText = fc
  .tuple(fc.array(piece, { minLength: 40, maxLength: 260 }), fc.nat({ max: 3 }))
  .map(([parts, n]) => (n === 0 ? parts.join('').replace(/plaid/gi, 'other') : parts.join('')));

/** An edit given as fractions of the text, so it fits whatever text it lands on. */
interface EditSpec {
  /** Where, as a fraction of the text, or of the places listed in {@link SENSITIVE} when `near` is set. */
  at: number;
  near: boolean;
  /** Characters from the chosen place. */
  jitter: number;
  remove: number;
  insert: string;
}

/** Places where an edit is most likely to change what a rule sees. */
const SENSITIVE = /getenv|process\.env|token|secret|client_id|plaid|sandbox|production|development|disable|[\r\n]|-/gi;

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  near: fc.boolean(),
  jitter: fc.integer({ min: -4, max: 4 }),
  remove: fc.oneof({ weight: 5, arbitrary: fc.nat({ max: 3 }) }, { weight: 2, arbitrary: fc.nat({ max: 80 }) }, { weight: 1, arbitrary: fc.nat({ max: 3000 }) }),
  insert: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('', 'a', '-', '0', 'f', ' ', '\n', '\r', '"', '_', '.') },
    { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS, ...REACHING) },
    { weight: 1, arbitrary: fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')) },
  ),
});

const OPTIONS: ScanOptions[] = [
  { fileName: 'src/plaid.ts' },
  { fileName: 'config/settings.py' },
  { fileName: 'deploy.yaml' },
  { fileName: 'README.md' },
  { fileName: '.env' },
  { fileName: 'src/client.js', rules: { 'hardcoded-client-id': 'error', 'hardcoded-secret': 'off' } },
];

function changeOf(text: string, spec: EditSpec): TextChange {
  const places = spec.near ? [...text.matchAll(SENSITIVE)].map((m) => m.index) : [];
  const base = places.length > 0 ? places[Math.floor(spec.at * places.length)]! : Math.floor(spec.at * (text.length + 1));
  const start = Math.max(0, Math.min(text.length, base + (spec.near ? spec.jitter : 0)));
  return { start, end: Math.min(text.length, start + spec.remove), text: spec.insert };
}

/** Asserts that a snapshot's findings are a full scan's, and returns the snapshot. */
function assertExact(snapshot: ScanSnapshot, options: ScanOptions, what: string): ScanSnapshot {
  assert.deepStrictEqual(snapshot.findings, scan(snapshot.text, options), what);
  assert.equal(JSON.stringify(snapshot.findings), JSON.stringify(scan(snapshot.text, options)), `${what} (serialised)`);
  return snapshot;
}

suite('Incremental scan: the same findings as a full scan', () => {
  test('Should equal a full scan after each edit of a sequence, on random Plaid-like texts', () => {
    const modes = { full: 0, incremental: 0 };
    fc.assert(
      fc.property(plaidText, fc.array(editSpec, { minLength: 1, maxLength: 8 }), fc.constantFrom(...OPTIONS), (text, specs, options) => {
        let snapshot = scanSnapshot(text, options);
        for (const spec of specs) {
          const change = changeOf(snapshot.text, spec);
          const next = applyChange(snapshot.text, change);
          snapshot = assertExact(rescan(snapshot, [change], options, next), options, `after ${JSON.stringify(change)}`);
          modes[snapshot.mode]++;
        }
      }),
      { numRuns: RUNS },
    );
    // The property must exercise the windowed path, not only the full-scan fallback.
    assert.ok(modes.incremental > modes.full / 4, `incremental ${modes.incremental}, full ${modes.full}`);
  });

  test('Should equal a full scan after a batch of edits sent in one change notification', () => {
    fc.assert(
      fc.property(plaidText, fc.array(editSpec, { minLength: 2, maxLength: 6 }), fc.constantFrom(...OPTIONS), (text, specs, options) => {
        const first = scanSnapshot(text, options);
        const changes: TextChange[] = [];
        let current = text;
        for (const spec of specs) {
          const change = changeOf(current, spec);
          changes.push(change);
          current = applyChange(current, change);
        }
        assert.equal(assertExact(rescan(first, changes, options), options, 'batch, text rebuilt').text, current);
        assertExact(rescan(first, changes, options, current), options, 'batch, text given');
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});

/** A Plaid client file of about 40 KB with findings spread through it, so that windows are a small part of it. */
function plaidFile(newline = '\n'): string {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `const value${i} = compute(${i}, 'plain text ${i}');`);
  const lines = [
    "import { Configuration, PlaidApi, PlaidEnvironments } from 'plaid';",
    'const configuration = new Configuration({ basePath: PlaidEnvironments.sandbox });',
    ...filler(300),
    `const accessToken = 'access-sandbox-${UUID}';`,
    ...filler(200),
    `const legacy = 'access-production-${UUID}';`,
    'const PLAID_ENV =',
    '',
    "  'development';",
    ...filler(200),
    `const secret = '${SECRET}';`,
    '// plaid-lens-disable-next-line hardcoded-client-id',
    `const client_id = '${CLIENT_ID}';`,
    ...filler(300),
    '// plaid-lens-disable hardcoded-token',
    ...filler(100),
    `const silenced = 'access-sandbox-${UUID}';`,
    ...filler(100),
    `const link = 'link-sandbox-${UUID}';`,
  ];
  return lines.join(newline) + newline;
}

interface EdgeCase {
  name: string;
  text: string;
  /** The text to find and replace, and what replaces it; `at` picks an occurrence other than the first. */
  find: string;
  replace: string;
  at?: number;
  mode: ScanSnapshot['mode'];
}

const BASE = plaidFile();
const CRLF = plaidFile('\r\n');
const NO_PLAID = BASE.replace(/plaid/gi, 'other');
/** The Plaid file with a name/value list and a legacy Link call in its middle. */
const PAIRS = BASE.replace(
  "const value150 = compute(150, 'plain text 150');",
  [
    'const env = [',
    "  { name: 'PLAID_SECRET',",
    "    note: 'pasted while debugging',",
    `    value: '${SECRET}' },`,
    "  { value: 'development' },",
    '];',
    'const handler = Plaid.create({',
    "  clientName: 'Budget',",
    '  onSuccess: (token) => send(token),',
    "  env: 'development',",
    '});',
  ].join('\n'),
);

const EDGE_CASES: EdgeCase[] = [
  { name: 'an edit inside a token', text: BASE, find: `access-sandbox-${UUID}`, replace: `access-sandbox-${UUID.replace('7b3d', '7b3e')}`, mode: 'incremental' },
  { name: 'an edit that uppercases part of a token', text: BASE, find: UUID.slice(0, 8), replace: UUID.slice(0, 8).toUpperCase(), mode: 'incremental' },
  { name: 'an edit that creates a token', text: BASE, find: "'plain text 150'", replace: `'public-sandbox-${UUID}'`, mode: 'incremental' },
  { name: 'an edit that destroys a token', text: BASE, find: 'access-production-', replace: 'access_production-', mode: 'incremental' },
  { name: 'an edit inside a Development setting split over lines', text: BASE, find: 'const PLAID_ENV =', replace: 'const PLAID_ENVX =', mode: 'incremental' },
  { name: 'an edit that joins a split setting back into one line', text: BASE, find: "=\n\n  'development'", replace: "= 'development'", mode: 'incremental' },
  { name: 'an edit inside a suppression comment', text: BASE, find: 'disable-next-line hardcoded-client-id', replace: 'disable-next-line hardcoded-secret', mode: 'full' },
  { name: 'an edit on the line a suppression comment silences', text: BASE, find: `'${CLIENT_ID}'`, replace: `'${CLIENT_ID.replace('5f1e', '5f1f')}'`, mode: 'full' },
  { name: 'typing a new suppression comment', text: BASE, find: "const link = 'link", replace: "// plaid-lens-disable\nconst link = 'link", mode: 'full' },
  { name: 'an edit far below a rest-of-file suppression', text: BASE, find: "'plain text 99'", replace: `'access-sandbox-${UUID}'`, at: 3, mode: 'incremental' },
  { name: 'an edit at the start of the text', text: BASE, find: 'import', replace: 'x', mode: 'incremental' },
  { name: 'an edit at the end of the text', text: BASE, find: `'link-sandbox-${UUID}';\n`, replace: `'link-sandbox-${UUID}';\nconst more = 1;\n`, mode: 'incremental' },
  { name: 'CRLF: an edit that joins two lines', text: CRLF, find: `'access-sandbox-${UUID}';\r\n`, replace: `'access-sandbox-${UUID}'; `, mode: 'incremental' },
  { name: 'CRLF: an edit between a carriage return and its line feed', text: CRLF, find: `'access-production-${UUID}';\r`, replace: `'access-production-${UUID}';\r\rx`, mode: 'incremental' },
  { name: 'a paste of many lines', text: BASE, find: "'plain text 20'", replace: plaidFile().slice(0, 9000), mode: 'incremental' },
  { name: 'the first mention of Plaid in a file', text: NO_PLAID, find: "'plain text 30'", replace: "'plaid'", mode: 'full' },
  { name: 'a second configured environment', text: BASE, find: "'plain text 40'", replace: 'PlaidEnvironments.production', mode: 'full' },
  { name: 'an edit that keeps the configured environment', text: BASE, find: "'plain text 41'", replace: 'PlaidEnvironments.sandbox', mode: 'incremental' },
  { name: 'replacing the whole text', text: BASE, find: BASE, replace: CRLF, mode: 'full' },
  { name: 'an edit to the name of a pair whose value sits lines below', text: PAIRS, find: "name: 'PLAID_SECRET'", replace: "name: 'OTHER_VALUE'", mode: 'incremental' },
  { name: 'an edit that names a pair after its value', text: PAIRS, find: "{ value: 'development' }", replace: "{ value: 'development', name: 'PLAID_ENV' }", mode: 'incremental' },
  { name: 'an edit to the call a legacy option sits in', text: PAIRS, find: 'Plaid.create({', replace: 'Other.create({', mode: 'incremental' },
];

/** The offset of the `at`-th occurrence of `find`. */
function occurrence(text: string, find: string, at = 1): number {
  let offset = -1;
  for (let i = 0; i < at; i++) offset = text.indexOf(find, offset + 1);
  assert.ok(offset >= 0, `${JSON.stringify(find.slice(0, 40))} occurs fewer than ${at} times`);
  return offset;
}

suite('Incremental scan: edge cases', () => {
  const options: ScanOptions = { fileName: 'src/plaid.ts' };

  for (const row of EDGE_CASES) {
    test(`Should equal a full scan after ${row.name}, by a ${row.mode} scan`, () => {
      const start = occurrence(row.text, row.find, row.at);
      const change: TextChange = { start, end: start + row.find.length, text: row.replace };
      const before = assertExact(scanSnapshot(row.text, options), options, 'before the edit');
      const after = assertExact(rescan(before, [change], options, applyChange(row.text, change)), options, 'after the edit');
      assert.equal(after.mode, row.mode);
      assert.notDeepEqual(before.findings, [], 'the text has findings to keep or move');
    });
  }

  test('Should keep a finding silenced by a rest-of-file comment silenced after an edit next to it', () => {
    const start = occurrence(BASE, 'const silenced');
    const change: TextChange = { start, end: start, text: '// moved\n' };
    const after = assertExact(rescan(scanSnapshot(BASE, options), [change], options), options, 'after the edit');
    assert.equal(after.mode, 'incremental');
    assert.ok(!after.findings.some((f) => f.rule === 'hardcoded-token' && f.range.start > start), 'the token below the comment stays silenced');
  });

  test('Should scan in full when the options change', () => {
    const before = scanSnapshot(BASE, options);
    const other: ScanOptions = { fileName: 'src/plaid.ts', rules: { 'hardcoded-token': 'off' } };
    const after = assertExact(rescan(before, [{ start: 0, end: 0, text: ' ' }], other), other, 'after the edit');
    assert.equal(after.mode, 'full');
  });

  test('Should return the same snapshot for an empty batch', () => {
    const before = scanSnapshot(BASE, options);
    assert.equal(rescan(before, [], options), before);
  });
});
