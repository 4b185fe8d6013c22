import * as assert from 'assert';
import { scan } from '../../../server/src/engine';
import { applyFix, assertRow, only, UUID, UUID2, type Row } from './helpers';

const RULES = ['hardcoded-token', 'expiring-token'] as const;
const tok = (type: string, env: string, uuid = UUID) => `${type}-${env}-${uuid}`;

suite('hardcoded-token: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a Sandbox access token in TypeScript is a warning',
      file: 'src/item.ts',
      text: `const accessToken = '${tok('access', 'sandbox')}';`,
      expect: [{ rule: 'hardcoded-token', severity: 'warning', flagged: tok('access', 'sandbox'), message: ['Hard-coded access token access-sandbox-…9b0c', 'never expires', 'PLAID_ACCESS_TOKEN'] }],
    },
    {
      name: 'a Production access token in Python is an error',
      file: 'jobs/sync.py',
      text: `ACCESS_TOKEN = "${tok('access', 'production')}"`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('access', 'production'), message: ['access-production-…9b0c'] }],
    },
    {
      name: 'a Sandbox processor token in Go',
      file: 'stripe.go',
      text: `processorToken := "${tok('processor', 'sandbox')}"`,
      expect: [{ rule: 'hardcoded-token', severity: 'warning', flagged: tok('processor', 'sandbox'), message: ['processor token', 'PLAID_PROCESSOR_TOKEN'] }],
    },
    {
      name: 'a Production user token in Java',
      file: 'Users.java',
      text: `String userToken = "${tok('user', 'production')}";`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('user', 'production'), message: ['user token', 'PLAID_USER_TOKEN'] }],
    },
    {
      name: 'an asset-report token in Ruby',
      file: 'reports.rb',
      text: `asset_report_token = '${tok('asset-report', 'sandbox')}'`,
      expect: [{ rule: 'hardcoded-token', severity: 'warning', flagged: tok('asset-report', 'sandbox'), message: ['asset report token', 'PLAID_ASSET_REPORT_TOKEN'] }],
    },
    {
      name: 'an assets-prefixed asset report token in YAML',
      file: 'fixtures.yml',
      text: `report: ${tok('assets', 'production')}\n`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('assets', 'production'), message: ['asset report token'] }],
    },
    {
      name: 'a third-party user token in JSON',
      file: 'partner.json',
      text: `{ "third_party_user_token": "${tok('third-party-user', 'sandbox')}" }`,
      expect: [{ rule: 'hardcoded-token', severity: 'warning', flagged: tok('third-party-user', 'sandbox'), message: ['user token'] }],
    },
    {
      name: 'a committed dotenv example',
      file: '.env.example',
      text: `PLAID_ACCESS_TOKEN=${tok('access', 'production')}\n`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('access', 'production') }],
    },
    {
      name: 'a Sandbox token pasted into Markdown',
      file: 'docs/debug.md',
      text: `The failing item uses ${tok('access', 'sandbox')}.`,
      expect: [{ rule: 'hardcoded-token', severity: 'warning', flagged: tok('access', 'sandbox') }],
    },
    {
      name: 'a token in a shell curl body',
      file: 'scripts/get.sh',
      text: `curl -d '{"access_token": "${tok('access', 'production', UUID2)}"}' https://production.plaid.com/item/get`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('access', 'production', UUID2), message: ['access-production-…89ab'] }],
    },
    {
      name: 'a Development token is an error',
      file: 'legacy.js',
      text: `const t = "${tok('access', 'development')}";`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('access', 'development') }],
    },
    {
      name: 'a configured severity overrides the Sandbox warning',
      file: 'src/item.ts',
      text: `const t = '${tok('access', 'sandbox')}';`,
      rules: { 'hardcoded-token': 'error' },
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: tok('access', 'sandbox') }],
    },
    {
      name: 'a configured severity overrides the Production error',
      file: 'test/item.test.ts',
      text: `const t = '${tok('access', 'production')}';`,
      rules: { 'hardcoded-token': 'hint' },
      expect: [{ rule: 'hardcoded-token', severity: 'hint', flagged: tok('access', 'production') }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('hardcoded-token: not flagged', () => {
  const rows: Row[] = [
    { name: 'an environment read in JavaScript', file: 'a.js', text: 'const accessToken = process.env.PLAID_ACCESS_TOKEN;', expect: [] },
    { name: 'an environment read in Python', file: 'a.py', text: "access_token = os.environ['PLAID_ACCESS_TOKEN']", expect: [] },
    { name: 'an environment read in Go', file: 'a.go', text: 'accessToken := os.Getenv("PLAID_ACCESS_TOKEN")', expect: [] },
    { name: 'a template interpolation', file: 'a.ts', text: 'const t = `access-sandbox-${uuid}`;', expect: [] },
    { name: 'a placeholder in Markdown', file: 'a.md', text: 'Tokens look like access-production-<uuid>.', expect: [] },
    { name: 'a glob in Markdown', file: 'a.md', text: 'Rotate every access-production-* token.', expect: [] },
    { name: 'the private dotenv file where it belongs', file: '.env', text: `PLAID_ACCESS_TOKEN=${tok('access', 'production')}`, expect: [] },
    { name: 'a private local dotenv file', file: 'api/.env.local', text: `ACCESS_TOKEN=${tok('access', 'sandbox')}`, expect: [] },
    { name: 'a UUID alone', file: 'a.java', text: `String id = "${UUID}";`, expect: [] },
    { name: 'a CSS class', file: 'a.css', text: '.access-sandbox-panel { display: none }', expect: [] },
    { name: 'a kebab-case route', file: 'routes.rb', text: "get '/user-production-settings'", expect: [] },
    { name: 'an audit copy token, whose tail is opaque', file: 'a.yaml', text: 'audit_copy_token: a-production-3TAU2CWVYBDVRHUCAAAI27ULU4', expect: [] },
    { name: 'a payment identifier', file: 'a.json', text: '{ "payment_id": "payment-id-sandbox-feed1234-ab" }', expect: [] },
    { name: 'a malformed type, which malformed-token reports instead', file: 'a.ts', text: `const t = '${tok('acess', 'sandbox')}';`, expect: [] },
    { name: 'the rule turned off', file: 'a.ts', text: `const t = '${tok('access', 'production')}';`, rules: { 'hardcoded-token': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('expiring-token: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a public token in TypeScript',
      file: 'src/link.ts',
      text: `const publicToken = '${tok('public', 'sandbox')}';`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('public', 'sandbox'), message: ['Hard-coded public token public-sandbox-…9b0c', 'after 30 minutes', 'Create one at run time'] }],
    },
    {
      name: 'a link token in Python',
      file: 'link.py',
      text: `link_token = "${tok('link', 'production')}"`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('link', 'production'), message: ['link token', 'after 4 hours (30 minutes in update mode)'] }],
    },
    {
      name: 'a public token in Go',
      file: 'exchange.go',
      text: `req := plaid.NewItemPublicTokenExchangeRequest("${tok('public', 'production')}")`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('public', 'production') }],
    },
    {
      name: 'a link token in Java',
      file: 'Link.java',
      text: `String linkToken = "${tok('link', 'sandbox')}";`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('link', 'sandbox') }],
    },
    {
      name: 'a public token in Ruby',
      file: 'exchange.rb',
      text: `request = Plaid::ItemPublicTokenExchangeRequest.new(public_token: '${tok('public', 'sandbox')}')`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('public', 'sandbox') }],
    },
    {
      name: 'a link token in YAML',
      file: 'test/fixtures/link.yml',
      text: `link_token: ${tok('link', 'sandbox')}`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('link', 'sandbox') }],
    },
    {
      name: 'a public token in JSON',
      file: 'mock/exchange.json',
      text: `{ "public_token": "${tok('public', 'sandbox', UUID2)}" }`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('public', 'sandbox', UUID2) }],
    },
    {
      name: 'a link token in a staging dotenv file',
      file: '.env.staging',
      text: `PLAID_LINK_TOKEN=${tok('link', 'production')}`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('link', 'production') }],
    },
    {
      name: 'a public token in Markdown',
      file: 'docs/flow.md',
      text: `Exchange ${tok('public', 'sandbox')} for an access token.`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('public', 'sandbox') }],
    },
    {
      name: 'a link token in shell',
      file: 'open-link.sh',
      text: `open "https://cdn.plaid.com/link/v2/stable/link.html?token=${tok('link', 'sandbox')}"`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: tok('link', 'sandbox') }],
    },
    {
      name: 'a configured severity',
      file: 'a.ts',
      text: `const t = '${tok('public', 'sandbox')}';`,
      rules: { 'expiring-token': 'info' },
      expect: [{ rule: 'expiring-token', severity: 'info', flagged: tok('public', 'sandbox') }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('expiring-token: not flagged', () => {
  const rows: Row[] = [
    { name: 'a public token from the client', file: 'a.ts', text: 'const publicToken = req.body.public_token;', expect: [] },
    { name: 'a link token read from the environment', file: 'a.py', text: "link_token = os.getenv('PLAID_LINK_TOKEN')", expect: [] },
    { name: 'a CSS class', file: 'Link.tsx', text: '<Banner className="link-production-banner" />', expect: [] },
    { name: 'an npm package name', file: 'a.js', text: "require('link-development-kit')", expect: [] },
    { name: 'a slug', file: 'a.go', text: 'path := "/docs/public-sandbox-guide"', expect: [] },
    { name: 'a placeholder', file: 'a.md', text: 'Pass `public-sandbox-<uuid>` to the exchange.', expect: [] },
    { name: 'an x placeholder', file: 'a.yaml', text: 'public_token: public-sandbox-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', expect: [] },
    { name: 'an interpolation in Ruby', file: 'a.rb', text: 'token = "link-sandbox-#{uuid}"', expect: [] },
    { name: 'the private dotenv file', file: '.env', text: `PLAID_LINK_TOKEN=${tok('link', 'sandbox')}`, expect: [] },
    { name: 'a header name', file: 'a.java', text: 'headers.add("access-control-allow-origin", "*");', expect: [] },
    { name: 'the Sandbox host', file: 'a.sh', text: 'curl https://sandbox.plaid.com/link/token/create', expect: [] },
    { name: 'the rule turned off', file: 'a.ts', text: `const t = '${tok('public', 'sandbox')}';`, rules: { 'expiring-token': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('hardcoded-token: move-to-env fixes', () => {
  const rows: { file: string; text: string; expected: string }[] = [
    { file: 'a.ts', text: `const t = "${tok('access', 'sandbox')}";`, expected: 'const t = process.env.PLAID_ACCESS_TOKEN;' },
    { file: 'a.py', text: `t = '${tok('processor', 'production')}'`, expected: 't = os.environ["PLAID_PROCESSOR_TOKEN"]' },
    { file: 'a.go', text: `t := "${tok('user', 'sandbox')}"`, expected: 't := os.Getenv("PLAID_USER_TOKEN")' },
    { file: 'A.java', text: `String t = "${tok('asset-report', 'production')}";`, expected: 'String t = System.getenv("PLAID_ASSET_REPORT_TOKEN");' },
    { file: 'a.rb', text: `t = '${tok('access', 'production')}'`, expected: 't = ENV["PLAID_ACCESS_TOKEN"]' },
  ];
  for (const row of rows) {
    test(`${row.file}: the fix replaces the quoted literal with an environment read`, () => {
      const f = only(scan(row.text, { fileName: row.file }), 'hardcoded-token');
      assert.strictEqual(applyFix(row.text, f.fix), row.expected);
      assert.ok(!JSON.stringify(f.fix).includes(UUID));
    });
  }

  test('an unquoted token has no fix, since there is no literal to replace', () => {
    const f = only(scan(`token: ${tok('access', 'sandbox')}`, { fileName: 'a.yaml' }), 'hardcoded-token');
    assert.strictEqual(f.fix, undefined);
  });

  test('every token finding carries the masked token for hovers', () => {
    const text = `a = "${tok('access', 'sandbox')}"\nb = "${tok('link', 'production')}"`;
    const refs = scan(text, { fileName: 'a.py' }).map((f) => f.token);
    assert.deepStrictEqual(refs.map((r) => r?.masked), ['access-sandbox-…9b0c', 'link-production-…9b0c']);
    assert.deepStrictEqual(refs.map((r) => r?.type), ['access', 'link']);
  });
});
