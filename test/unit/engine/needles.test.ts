/**
 * The needle prefilter is conservative: a text (or a file's bytes) that a check's needles rule out holds no finding
 * of that check. Shown per rule on minimal finding texts, on the glossary data the needles come from, and by a
 * seeded property test comparing prefiltered and unfiltered scans on texts and on raw bytes.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import * as path from 'path';
import { loadApiIndex } from '../../../server/src/apiData';
import { environmentEntries, RULE_IDS, scan, type RuleId } from '../../../server/src/engine';
import { decommissionedEnvironments } from '../../../server/src/engine/glossary';
import { holdsNeedle, needleRegExp } from '../../../server/src/engine/needles';
import { CHECKS, checksNeeded, scanChecks } from '../../../server/src/engine/scan';
import { CLIENT_ID, SECRET, UUID, UUID2 } from './helpers';

/** The smallest texts that give each rule a finding; every rule needs at least one. */
const MINIMAL: Record<RuleId, { file: string; text: string }[]> = {
  'malformed-token': [
    { file: 'a.ts', text: `t = 'acess-sandbox-${UUID}'` },
    { file: 'a.ts', text: `t = 'access-prod-${UUID}'` },
    { file: 'a.ts', text: `t = 'access-sandbox-${UUID.toUpperCase()}'` },
  ],
  'development-environment': [
    { file: 'a.ts', text: `t = 'access-development-${UUID}'` },
    { file: 'a.ts', text: 'u = "https://development.plaid.com"' },
    { file: 'a.ts', text: 'e = PlaidEnvironments.development' },
    { file: 'a.py', text: 'import plaid\nhost = Environment.Development' },
    { file: 'a.env.example', text: 'PLAID_ENV=development' },
  ],
  'hardcoded-secret': [{ file: 'a.ts', text: `plaidSecret = '${SECRET}'` }],
  'hardcoded-client-id': [{ file: 'a.py', text: `PLAID_CLIENT_ID = "${CLIENT_ID}"` }],
  'hardcoded-token': [
    { file: 'a.go', text: `t := "access-sandbox-${UUID}"` },
    { file: 'a.rb', text: `t = 'processor-production-${UUID2}'` },
  ],
  'expiring-token': [{ file: 'a.ts', text: `t = 'link-sandbox-${UUID}'` }],
  'environment-mismatch': [{ file: 'a.ts', text: `e = PlaidEnvironments.sandbox\nt = 'access-production-${UUID}'` }],
  'deprecated-api': [
    { file: 'a.js', text: "const { PlaidApi } = require('plaid');\nclient.categoriesGet({});" },
    { file: 'a.py', text: 'import plaid\nrequests.post(f"{base}/categories/get", json={})' },
  ],
  'unknown-api-field': [{ file: 'a.js', text: "const { PlaidApi } = require('plaid');\nclient.transactionsSync({ acess_token: t });" }],
};

/** The API rules read the API glossary data, which a scan is handed like the editor and the CLI hand it. */
const api = loadApiIndex(path.resolve(__dirname, '../../../..'));

suite('needles: every finding holds a needle of its check', () => {
  test('every rule has minimal finding texts, and some check reports it', () => {
    for (const rule of RULE_IDS) {
      assert.ok(MINIMAL[rule]?.length, `add minimal finding texts for ${rule}`);
      assert.ok(CHECKS.some((c) => c.rules.includes(rule)), `no check lists ${rule} among its rules`);
    }
  });

  for (const rule of RULE_IDS) {
    for (const { file, text } of MINIMAL[rule] ?? []) {
      test(`${rule}: ${JSON.stringify(text)} holds a needle and survives the prefilter`, () => {
        const findings = scan(text, { fileName: file, api }).filter((f) => f.rule === rule);
        assert.ok(findings.length > 0, `the text gives no ${rule} finding`);
        const checks = CHECKS.filter((c) => c.rules.includes(rule) && holdsNeedle(text, c.needles));
        assert.ok(checks.length > 0, `no check of ${rule} has a needle in the text`);
        const bytes = Buffer.from(text, 'utf8').toString('latin1');
        const kept = scanChecks(text, { fileName: file, api }, checksNeeded(bytes)).filter((f) => f.rule === rule);
        assert.deepStrictEqual(kept, findings);
      });
    }
  }

  test('the Development needle is in every Development host and SDK constant of the glossary', () => {
    const development = CHECKS.find((c) => c.id === 'development')!;
    assert.ok(decommissionedEnvironments.length > 0);
    for (const env of environmentEntries.filter((e) => e.environment.status === 'decommissioned')) {
      for (const literal of [env.environment.baseUrl, ...(env.environment.sdkConstants ?? []).map((c) => c.constant)]) {
        assert.ok(holdsNeedle(literal, development.needles), `${literal} holds no needle of the development check`);
      }
    }
  });

  test('a text with no needle at all needs no check', () => {
    assert.strictEqual(checksNeeded('const x = 1;\nfunction f() { return "hello world"; }\n').size, 0);
  });
});

suite('checksNeeded: which checks a text needs', () => {
  const rows: [name: string, text: string, expected: string[]][] = [
    ['plaid in any case', 'x = 1 // pLaId', ['api', 'credentials']],
    ['development alone', 'mode = "Development"', ['development']],
    ['development before plaid', 'development ... plaid', ['api', 'credentials', 'development']],
    ['plaid before development', 'PLAID ... DEVELOPMENT', ['api', 'credentials', 'development']],
    ['the two needles overlapping nowhere, far apart', `${'x'.repeat(5000)}plaid${'y'.repeat(5000)}development`, ['api', 'credentials', 'development']],
    ['a type and a hyphen with no word after it', "headers['user-agent'] = 'x'", []],
    ['a type with a word and a hyphen', "cls = 'user-agent-string'", ['tokens']],
    ['an environment between hyphens', "cls = 'my-sandbox-x'", ['tokens']],
    ['an environment word without hyphens', "mode = 'sandbox'", []],
    ['a type inside a longer word', "cls = 'superuser-agent-x'", []],
    ['a token of the Development environment', `t = 'access-development-${UUID}'`, ['development', 'tokens']],
    ['bytes of UTF-8 text around a hit', Buffer.from('\u00e9access-prod-\u00e9', 'utf8').toString('latin1'), ['tokens']],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => assert.deepStrictEqual([...checksNeeded(text)].sort(), expected));
  }
});

suite('needles: compiled expressions', () => {
  const rows: { name: string; needles: { literal: string; ignoreCase?: boolean }[]; text: string; holds: boolean }[] = [
    { name: 'an exact needle', needles: [{ literal: '-sandbox-' }], text: 'x-sandbox-y', holds: true },
    { name: 'an exact needle in another case', needles: [{ literal: '-sandbox-' }], text: 'x-Sandbox-y', holds: false },
    { name: 'a needle in any case', needles: [{ literal: 'plaid', ignoreCase: true }], text: 'pLaId', holds: true },
    { name: 'a needle in any case, absent', needles: [{ literal: 'plaid', ignoreCase: true }], text: 'plad plai', holds: false },
    { name: 'metacharacters are literal', needles: [{ literal: 'a.b' }], text: 'axb', holds: false },
    { name: 'metacharacters match themselves', needles: [{ literal: 'a.b' }], text: 'a.b', holds: true },
    { name: 'no Unicode case folding (Kelvin sign)', needles: [{ literal: 'k', ignoreCase: true }], text: '\u212a', holds: false },
    { name: 'no Unicode case folding (dotless i)', needles: [{ literal: 'i', ignoreCase: true }], text: '\u0131', holds: false },
    { name: 'one of several', needles: [{ literal: 'abc' }, { literal: 'xyz' }], text: '--xyz--', holds: true },
  ];
  for (const r of rows) {
    test(`Should ${r.holds ? '' : 'not '}find ${r.name}`, () => assert.strictEqual(holdsNeedle(r.text, r.needles), r.holds));
  }

  test('needles that cannot rule a text out give no expression', () => {
    assert.strictEqual(needleRegExp(undefined), undefined);
    assert.strictEqual(needleRegExp([]), undefined);
    assert.strictEqual(needleRegExp([{ literal: 'caf\u00e9' }]), undefined);
    assert.strictEqual(holdsNeedle('anything', [{ literal: 'caf\u00e9' }]), true);
  });
});

/** Fixed by default so a run is repeatable; a failure prints it, and PLAID_LENS_FUZZ_SEED replays another. */
const SEED = Number(process.env.PLAID_LENS_FUZZ_SEED) || 20261205;
const RUNS = Number(process.env.PLAID_LENS_FUZZ_RUNS) || 400;

/** Pieces near and on every needle, glued in any order; a few of them are not valid UTF-8 on their own. */
const PIECES: (string | Uint8Array)[] = [
  'access', 'public', 'link', 'user', 'processor', 'acess', 'Access', '-', '--', 'sandbox', 'production', 'development',
  '-sandbox-', '-production-', '-development-', '-prod-', '-sbx-', 'Development', 'DEVELOPMENT', 'develop', 'evelopment',
  UUID, UUID.toUpperCase(), UUID.slice(0, 23), SECRET, CLIENT_ID, 'plaid', 'Plaid', 'PLAID', 'pla', 'id', 'PlaidEnvironments',
  '.development', 'https://development.plaid.com', 'PlaidEnvironments.sandbox', 'plaid.Environment.Development',
  'Environment.Development', 'ApiClient.Development', 'PLAID_ENV', 'PLAID_SECRET', 'secret', 'client_id', 'access_token',
  ' = ', '=', ': ', '"', "'", '`', '(', ')', ' || ', '\n', '\r\n', ' ', '// ', '# ', 'plaid-lens-disable-next-line',
  '\u00e9', '\u2028', '\ud83d\ude00', '\u0131', '\u212a',
  Uint8Array.of(0xc3), Uint8Array.of(0xe2, 0x82), Uint8Array.of(0xf0, 0x9f, 0x98), Uint8Array.of(0xff), Uint8Array.of(0x80),
];
const FILES = ['a.ts', 'a.py', 'main.go', 'a.rb', 'a.yaml', '.env', '.env.example', 'README.md', 'noext'];

/** A token built from right, misspelt and broken parts, so that every path of the token check is taken. */
const tokenish = fc
  .tuple(
    fc.constantFrom('access', 'public', 'link', 'processor', 'user', 'asset-report', 'third-party-user', 'acess', 'pubic', 'xyzzy'),
    fc.constantFrom('sandbox', 'production', 'development', 'prod', 'sbx', 'dev', 'sandbx', 'Sandbox', 'staging'),
    fc.constantFrom(UUID, UUID.toUpperCase(), UUID.slice(0, 23), 'xyz', '<uuid>', 'a1b2c3d4e5f6'),
  )
  .map(([type, env, tail]) => `${type}-${env}-${tail}`);
/** A key, an operator and a value, as code and configuration assign them. */
const assignment = fc
  .tuple(
    fc.constantFrom('access_token', 'PLAID_SECRET', 'secret', 'client_id', 'plaidClientId', 'PLAID_ENV', 'token', 'name'),
    fc.constantFrom(' = ', ': ', '=', ' || '),
    fc.constantFrom('"', "'", ''),
    fc.oneof(tokenish, fc.constantFrom(SECRET, CLIENT_ID, 'development', 'Development', 'https://development.plaid.com')),
  )
  .map(([key, op, quote, value]) => `${key}${op}${quote}${value}${quote}`);

const pieceBytes = (p: string | Uint8Array): Buffer => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p));
const fileBytes = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...PIECES), tokenish, assignment), { maxLength: 40 }).map((parts) => Buffer.concat(parts.map(pieceBytes))),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
);

suite('needles: prefiltered scans equal full scans (seeded)', () => {
  test(`any bytes: the checks their latin1 reading needs find what scan finds (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fileBytes, fc.constantFrom(...FILES), (bytes, file) => {
        const text = bytes.toString('utf8');
        const checks = checksNeeded(bytes.toString('latin1'));
        assert.deepStrictEqual(scanChecks(text, { fileName: file }, checks), scan(text, { fileName: file }));
        // The decoded text needs no check the bytes ruled out.
        for (const id of checksNeeded(text)) assert.ok(checks.has(id), `the bytes rule out ${id}, the text does not`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
