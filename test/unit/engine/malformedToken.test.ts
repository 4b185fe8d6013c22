import * as assert from 'assert';
import { scan } from '../../../server/src/engine';
import { applyFix, assertRow, flaggedText, only, replacementTexts, UUID, type Row } from './helpers';

const RULE = ['malformed-token'] as const;
const UPPER = UUID.toUpperCase();

suite('malformed-token: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a misspelt type in TypeScript',
      file: 'src/plaid.ts',
      text: `const token = 'acess-sandbox-${UUID}';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'acess', message: ['`acess` is not a Plaid token type', 'did you mean `access`?'] }],
    },
    {
      name: 'a misspelt public type in Python',
      file: 'app/link.py',
      text: `public_token = "pubic-sandbox-${UUID}"`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'pubic', message: ['did you mean `public`?'] }],
    },
    {
      name: 'a misspelt processor type in Go',
      file: 'bank/processor.go',
      text: `tok := "procesor-production-${UUID}"`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'procesor', message: ['did you mean `processor`?'] }],
    },
    {
      name: 'a capitalised type in Java',
      file: 'src/main/java/Bank.java',
      text: `String token = "Access-sandbox-${UUID}";`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'Access', message: ['did you mean `access`?'] }],
    },
    {
      name: 'an abbreviated environment in Ruby',
      file: 'lib/bank.rb',
      text: `access_token = 'access-prod-${UUID}'`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'prod', message: ['`prod` is not a Plaid environment', 'did you mean `production`?'] }],
    },
    {
      name: 'a shorthand environment in YAML',
      file: 'config/plaid.yml',
      text: `plaid:\n  access_token: access-sbx-${UUID}\n`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'sbx', message: ['did you mean `sandbox`?'] }],
    },
    {
      name: 'an uppercase UUID in JSON',
      file: 'fixtures/item.json',
      text: `{ "access_token": "access-sandbox-${UPPER}" }`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: UPPER, message: ['uppercase', 'lowercase hex'] }],
    },
    {
      name: 'a truncated UUID in a committed dotenv example',
      file: '.env.example',
      text: 'PLAID_ACCESS_TOKEN=access-sandbox-4f2a9c1e-7b3d-4e8a-9c2b\n',
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '4f2a9c1e-7b3d-4e8a-9c2b', message: ['truncated', '8-4-4-4 where 8-4-4-4-12'] }],
    },
    {
      name: 'a misspelt environment in Markdown prose',
      file: 'docs/testing.md',
      text: `Use the token link-sandbx-${UUID} from the fixtures.`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'sandbx', message: ['did you mean `sandbox`?'] }],
    },
    {
      name: 'a word tail where a shell command passes a token',
      file: 'scripts/balance.sh',
      text: `curl -d '{"access_token":"access-sandbox-xyz"}' https://sandbox.plaid.com/accounts/balance/get`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'xyz', message: ['the tail is not a UUID'] }],
    },
    {
      name: 'a version 7 UUID in a TypeScript token variable',
      file: 'src/item.ts',
      text: `const accessToken = "access-sandbox-4f2a9c1e-7b3d-7e8a-9c2b-1d3e5f7a9b0c";`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '7e8a', message: ['version digit is `7`'] }],
    },
    {
      name: 'a Microsoft-variant UUID in Python',
      file: 'tests/test_item.py',
      text: `ACCESS_TOKEN = 'access-production-4f2a9c1e-7b3d-4e8a-cc2b-1d3e5f7a9b0c'`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'cc2b', message: ['variant digit is `c`'] }],
    },
    {
      name: '`dev` in a private dotenv file, pointing at the running environments',
      file: '.env',
      text: `PLAID_ACCESS_TOKEN=access-dev-${UUID}\n`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'dev', message: ['`production` or `sandbox`'] }],
    },
    {
      name: 'a misspelt type and a broken UUID at once, each on its own segment',
      file: 'src/both.js',
      text: `const t = "acess-sandbox-${UUID.slice(0, 14)}7${UUID.slice(15)}";`,
      expect: [
        { rule: 'malformed-token', severity: 'warning', flagged: 'acess', message: ['did you mean `access`?'] },
        { rule: 'malformed-token', severity: 'warning', flagged: '7e8a', message: ['version digit is `7`'] },
      ],
    },
    {
      name: 'a misspelt asset report type shadowed by no other reading',
      file: 'src/assets.ts',
      text: `const t = 'assets-report-sandbox-${UUID}';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'assets-report', message: ['did you mean `asset-report`?'] }],
    },
    {
      name: 'a configured severity',
      file: 'src/config.ts',
      text: `const t = 'acess-sandbox-${UUID}';`,
      rules: { 'malformed-token': 'error' },
      expect: [{ rule: 'malformed-token', severity: 'error', flagged: 'acess' }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});

suite('malformed-token: not flagged', () => {
  const rows: Row[] = [
    { name: 'a template-literal interpolation', file: 'src/a.ts', text: 'const t = `access-sandbox-${id}`;', expect: [] },
    { name: 'a `<uuid>` placeholder in prose', file: 'README.md', text: 'Tokens look like `access-sandbox-<uuid>`.', expect: [] },
    { name: 'a glob in prose', file: 'docs/logs.md', text: 'Search the logs for access-sandbox-* entries.', expect: [] },
    { name: 'an ellipsis placeholder in JSON', file: 'docs/example.json', text: '{ "access_token": "access-sandbox-..." }', expect: [] },
    { name: 'an x-placeholder UUID in YAML', file: 'openapi.yml', text: 'access_token: access-sandbox-xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx', expect: [] },
    { name: 'a CSS class that looks like a token', file: 'src/Banner.tsx', text: '<div className="link-production-banner">', expect: [] },
    { name: 'an HTTP header name', file: 'server.js', text: "res.setHeader('access-control-allow-origin', '*');", expect: [] },
    { name: 'the Sandbox base URL', file: 'client.py', text: 'host = "https://sandbox.plaid.com"', expect: [] },
    { name: 'an npm package name', file: 'src/kit.ts', text: "import kit from 'link-development-kit';", expect: [] },
    { name: 'a kebab-case slug outside a token variable', file: 'main.go', text: 'slug := "public-sandbox-guide"', expect: [] },
    { name: 'an environment read in Ruby', file: 'lib/item.rb', text: "access_token = ENV['PLAID_ACCESS_TOKEN']", expect: [] },
    { name: 'a well-formed token in Java', file: 'Item.java', text: `String t = "access-sandbox-${UUID}";`, expect: [] },
    { name: 'a credit-relay token whose tail is not a UUID', file: 'relay.ts', text: "const relay_token = 'credit-relay-sandbox-Q2FYZ5XKM3BC';", expect: [] },
    { name: 'an audit copy token with an opaque tail', file: 'audit.py', text: 'audit_copy_token = "a-production-ZmFrZXRva2Vu"', expect: [] },
    { name: 'a payment identifier', file: 'pay.rb', text: "payment_id = 'payment-id-sandbox-feed1234'", expect: [] },
    { name: 'a prefix check with no tail', file: 'check.sh', text: 'grep -r "access-sandbox-" logs/', expect: [] },
    { name: 'a type that is no Plaid type nor close to one', file: 'a.ts', text: `const t = 'xyzzy-sandbox-${UUID}';`, expect: [] },
    { name: 'an environment that is no Plaid environment nor close to one', file: 'a.ts', text: `const t = 'access-staging-${UUID}';`, expect: [] },
    { name: 'a type and an environment both misspelt: too far from a token to be sure', file: 'a.js', text: `const t = "acess-prod-${UUID}";`, expect: [] },
    { name: 'an all-zero UUID placeholder in prose', file: 'docs/a.md', text: 'access-sandbox-00000000-0000-0000-0000-000000000000', expect: [] },
    { name: 'a token prefix in a startsWith check', file: 'a.ts', text: "if (accessToken.startsWith('access-sandbox-')) {}", expect: [] },
    { name: 'the rule turned off', file: 'a.ts', text: `const t = 'acess-sandbox-${UUID}';`, rules: { 'malformed-token': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});

suite('malformed-token: typos in the type', () => {
  const rows: [typo: string, fixed: string][] = [
    ['acess', 'access'],
    ['acces', 'access'],
    ['Access', 'access'],
    ['ACCESS', 'access'],
    ['pubic', 'public'],
    ['publc', 'public'],
    ['procesor', 'processor'],
    ['proccessor', 'processor'],
    ['lnk', 'link'],
    ['usr', 'user'],
    ['asset-reprt', 'asset-report'],
    ['third-party-usr', 'third-party-user'],
    ['payment-tokn', 'payment-token'],
  ];
  for (const [typo, fixed] of rows) {
    test(`\`${typo}\` is flagged on the type, and the fix writes \`${fixed}\``, () => {
      const text = `token = "${typo}-sandbox-${UUID}"`;
      const f = only(scan(text, { fileName: 'a.py' }), 'malformed-token');
      assert.strictEqual(flaggedText(text, f), typo);
      assert.ok(f.message.includes(`did you mean \`${fixed}\`?`), f.message);
      assert.deepStrictEqual(replacementTexts(f.fix), [fixed]);
      const repaired = applyFix(text, f.fix);
      assert.strictEqual(repaired, `token = "${fixed}-sandbox-${UUID}"`);
      assert.deepStrictEqual(scan(repaired, { fileName: 'a.py' }).filter((x) => x.rule === 'malformed-token'), []);
    });
  }
});

suite('malformed-token: typos in the environment', () => {
  const rows: [typo: string, suggestions: string[]][] = [
    ['prod', ['production']],
    ['prd', ['production']],
    ['producton', ['production']],
    ['Production', ['production']],
    ['sbx', ['sandbox']],
    ['sb', ['sandbox']],
    ['sandbx', ['sandbox']],
    ['SANDBOX', ['sandbox']],
    ['dev', ['production', 'sandbox']],
    ['develpment', ['production', 'sandbox']],
    ['Development', ['production', 'sandbox']],
  ];
  for (const [typo, suggestions] of rows) {
    test(`\`${typo}\` suggests ${suggestions.join(' and ')}, never development`, () => {
      const text = `const accessToken = 'access-${typo}-${UUID}';`;
      const f = only(scan(text, { fileName: 'a.ts' }), 'malformed-token');
      assert.strictEqual(flaggedText(text, f), typo);
      assert.ok(!/`development`/.test(f.message), f.message);
      assert.deepStrictEqual(replacementTexts(f.fix).sort(), [...suggestions].sort());
      assert.ok(f.fix?.kind === 'replace' && f.fix.replacements.every((r) => r.preferred === (suggestions.length === 1)));
      suggestions.forEach((env, i) => {
        const chosen = replacementTexts(f.fix)[i]!;
        assert.strictEqual(applyFix(text, f.fix, i), `const accessToken = 'access-${chosen}-${UUID}';`, env);
      });
    });
  }
});

suite('malformed-token: every UUID defect', () => {
  interface Defect {
    name: string;
    tail: string;
    flagged: string;
    message: string;
    /** The tail after applying the fix, when the defect has one. */
    fixed?: string;
  }
  const g = UUID.split('-');
  const defects: Defect[] = [
    { name: 'truncated to four groups', tail: g.slice(0, 4).join('-'), flagged: g.slice(0, 4).join('-'), message: 'truncated: 8-4-4-4 where' },
    { name: 'a short last group', tail: UUID.slice(0, -1), flagged: UUID.slice(0, -1), message: 'groups are 8-4-4-4-11' },
    { name: 'a long last group of hex', tail: UUID + 'a', flagged: UUID + 'a', message: 'groups are 8-4-4-4-13' },
    { name: 'non-hex letters', tail: UUID.slice(0, -2) + 'zz', flagged: g[4]!.slice(0, -2) + 'zz', message: '`z`, which is not a hexadecimal digit' },
    { name: 'a non-hex letter in the first group', tail: 'g' + UUID.slice(1), flagged: 'g' + g[0]!.slice(1), message: '`g`' },
    { name: 'uppercase hex', tail: UPPER, flagged: UPPER, message: 'uppercase', fixed: UUID },
    { name: 'partly uppercase hex', tail: UUID.slice(0, 9) + g[1]!.toUpperCase() + UUID.slice(13), flagged: UUID.slice(0, 9) + g[1]!.toUpperCase() + UUID.slice(13), message: 'uppercase', fixed: UUID },
    { name: 'version 0', tail: withVersion('0'), flagged: '0e8a', message: 'version digit is `0`' },
    { name: 'version 6', tail: withVersion('6'), flagged: '6e8a', message: 'version digit is `6`' },
    { name: 'version 7', tail: withVersion('7'), flagged: '7e8a', message: 'version digit is `7`' },
    { name: 'version f', tail: withVersion('f'), flagged: 'fe8a', message: 'version digit is `f`' },
    { name: 'variant c', tail: withVariant('c'), flagged: 'cc2b', message: 'variant digit is `c`' },
    { name: 'variant e', tail: withVariant('e'), flagged: 'ec2b', message: 'variant digit is `e`' },
    { name: 'variant 0', tail: withVariant('0'), flagged: '0c2b', message: 'variant digit is `0`' },
    { name: 'no dashes', tail: UUID.replace(/-/g, ''), flagged: UUID.replace(/-/g, ''), message: 'no dashes' },
    { name: 'trailing text after a dash', tail: UUID + '-copy', flagged: '-copy', message: 'text follows the UUID' },
    { name: 'trailing text glued on', tail: UUID + 'extra', flagged: 'extra', message: 'text follows the UUID' },
  ];
  for (const d of defects) {
    test(`${d.name}: the range covers the faulty segment`, () => {
      const text = `const access_token = "access-sandbox-${d.tail}";`;
      const f = only(scan(text, { fileName: 'item.ts' }), 'malformed-token');
      assert.strictEqual(flaggedText(text, f), d.flagged);
      assert.ok(f.message.includes(d.message), f.message);
      assert.ok(f.message.startsWith('Malformed Plaid token access-sandbox-…'), f.message);
      if (d.fixed !== undefined) {
        assert.strictEqual(f.fix?.kind, 'lowercase');
        assert.strictEqual(applyFix(text, f.fix), `const access_token = "access-sandbox-${d.fixed}";`);
      } else {
        assert.strictEqual(f.fix, undefined);
      }
    });
  }

  test('a lowercase fix carries only a range, never the value', () => {
    const text = `token: "access-sandbox-${UPPER}"`;
    const f = only(scan(text, { fileName: 'a.yaml' }), 'malformed-token');
    assert.ok(f.fix?.kind === 'lowercase');
    assert.ok(!JSON.stringify(f.fix).includes(UPPER.slice(9, 30)));
    assert.deepStrictEqual(Object.keys(f.fix).sort(), ['kind', 'range', 'title']);
  });

  test('a well-formed version 1 UUID with variant b is fine', () => {
    const text = `access_token = "access-sandbox-${'c0ffee12-3456-1abc-bdef-0123456789ab'}"`;
    assert.deepStrictEqual(scan(text, { fileName: 'a.py' }).filter((f) => f.rule === 'malformed-token'), []);
  });
});

function withVersion(nibble: string): string {
  return UUID.slice(0, 14) + nibble + UUID.slice(15);
}

function withVariant(nibble: string): string {
  return UUID.slice(0, 19) + nibble + UUID.slice(20);
}
