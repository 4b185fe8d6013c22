import * as assert from 'assert';
import { decodeToken, describeUuidVariant, environmentEntries, knownPrefixes, type TokenProblemKind, type UuidVariant } from '../../../server/src/engine';
import { middle12, SECRET, UUID } from './helpers';

/** A made-up opaque tail, long enough that masking must hide most of it. */
const OPAQUE = 'Q2FYZ5XKM3BC7DWN';

/** The input must never come back whole, nor the middle of its secret part (by default the UUID or opaque tail). */
function assertMasked(input: string, result: unknown, secretPart = tailOf(input)): void {
  const json = JSON.stringify(result);
  assert.ok(!json.includes(input), `the result holds the input whole: ${json}`);
  if (secretPart.length >= 12) assert.ok(!json.includes(middle12(secretPart)), `the result holds the middle of the secret part: ${json}`);
}

/** The part after the environment, found by the shapes the tests use. */
function tailOf(input: string): string {
  const at = input.search(/[0-9a-fA-F]{8}-|Q2FY|[0-9a-f]{30}/);
  return at >= 0 ? input.slice(at) : input;
}

suite('decodeToken: every known prefix', () => {
  for (const prefix of knownPrefixes) {
    const tail = prefix.tail === 'uuid' ? UUID : OPAQUE;
    const input = `${prefix.prefix}-sandbox-${tail}`;
    test(`${prefix.prefix}: type, entry, tail kind and a masked result`, () => {
      const d = decodeToken(input);
      assert.strictEqual(d.type, prefix.prefix);
      assert.strictEqual(d.typeKnown, true);
      assert.strictEqual(d.environment, 'sandbox');
      assert.strictEqual(d.environmentId, 'sandbox');
      assert.strictEqual(d.tailKind, prefix.tail);
      assert.strictEqual(d.entryId, prefix.entry?.id ?? prefix.other?.entry);
      assert.deepStrictEqual(d.problems, []);
      assert.strictEqual(d.valid, true);
      assert.strictEqual(d.masked, `${prefix.prefix}-sandbox-…${tail.slice(-4)}`);
      if (prefix.tail === 'uuid') assert.deepStrictEqual(d.uuid, { version: 4, variant: 'rfc4122' });
      else assert.strictEqual(d.uuid, undefined);
      assertMasked(input, d);
    });
  }

  test('the glossary token types each decode to their entry', () => {
    const expected: [prefix: string, entry: string][] = [
      ['access', 'access-token'],
      ['public', 'public-token'],
      ['link', 'link-token'],
      ['processor', 'processor-token'],
      ['user', 'user-token'],
      ['asset-report', 'asset-report-token'],
      ['assets', 'asset-report-token'],
      ['third-party-user', 'user-token'],
      ['a', 'asset-report-token'],
    ];
    for (const [prefix, entry] of expected) {
      const tail = prefix === 'a' ? OPAQUE : UUID;
      assert.strictEqual(decodeToken(`${prefix}-production-${tail}`).entryId, entry, prefix);
    }
  });

  test('identifiers that carry an environment have no glossary entry and an opaque tail', () => {
    for (const prefix of ['payment-id', 'wallet-id', 'wallet-transaction-id', 'recipient-id', 'consent-id', 'payment-consent-id', 'credit-relay']) {
      const d = decodeToken(`${prefix}-production-${OPAQUE}`);
      assert.strictEqual(d.tailKind, 'opaque', prefix);
      assert.strictEqual(d.valid, true, prefix);
      assert.strictEqual(d.entryId, undefined, prefix);
    }
  });
});

suite('decodeToken: environments', () => {
  for (const env of environmentEntries.filter((e) => e.environment.status !== 'mode')) {
    const segment = env.environment.segment;
    test(`${segment}: recognised, and ${env.environment.status === 'decommissioned' ? 'reported as decommissioned' : 'valid'}`, () => {
      const input = `access-${segment}-${UUID}`;
      const d = decodeToken(input);
      assert.strictEqual(d.environment, segment);
      assert.strictEqual(d.environmentId, env.id);
      if (env.environment.status === 'decommissioned') {
        assert.deepStrictEqual(d.problems.map((p) => p.kind), ['decommissioned-environment']);
        assert.ok(d.problems[0]!.message.includes('2024-06-20'), d.problems[0]!.message);
        assert.ok(d.problems[0]!.message.includes(`is the ${env.term} environment`), d.problems[0]!.message);
        assert.strictEqual(input.slice(d.problems[0]!.range.start, d.problems[0]!.range.end), segment);
        assert.strictEqual(d.valid, false);
      } else {
        assert.strictEqual(d.valid, true);
      }
      assertMasked(input, d);
    });
  }

  const typos: [segment: string, suggestion: string | undefined, message: string][] = [
    ['prod', 'production', 'did you mean `production`?'],
    ['sbx', 'sandbox', 'did you mean `sandbox`?'],
    ['sandbx', 'sandbox', 'did you mean `sandbox`?'],
    ['dev', undefined, '`production` or `sandbox`'],
  ];
  for (const [segment, suggestion, message] of typos) {
    test(`\`${segment}\` is an unknown environment: ${message}`, () => {
      const input = `access-${segment}-${UUID}`;
      const d = decodeToken(input);
      const p = d.problems.find((x) => x.kind === 'unknown-environment');
      assert.ok(p, JSON.stringify(d.problems));
      assert.strictEqual(input.slice(p.range.start, p.range.end), segment);
      assert.ok(p.message.includes(message), p.message);
      assert.strictEqual(p.suggestion, suggestion);
      assert.strictEqual(d.environmentId, undefined);
      assertMasked(input, d);
    });
  }
});

suite('decodeToken: every kind of defect', () => {
  interface DefectRow {
    name: string;
    input: string;
    kinds: TokenProblemKind[];
    /** The text each problem's range covers, in order. */
    segments: string[];
  }
  const g = UUID.split('-');
  const rows: DefectRow[] = [
    { name: 'a misspelt type', input: `acess-sandbox-${UUID}`, kinds: ['unknown-type'], segments: ['acess'] },
    { name: 'a misspelt type and environment', input: `acess-prod-${UUID}`, kinds: ['unknown-type', 'unknown-environment'], segments: ['acess', 'prod'] },
    { name: 'an unknown environment', input: `access-staging-${UUID}`, kinds: ['unknown-environment'], segments: ['staging'] },
    { name: 'the Development environment', input: `public-development-${UUID}`, kinds: ['decommissioned-environment'], segments: ['development'] },
    { name: 'no tail', input: 'access-sandbox-', kinds: ['missing-uuid'], segments: [''] },
    { name: 'no tail and no hyphen', input: 'access-sandbox', kinds: ['missing-uuid'], segments: [''] },
    { name: 'a word for a tail', input: 'access-sandbox-xyz', kinds: ['missing-uuid'], segments: ['xyz'] },
    { name: 'a truncated UUID', input: `access-sandbox-${g.slice(0, 3).join('-')}`, kinds: ['uuid-length'], segments: [g.slice(0, 3).join('-')] },
    { name: 'a non-hex digit', input: `access-sandbox-${UUID.slice(0, -1)}z`, kinds: ['uuid-not-hex'], segments: [g[4]!.slice(0, -1) + 'z'] },
    { name: 'uppercase hex', input: `access-sandbox-${UUID.toUpperCase()}`, kinds: ['uuid-uppercase'], segments: [UUID.toUpperCase()] },
    { name: 'version 0', input: `access-sandbox-${UUID.slice(0, 14)}0${UUID.slice(15)}`, kinds: ['uuid-version'], segments: ['0e8a'] },
    { name: 'version 7', input: `access-sandbox-${UUID.slice(0, 14)}7${UUID.slice(15)}`, kinds: ['uuid-version'], segments: ['7e8a'] },
    { name: 'variant e', input: `access-sandbox-${UUID.slice(0, 19)}e${UUID.slice(20)}`, kinds: ['uuid-variant'], segments: ['ec2b'] },
    { name: 'version and variant at once', input: `access-sandbox-${UUID.slice(0, 14)}6${UUID.slice(15, 19)}0${UUID.slice(20)}`, kinds: ['uuid-version', 'uuid-variant'], segments: ['6e8a', '0c2b'] },
    { name: 'no dashes', input: `access-sandbox-${UUID.replace(/-/g, '')}`, kinds: ['uuid-length'], segments: [UUID.replace(/-/g, '')] },
    { name: 'text after the UUID', input: `access-sandbox-${UUID}-copy`, kinds: ['trailing-text'], segments: ['-copy'] },
    { name: 'text after the token', input: `access-sandbox-${UUID} and more`, kinds: ['trailing-text'], segments: [' and more'] },
    { name: 'no type at all', input: '', kinds: ['unknown-type', 'unknown-environment', 'missing-uuid'], segments: ['', '', ''] },
  ];
  for (const row of rows) {
    test(`${row.name}: ${row.kinds.join(', ')}`, () => {
      const d = decodeToken(row.input);
      assert.deepStrictEqual(d.problems.map((p) => p.kind), row.kinds);
      assert.deepStrictEqual(d.problems.map((p) => row.input.slice(p.range.start, p.range.end)), row.segments);
      for (const p of d.problems) {
        assert.ok(p.range.start >= 0 && p.range.start <= p.range.end && p.range.end <= row.input.length, JSON.stringify(p.range));
        assert.ok(p.message.length > 0);
      }
      assert.strictEqual(d.valid, false);
      if (row.input.length >= 24) assertMasked(row.input, d);
      if (row.input.includes(UUID)) assertMasked(row.input, d, UUID);
    });
  }

  test('the rows cover every kind of problem the decoder knows', () => {
    // A Record over the union fails to compile when a new kind is added without a row here.
    const kinds: Record<TokenProblemKind, true> = {
      'unknown-type': true,
      'unknown-environment': true,
      'decommissioned-environment': true,
      'missing-uuid': true,
      'uuid-length': true,
      'uuid-not-hex': true,
      'uuid-uppercase': true,
      'uuid-version': true,
      'uuid-variant': true,
      'trailing-text': true,
    };
    const covered = new Set(rows.flatMap((r) => r.kinds));
    for (const kind of Object.keys(kinds)) assert.ok(covered.has(kind as TokenProblemKind), `no row for ${kind}`);
  });

  test('a version 1 UUID is reported as such', () => {
    assert.deepStrictEqual(decodeToken('access-sandbox-c0ffee12-3456-1abc-bdef-0123456789ab').uuid, { version: 1, variant: 'rfc4122' });
  });

  test('variants by their nibble', () => {
    const variantOf = (nibble: string) => decodeToken(`access-sandbox-${UUID.slice(0, 19)}${nibble}${UUID.slice(20)}`).uuid?.variant;
    assert.deepStrictEqual(['0', '7', '8', 'b', 'c', 'd', 'e', 'f'].map(variantOf), ['ncs', 'ncs', 'rfc4122', 'rfc4122', 'microsoft', 'microsoft', 'future', 'future']);
  });

  const labels: [variant: UuidVariant | null, label: string][] = [
    ['rfc4122', 'RFC 4122 variant'],
    ['ncs', 'NCS-reserved variant, not RFC 4122'],
    ['microsoft', 'Microsoft-reserved variant, not RFC 4122'],
    ['future', 'future-reserved variant, not RFC 4122'],
    [null, 'unknown variant'],
  ];
  for (const [variant, label] of labels) {
    test(`the ${variant ?? 'missing'} variant reads "${label}"`, () => assert.strictEqual(describeUuidVariant(variant), label));
  }

  test('surrounding whitespace is ignored', () => {
    const d = decodeToken(`  access-production-${UUID}\n`);
    assert.strictEqual(d.valid, true);
    assert.strictEqual(d.masked, 'access-production-…9b0c');
  });
});

suite('decodeToken: pasted secrets stay masked', () => {
  const inputs: [name: string, input: string, valid: boolean][] = [
    ['a bare secret', SECRET, false],
    ['a secret where the type should be', `${SECRET}-sandbox-${UUID}`, false],
    ['a secret where the environment should be', `access-${SECRET}-${UUID}`, false],
    ['a secret after a token', `access-sandbox-${UUID} ${SECRET}`, false],
    ['a secret as the tail', `access-sandbox-${SECRET}`, false],
    ['a long opaque tail', `credit-relay-production-${OPAQUE}${OPAQUE}`, true],
  ];
  for (const [name, input, valid] of inputs) {
    test(name, () => {
      const d = decodeToken(input);
      assertMasked(input, d);
      if (input.includes(SECRET)) {
        assert.ok(!JSON.stringify(d).includes(middle12(SECRET)), JSON.stringify(d));
        assert.ok(!JSON.stringify(d).includes(SECRET.slice(4, 26)), JSON.stringify(d));
      }
      assert.strictEqual(d.valid, valid);
    });
  }
});
