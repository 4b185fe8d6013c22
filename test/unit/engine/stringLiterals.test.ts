/**
 * Text inside string literals (`\n`, `\r\n` and `\"` escapes, as tests write `.env` files and JSON bodies), and one
 * verdict per token literal: a broken token is malformed, not also a working credential.
 */
import * as assert from 'assert';
import { scan } from '../../../server/src/engine';
import { assertRow, SECRET, UUID, type Row } from './helpers';

const ALL = ['malformed-token', 'development-environment', 'hardcoded-secret', 'hardcoded-client-id', 'hardcoded-token', 'expiring-token', 'environment-mismatch'] as const;

suite('Escapes inside string literals: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a .env file written by a test: the \\n escape starts the next line',
      file: 'test/config.test.ts',
      text: `writeFileSync(path, 'PLAID_CLIENT_ID=cid\\nPLAID_ENV=development\\n');`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a \\r\\n escape',
      file: 'tests/test_config.py',
      text: `env_file.write_text("PLAID_PRODUCTS=auth\\r\\nPLAID_ENV=development\\r\\n")`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a secret after a \\n escape, named by the key on its own escaped line',
      file: 'test/env.test.js',
      text: `// plaid\nconst dotenv = "PLAID_ENV=sandbox\\nPLAID_SECRET=${SECRET}\\n";`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `PLAID_SECRET`'] }],
    },
    {
      name: 'escaped JSON: an ordinary word under an escaped public_token key is a malformed token',
      file: 'test/exchange.test.ts',
      text: `const body = "{\\"public_token\\":\\"public-sandbox-abc\\"}";`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'abc' }],
    },
    {
      name: 'escaped JSON: a well-formed public token',
      file: 'test/exchange.test.ts',
      text: `const body = "{\\"public_token\\":\\"public-sandbox-${UUID}\\"}";`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: `public-sandbox-${UUID}` }],
    },
    {
      name: 'escaped JSON: a secret under an escaped key',
      file: 'test/client.test.js',
      text: `// Plaid\nmock.reply(200, "{\\"secret\\":\\"${SECRET}\\"}");`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'escaped JSON: PLAID_ENV under escaped quotes',
      file: 'test/settings.test.js',
      text: `const settings = "{\\"PLAID_ENV\\":\\"development\\"}";`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a bare token key, as a PHP property',
      file: 'tests/SourceTest.php',
      text: `$source->token = 'processor-sandbox-abc123';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'abc123' }],
    },
    {
      name: 'a bare token key in an object',
      file: 'test/link.test.js',
      text: `mock.resolve({ token: 'link-sandbox-abc' });`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'abc' }],
    },
    {
      name: 'a token after a \\n escape keeps its own type',
      file: 'test/env.test.js',
      text: `const env = "A=1\\naccess-production-${UUID}";`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: `access-production-${UUID}` }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, ALL));

  test('a whole token followed by an ellipsis is still a token', () => {
    const text = `token = "access-production-${UUID}..."`;
    assert.deepStrictEqual(scan(text, { fileName: 'a.py' }).map((f) => f.rule), ['hardcoded-token']);
  });

  test('getenv with a token key and a default still names a token', () => {
    const text = `token = os.getenv('PLAID_ACCESS_TOKEN', 'access-sandbox-placeholder')`;
    assert.deepStrictEqual(scan(text, { fileName: 'a.py' }).map((f) => f.rule), ['malformed-token']);
  });

  test('a move-to-environment fix never replaces an escaped quote', () => {
    const text = `const body = "{\\"access_token\\":\\"access-production-${UUID}\\"}";`;
    const finding = scan(text, { fileName: 'a.js' }).find((f) => f.rule === 'hardcoded-token');
    assert.ok(finding);
    assert.strictEqual(finding.fix, undefined);
  });
});

suite('Escapes inside string literals: silent', () => {
  const rows: Row[] = [
    { name: 'NODE_ENV after a \\n escape', file: 'a.test.js', text: `// plaid\nwrite(".env", "A=1\\nNODE_ENV=development\\n");`, expect: [] },
    { name: 'a variable whose name ends in PLAID_ENV', file: 'a.test.js', text: `write("A=1\\nMY_PLAID_ENV_NOTE=development\\n");`, expect: [] },
    { name: 'PLAID_ENV set to sandbox in escaped JSON', file: 'a.test.js', text: `"{\\"PLAID_ENV\\":\\"sandbox\\"}"`, expect: [] },
    { name: 'an escaped key that is not a token', file: 'a.test.js', text: `"{\\"label\\":\\"public-sandbox-abc\\"}"`, expect: [] },
    { name: 'an argument of a function named for tokens', file: 'crypto.test.ts', text: `const ct = encryptToken("access-sandbox-abc123");`, expect: [] },
    { name: 'words in 8-4-4-4 groups and a short last group are no UUID attempt', file: 'a.css', text: `.link-sandbox-mainmenu-item-left-side-12 { color: red }`, expect: [] },
    { name: 'a name that only starts with token is no token key', file: 'a.js', text: `const tokenizer = 'link-sandbox-abc';`, expect: [] },
    { name: 'a subscript compared with a value is no key', file: 'test_parse.py', text: `self.assertEqual(parsed['PLAID_ACCESS_TOKEN'], 'access-sandbox-test')`, expect: [] },
    { name: 'an abbreviated token followed by an ellipsis', file: 'README.md', text: '```json\n{ "link_token": "link-sandbox-xyz..." }\n```', expect: [] },
    { name: 'a truncated UUID followed by an ellipsis', file: 'notes.md', text: 'The item uses `access_token: access-sandbox-4f2a9c1e…`.', expect: [] },
    { name: 'a \\n escape before a CSS class name', file: 'a.js', text: `html += "\\nlink-production-banner";`, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, ALL));
});

suite('One verdict per token literal', () => {
  const rows: Row[] = [
    {
      name: 'a truncated UUID is malformed only',
      file: 'test/items.test.js',
      text: `const accessToken = 'access-production-4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a' }],
    },
    {
      name: 'non-hex characters are malformed only',
      file: 'test/items.test.js',
      text: `const accessToken = 'access-sandbox-4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a9bzz';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '1d3e5f7a9bzz' }],
    },
    {
      name: 'a wrong version is malformed only',
      file: 'test/items.test.js',
      text: `const accessToken = 'access-production-4f2a9c1e-7b3d-9e8a-9c2b-1d3e5f7a9b0c';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '9e8a' }],
    },
    {
      name: 'a wrong variant is malformed only',
      file: 'tests/test_plaid.py',
      text: `mock.return_value = {'access_token': 'access-sandbox-12345678-1234-1234-1234-123456789012'}`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: '1234' }],
    },
    {
      name: 'an uppercase UUID is malformed only',
      file: 'link.test.ts',
      text: `const t = 'link-sandbox-${UUID.toUpperCase()}';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: UUID.toUpperCase() }],
    },
    {
      name: 'two hex groups in a test are malformed only',
      file: 'test/items.test.js',
      text: `const accessToken = 'access-production-deadbeef-cafe';`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'deadbeef-cafe' }],
    },
    {
      name: 'a short last group with letters that are not hex, in a comment: still a UUID attempt',
      file: 'auth.js',
      text: `// For example: access-sandbox-7c69d345-hda9-ka68-ahs3-e9317406a2`,
      expect: [
        { rule: 'malformed-token', severity: 'warning', flagged: '7c69d345-hda9-ka68-ahs3-e9317406a2' },
        { rule: 'malformed-token', severity: 'warning', flagged: 'hda9' },
      ],
    },
    {
      name: 'a broken Development token: malformed and development-environment, nothing else',
      file: 'jobs/sync.js',
      text: `const token = 'access-development-4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a';`,
      expect: [
        { rule: 'development-environment', severity: 'error', flagged: 'development' },
        { rule: 'malformed-token', severity: 'warning', flagged: '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a' },
      ],
    },
    {
      name: 'a broken token from another environment: malformed and environment-mismatch',
      file: 'server/plaid.ts',
      text: `const basePath = PlaidEnvironments.sandbox;\nconst t = 'access-production-4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a';`,
      expect: [
        { rule: 'environment-mismatch', severity: 'warning', flagged: 'production' },
        { rule: 'malformed-token', severity: 'warning', flagged: '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a' },
      ],
    },
    {
      name: 'a well-formed token keeps hardcoded-token',
      file: 'jobs/sync.js',
      text: `const token = 'access-production-${UUID}';`,
      expect: [{ rule: 'hardcoded-token', severity: 'error', flagged: `access-production-${UUID}` }],
    },
    {
      name: 'a well-formed public token keeps expiring-token',
      file: 'link.test.ts',
      text: `const t = 'public-sandbox-${UUID}';`,
      expect: [{ rule: 'expiring-token', severity: 'warning', flagged: `public-sandbox-${UUID}` }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, ALL));

  test('a broken token stays a single verdict with malformed-token turned off', () => {
    const text = `const accessToken = 'access-production-4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a';`;
    assert.deepStrictEqual(scan(text, { fileName: 'a.js', rules: { 'malformed-token': 'off' } }), []);
  });
});
