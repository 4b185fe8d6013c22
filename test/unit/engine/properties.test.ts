import * as assert from 'assert';
import fc from 'fast-check';
import { decodeToken, scan, type Finding } from '../../../server/src/engine';
import { CLIENT_ID, middle12, SECRET, UUID } from './helpers';

/** Modest by default so the unit suite stays quick; set PLAID_LENS_FUZZ_RUNS for a heavier run. */
const RUNS = Number(process.env.PLAID_LENS_FUZZ_RUNS) || 500;

/** Pieces that make the engine's paths fire when glued together in any order. */
const FRAGMENTS = [
  'access', 'public', 'link', 'processor', 'asset-report', 'assets', 'a', 'credit-relay', 'payment-id', 'acess', 'Access',
  '-sandbox-', '-production-', '-development-', '-prod-', '-dev-', '-sbx-', '-', '--',
  UUID, UUID.toUpperCase(), UUID.slice(0, 23), '4f2a9c1e', '-7b3d', '0', 'f', 'xyz', SECRET, CLIENT_ID,
  '"', "'", '`', '${', '}', '<uuid>', '*', '...', '…', '#{',
  'https://', 'development.plaid.com', 'sandbox.plaid.com', 'production.plaid.com', 'plaid', 'Plaid',
  'PlaidEnvironments.development', 'plaid.Environment.Development', 'Environment.Development', 'ApiClient.Development',
  "Plaid::Configuration::Environment['development']", 'plaid.Development', 'PlaidEnvironments.sandbox',
  'access_token', 'ACCESS_TOKEN', 'publicToken', 'secret', 'PLAID_SECRET', 'client_id', 'PLAID_ENV', 'development',
  ' = ', '=', ': ', ':=', '=>', ', ', '(', ')', '[', ']', ' || ', ':-',
  '\n', '\r\n', '\r', ' ', '\t', '// ', '# ', '<!-- ', ' -->', '/* ', ' */',
  'plaid-lens-disable-next-line', 'plaid-lens-disable-line', 'plaid-lens-disable', ' hardcoded-token', ' malformed-token',
  '\u0000', '\uFFFD', '😀', '\u2028',
];

const FILE_NAMES = ['a.ts', 'a.py', 'main.go', 'A.java', 'a.rb', 'a.yaml', 'a.json', '.env', '.env.example', 'README.md', 'a.sh', 'a.txt', 'noext'];

/** A token built from right, misspelt and broken parts. */
const tokenish = fc
  .tuple(
    fc.constantFrom('access', 'public', 'link', 'processor', 'user', 'asset-report', 'assets', 'third-party-user', 'a', 'credit-relay', 'acess', 'pubic', 'Access', 'xyzzy'),
    fc.constantFrom('sandbox', 'production', 'development', 'prod', 'sbx', 'dev', 'Sandbox', 'staging'),
    fc.constantFrom(UUID, UUID.toUpperCase(), UUID.slice(0, 23), UUID.replace('-4e8a-', '-7e8a-'), UUID.replace('-9c2b-', '-cc2b-'), `${UUID}-copy`, 'xyz', '<uuid>', '${id}', '*', SECRET, 'Q2FYZ5XKM3BC7DWN'),
  )
  .map(([type, env, tail]) => `${type}-${env}-${tail}`);

/** A value assigned to a key, as code, config and prose write it. */
const assignment = fc
  .tuple(
    fc.constantFrom('access_token', 'publicToken', 'PLAID_SECRET', 'secret', 'client_id', 'plaidClientId', 'PLAID_ENV', 'token', 'name', 'sha'),
    fc.constantFrom(' = ', ': ', '=', ' := ', ' => ', '", "'),
    fc.constantFrom('"', "'", '`', ''),
    fc.oneof(tokenish, fc.constantFrom(SECRET, CLIENT_ID, 'development', 'https://development.plaid.com', 'PlaidEnvironments.sandbox')),
  )
  .map(([key, op, quote, value]) => `${key}${op}${quote}${value}${quote}`);

const plaidish = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), tokenish, assignment), { maxLength: 30 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), plaidish);
const fileName = fc.constantFrom(...FILE_NAMES);

function assertWellFormed(text: string, findings: Finding[]): void {
  let previous = -1;
  for (const f of findings) {
    assert.ok(f.range.start >= 0 && f.range.start < f.range.end && f.range.end <= text.length, `bad range ${JSON.stringify(f.range)} in a text of ${text.length}`);
    assert.ok(f.range.start >= previous, 'findings are not sorted');
    previous = f.range.start;
    if (f.token) {
      assert.ok(f.token.range.start <= f.range.start && f.range.end <= f.token.range.end, 'the range lies outside its token');
    }
    if (f.fix?.kind === 'replace') {
      for (const r of f.fix.replacements) assert.ok(0 <= r.range.start && r.range.start <= r.range.end && r.range.end <= text.length);
    } else if (f.fix) {
      const range = f.fix.kind === 'lowercase' ? f.fix.range : f.fix.literal;
      assert.ok(0 <= range.start && range.start < range.end && range.end <= text.length);
    }
  }
}

/** What each rule's range must cover, so a finding sits on the segment it reports. */
function assertOnSegment(text: string, f: Finding): void {
  const flagged = text.slice(f.range.start, f.range.end);
  switch (f.rule) {
    case 'hardcoded-secret':
      assert.match(flagged, /^[a-f0-9]{30}$/);
      break;
    case 'hardcoded-client-id':
      assert.match(flagged, /^[a-f0-9]{24}$/);
      break;
    case 'development-environment':
      assert.match(flagged, /development/i);
      break;
    case 'hardcoded-token':
    case 'expiring-token':
      assert.strictEqual(f.token && text.slice(f.token.range.start, f.token.range.end), flagged);
      break;
    case 'environment-mismatch':
      assert.match(flagged, /^(sandbox|production)$/);
      break;
    case 'malformed-token':
      assert.ok(f.token, 'a malformed-token finding names its token');
      break;
  }
}

function assertNoSecret(findings: Finding[]): void {
  for (const f of findings) {
    const json = JSON.stringify(f);
    for (const value of [SECRET, CLIENT_ID, UUID]) {
      assert.ok(!json.includes(value), `${f.rule} holds a planted value whole: ${f.message}`);
      assert.ok(!json.toLowerCase().includes(middle12(value)), `${f.rule} holds the middle of a planted value: ${f.message}`);
    }
  }
}

suite('scan: properties for any input', () => {
  test('never throws, and every range lies inside the text, non-empty and in order', () => {
    fc.assert(
      fc.property(anyText, fileName, (text, file) => {
        const findings = scan(text, { fileName: file });
        assertWellFormed(text, findings);
      }),
      { numRuns: RUNS },
    );
  });

  test('every finding sits on the segment it reports', () => {
    fc.assert(
      fc.property(plaidish, fileName, (text, file) => {
        for (const f of scan(text, { fileName: file })) assertOnSegment(text, f);
      }),
      { numRuns: RUNS },
    );
  });

  test('scanning twice gives equal results', () => {
    fc.assert(
      fc.property(anyText, fileName, (text, file) => {
        assert.deepStrictEqual(scan(text, { fileName: file }), scan(text, { fileName: file }));
      }),
      { numRuns: RUNS },
    );
  });

  test('no finding holds a planted secret, client ID or UUID', () => {
    fc.assert(
      fc.property(plaidish, fileName, (text, file) => {
        assertNoSecret(scan(text, { fileName: file }));
      }),
      { numRuns: RUNS },
    );
  });

  test('a secret planted under a Plaid key is reported, masked, wherever it sits', () => {
    fc.assert(
      fc.property(plaidish, plaidish, fileName, (before, after, file) => {
        const text = `${before}\nPLAID_SECRET = "${SECRET}"\n${after}`;
        const findings = scan(text, { fileName: file });
        assertNoSecret(findings);
        const at = before.length + '\nPLAID_SECRET = "'.length;
        const suppressed = /plaid-lens-disable/.test(text) || file === '.env';
        if (!suppressed) assert.ok(findings.some((f) => f.rule === 'hardcoded-secret' && f.range.start === at), 'the secret was missed');
      }),
      { numRuns: RUNS },
    );
  });

  test('configured severities only change severities, never ranges', () => {
    fc.assert(
      fc.property(plaidish, fileName, (text, file) => {
        const plain = scan(text, { fileName: file });
        const loud = scan(text, { fileName: file, rules: { 'malformed-token': 'error', 'expiring-token': 'error', 'environment-mismatch': 'error' } });
        assert.deepStrictEqual(loud.map((f) => [f.rule, f.range]), plain.map((f) => [f.rule, f.range]));
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });
});

suite('decodeToken: properties for any input', () => {
  test('never throws, keeps problem ranges inside the input, and never returns a planted value', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const d = decodeToken(input);
        const trimmed = input.trim();
        for (const p of d.problems) assert.ok(0 <= p.range.start && p.range.start <= p.range.end && p.range.end <= trimmed.length);
        assert.strictEqual(d.valid, d.problems.length === 0);
        const json = JSON.stringify(d);
        for (const value of [SECRET, CLIENT_ID, UUID]) assert.ok(!json.includes(middle12(value)), json);
      }),
      { numRuns: RUNS },
    );
  });
});
