import * as assert from 'assert';
import { environmentEntries, scan } from '../../../server/src/engine';
import { applyFix, assertRow, flaggedText, only, replacementTexts, UUID, type Row } from './helpers';

const RULE = ['development-environment'] as const;
const DECOMMISSIONED = 'decommissioned on 2024-06-20';

suite('development-environment: flagged', () => {
  const rows: Row[] = [
    {
      name: 'the Development base URL in TypeScript',
      file: 'src/client.ts',
      text: "const basePath = 'https://development.plaid.com';",
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'https://development.plaid.com', message: ['`development.plaid.com`', DECOMMISSIONED, 'https://sandbox.plaid.com', 'https://production.plaid.com'] }],
    },
    {
      name: 'the base URL without a scheme in Go',
      file: 'plaid.go',
      text: 'host := "development.plaid.com"',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development.plaid.com' }],
    },
    {
      name: 'the base URL in Markdown, gentler as prose',
      file: 'README.md',
      text: 'Point the client at https://development.plaid.com while testing.',
      expect: [{ rule: 'development-environment', severity: 'warning', flagged: 'https://development.plaid.com', message: [DECOMMISSIONED] }],
    },
    {
      name: 'the base URL in a plain-text note',
      file: 'NOTES.txt',
      text: 'old host: http://development.plaid.com/item/get',
      expect: [{ rule: 'development-environment', severity: 'warning', flagged: 'http://development.plaid.com' }],
    },
    {
      name: 'a Development access token in Python',
      file: 'app.py',
      text: `ACCESS = "access-development-${UUID}"`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['access-development-…9b0c', 'belongs to the Development environment', 'no longer works'] }],
    },
    {
      name: 'a Development link token in Java',
      file: 'Link.java',
      text: `String linkToken = "link-development-${UUID}";`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'PLAID_ENV in a private dotenv file',
      file: '.env',
      text: 'PLAID_CLIENT_ID=\nPLAID_ENV=development\n',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['The setting `PLAID_ENV` = `development`'] }],
    },
    {
      name: 'plaid_env in YAML',
      file: 'config/settings.yaml',
      text: 'plaid_env: development\n',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['`plaid_env`'] }],
    },
    {
      name: 'PLAID_ENVIRONMENT in JSON',
      file: 'config.json',
      text: '{ "PLAID_ENVIRONMENT": "development" }',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['`PLAID_ENVIRONMENT`'] }],
    },
    {
      name: 'plaidEnv assigned in JavaScript',
      file: 'config.js',
      text: "const plaidEnv = 'development';",
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['`plaidEnv`'] }],
    },
    {
      name: 'an exported PLAID_ENV in shell',
      file: 'scripts/dev.sh',
      text: 'export PLAID_ENV=development',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a shell default value',
      file: 'scripts/run.sh',
      text: 'ENV="${PLAID_ENV:-development}"',
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'the fallback of an environment read in Python',
      file: 'server.py',
      text: "PLAID_ENV = os.getenv('PLAID_ENV', 'development')",
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'the fallback of an environment read in Ruby',
      file: 'config.rb',
      text: "env = ENV['PLAID_ENV'] || 'development'",
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'the fallback of an environment read in JavaScript',
      file: 'index.js',
      text: "const env = process.env.PLAID_ENV ?? 'development';",
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'PLAID_ENV in Markdown, gentler as prose',
      file: 'docs/setup.md',
      text: 'Set `PLAID_ENV=development` in your shell.',
      expect: [{ rule: 'development-environment', severity: 'warning', flagged: 'development' }],
    },
    {
      name: 'a configured severity wins over the prose default',
      file: 'README.md',
      text: 'https://development.plaid.com',
      rules: { 'development-environment': 'info' },
      expect: [{ rule: 'development-environment', severity: 'info', flagged: 'https://development.plaid.com' }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});

suite('development-environment: not flagged', () => {
  const rows: Row[] = [
    { name: 'the Sandbox and Production base URLs', file: 'a.py', text: 'urls = ["https://sandbox.plaid.com", "https://production.plaid.com"]', expect: [] },
    { name: 'NODE_ENV set to development', file: 'a.js', text: "process.env.NODE_ENV = 'development';", expect: [] },
    { name: 'RAILS_ENV in YAML', file: 'docker-compose.yml', text: 'RAILS_ENV: development', expect: [] },
    { name: 'a comparison with development', file: 'a.ts', text: "if (process.env.PLAID_ENV === 'development') {}", expect: [] },
    { name: 'an environment read without a fallback', file: 'a.go', text: 'env := os.Getenv("PLAID_ENV")', expect: [] },
    { name: 'an npm package name', file: 'a.ts', text: "import kit from 'link-development-kit';", expect: [] },
    { name: 'a Development slug that is no token', file: 'a.md', text: 'See the public-development-guide page.', expect: [] },
    { name: 'a look-alike host', file: 'a.md', text: 'Mirror at https://mydevelopment.plaid.com and https://development.plaid.community', expect: [] },
    { name: 'the Sandbox SDK constants', file: 'a.ts', text: 'PlaidEnvironments.sandbox; plaid.Environment.Sandbox; ApiClient.Production; plaid.Production', expect: [] },
    { name: 'an ApiClient.Development enum outside Plaid code', file: 'Deploy.java', text: 'client.setStage(ApiClient.Development);', expect: [] },
    { name: 'an Environment.Development enum outside Plaid code', file: 'stages.py', text: 'stage = Environment.Development', expect: [] },
    { name: 'a Development placeholder token', file: 'a.md', text: 'access-development-<uuid>', expect: [] },
    { name: 'a templated Development token', file: 'a.ts', text: 'const t = `access-development-${uuid}`;', expect: [] },
    { name: 'a setting named otherwise', file: '.env.example', text: 'APP_ENV=development', expect: [] },
    { name: 'the rule turned off', file: 'a.ts', text: "const u = 'https://development.plaid.com';", rules: { 'development-environment': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});

suite('development-environment: SDK constants and their fixes', () => {
  interface Constant {
    name: string;
    file: string;
    text: string;
    flagged: string;
    sdk: string;
    /** The text after each fix, Production first, then Sandbox. */
    fixed: [string, string];
  }
  const rows: Constant[] = [
    {
      name: 'plaid-node PlaidEnvironments.development',
      file: 'src/plaid.ts',
      text: 'new Configuration({ basePath: PlaidEnvironments.development })',
      flagged: 'PlaidEnvironments.development',
      sdk: 'plaid-node',
      fixed: ['new Configuration({ basePath: PlaidEnvironments.production })', 'new Configuration({ basePath: PlaidEnvironments.sandbox })'],
    },
    {
      name: 'plaid-node constant in a minified bundle, right after a colon',
      file: 'dist/app.min.js',
      text: 'const c={basePath:PlaidEnvironments.development};',
      flagged: 'PlaidEnvironments.development',
      sdk: 'plaid-node',
      fixed: ['const c={basePath:PlaidEnvironments.production};', 'const c={basePath:PlaidEnvironments.sandbox};'],
    },
    {
      name: "plaid-node PlaidEnvironments['development']",
      file: 'src/plaid.js',
      text: "const basePath = PlaidEnvironments['development'];",
      flagged: "PlaidEnvironments['development']",
      sdk: 'plaid-node',
      fixed: ["const basePath = PlaidEnvironments['production'];", "const basePath = PlaidEnvironments['sandbox'];"],
    },
    {
      name: 'plaid-node PlaidEnvironments["development"]',
      file: 'src/plaid.js',
      text: 'const basePath = PlaidEnvironments["development"];',
      flagged: 'PlaidEnvironments["development"]',
      sdk: 'plaid-node',
      fixed: ['const basePath = PlaidEnvironments["production"];', 'const basePath = PlaidEnvironments["sandbox"];'],
    },
    {
      name: 'plaid-python plaid.Environment.Development',
      file: 'app.py',
      text: 'configuration = plaid.Configuration(host=plaid.Environment.Development)',
      flagged: 'plaid.Environment.Development',
      sdk: 'plaid-python',
      fixed: ['configuration = plaid.Configuration(host=plaid.Environment.Production)', 'configuration = plaid.Configuration(host=plaid.Environment.Sandbox)'],
    },
    {
      name: 'plaid-python Environment.Development after an import',
      file: 'app.py',
      text: 'from plaid import Environment\nhost = Environment.Development',
      flagged: 'Environment.Development',
      sdk: 'plaid-python',
      fixed: ['from plaid import Environment\nhost = Environment.Production', 'from plaid import Environment\nhost = Environment.Sandbox'],
    },
    {
      name: 'plaid-ruby Environment["development"]',
      file: 'config/plaid.rb',
      text: 'configuration.server_index = Plaid::Configuration::Environment["development"]',
      flagged: 'Plaid::Configuration::Environment["development"]',
      sdk: 'plaid-ruby',
      fixed: [
        'configuration.server_index = Plaid::Configuration::Environment["production"]',
        'configuration.server_index = Plaid::Configuration::Environment["sandbox"]',
      ],
    },
    {
      name: "plaid-ruby Environment['development']",
      file: 'config/plaid.rb',
      text: "configuration.server_index = Plaid::Configuration::Environment['development']",
      flagged: "Plaid::Configuration::Environment['development']",
      sdk: 'plaid-ruby',
      fixed: [
        "configuration.server_index = Plaid::Configuration::Environment['production']",
        "configuration.server_index = Plaid::Configuration::Environment['sandbox']",
      ],
    },
    {
      name: 'plaid-go plaid.Development',
      file: 'main.go',
      text: 'configuration.UseEnvironment(plaid.Development)',
      flagged: 'plaid.Development',
      sdk: 'plaid-go',
      fixed: ['configuration.UseEnvironment(plaid.Production)', 'configuration.UseEnvironment(plaid.Sandbox)'],
    },
    {
      name: 'plaid-java ApiClient.Development',
      file: 'PlaidConfig.java',
      text: 'import com.plaid.client.ApiClient;\napiClient.setPlaidAdapter(ApiClient.Development);',
      flagged: 'ApiClient.Development',
      sdk: 'plaid-java',
      fixed: [
        'import com.plaid.client.ApiClient;\napiClient.setPlaidAdapter(ApiClient.Production);',
        'import com.plaid.client.ApiClient;\napiClient.setPlaidAdapter(ApiClient.Sandbox);',
      ],
    },
  ];
  for (const row of rows) {
    test(`${row.name} is an error, and each fix swaps in a running environment`, () => {
      const f = only(scan(row.text, { fileName: row.file }), 'development-environment');
      assert.strictEqual(flaggedText(row.text, f), row.flagged);
      assert.strictEqual(f.severity, 'error');
      assert.strictEqual(f.deprecated, true);
      assert.ok(f.message.includes(`The ${row.sdk} constant \`${row.flagged}\``), f.message);
      assert.ok(f.message.includes(DECOMMISSIONED), f.message);
      assert.strictEqual(applyFix(row.text, f.fix, 0), row.fixed[0]);
      assert.strictEqual(applyFix(row.text, f.fix, 1), row.fixed[1]);
      for (const fixed of row.fixed) {
        assert.deepStrictEqual(scan(fixed, { fileName: row.file }).filter((x) => x.rule === 'development-environment'), []);
      }
    });
  }

  test('every Development constant in the glossary is covered by a row', () => {
    const dev = environmentEntries.find((e) => e.environment.status === 'decommissioned');
    assert.ok(dev?.environment.sdkConstants);
    for (const c of dev.environment.sdkConstants) {
      assert.ok(rows.some((r) => r.flagged === c.constant), `no row for ${c.constant}`);
    }
  });

  test('URL, token and setting fixes offer exactly the running environments', () => {
    const text = `url = "https://development.plaid.com"\nPLAID_ENV = "development"\nt = "access-development-${UUID}"`;
    const found = scan(text, { fileName: 'a.py' }).filter((f) => f.rule === 'development-environment');
    assert.strictEqual(found.length, 3);
    for (const f of found) {
      assert.deepStrictEqual(replacementTexts(f.fix), ['production', 'sandbox']);
    }
    assert.strictEqual(applyFix(text, found[0]!.fix, 1).split('\n')[0], 'url = "https://sandbox.plaid.com"');
    assert.strictEqual(applyFix(text, found[1]!.fix, 0).split('\n')[1], 'PLAID_ENV = "production"');
    assert.strictEqual(applyFix(text, found[2]!.fix, 1).split('\n')[2], `t = "access-sandbox-${UUID}"`);
  });
});
