import { assertRow, UUID, type Row } from './helpers';

const RULE = ['environment-mismatch'] as const;
const tok = (type: string, env: string) => `${type}-${env}-${UUID}`;

suite('environment-mismatch: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a Production token in a Sandbox-configured TypeScript file',
      file: 'src/plaid.ts',
      text: `const configuration = new Configuration({ basePath: PlaidEnvironments.sandbox });\nconst t = '${tok('access', 'production')}';`,
      expect: [{
        rule: 'environment-mismatch',
        severity: 'warning',
        flagged: 'production',
        message: ['access-production-…9b0c belongs to production', 'this file configures sandbox (`PlaidEnvironments.sandbox`)', 'only works in the environment that created it'],
      }],
    },
    {
      name: 'a Sandbox token in a Production-configured JavaScript file',
      file: 'plaid.js',
      text: `const basePath = PlaidEnvironments.production;\nconst t = "${tok('public', 'sandbox')}";`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox', message: ['configures production'] }],
    },
    {
      name: 'plaid-python with the full constant',
      file: 'app.py',
      text: `configuration = plaid.Configuration(host=plaid.Environment.Sandbox)\ntoken = '${tok('link', 'production')}'`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production', message: ['`plaid.Environment.Sandbox`'] }],
    },
    {
      name: 'plaid-python with the imported short constant',
      file: 'app.py',
      text: `from plaid import Environment\nhost = Environment.Production\ntoken = '${tok('access', 'sandbox')}'`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox', message: ['`Environment.Production`'] }],
    },
    {
      name: 'plaid-go',
      file: 'main.go',
      text: `configuration.UseEnvironment(plaid.Production)\ntok := "${tok('processor', 'sandbox')}"`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox', message: ['`plaid.Production`'] }],
    },
    {
      name: 'plaid-java',
      file: 'Bank.java',
      text: `apiClient.setPlaidAdapter(ApiClient.Sandbox);\nString t = "${tok('user', 'production')}";`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production', message: ['`ApiClient.Sandbox`'] }],
    },
    {
      name: 'plaid-ruby',
      file: 'plaid.rb',
      text: `configuration.server_index = Plaid::Configuration::Environment["production"]\nt = '${tok('access', 'sandbox')}'`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox' }],
    },
    {
      name: 'a base URL in YAML',
      file: 'plaid.yaml',
      text: `plaid:\n  base_url: https://sandbox.plaid.com\n  access_token: ${tok('access', 'production')}\n`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production', message: ['`sandbox.plaid.com`'] }],
    },
    {
      name: 'a base URL in JSON',
      file: 'plaid.json',
      text: `{ "url": "https://production.plaid.com", "token": "${tok('link', 'sandbox')}" }`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox' }],
    },
    {
      name: 'a committed dotenv example',
      file: '.env.example',
      text: `PLAID_BASE_URL=https://sandbox.plaid.com\nPLAID_ACCESS_TOKEN=${tok('access', 'production')}`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production' }],
    },
    {
      name: 'a shell script',
      file: 'get.sh',
      text: `curl https://production.plaid.com/item/get -d '{"access_token":"${tok('access', 'sandbox')}"}'`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'sandbox' }],
    },
    {
      name: 'Markdown prose',
      file: 'README.md',
      text: `Our Plaid host is https://sandbox.plaid.com; the demo item is ${tok('access', 'production')}.`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production' }],
    },
    {
      name: 'a third-party user token',
      file: 'partner.ts',
      text: `const basePath = PlaidEnvironments.sandbox;\nconst t = '${tok('third-party-user', 'production')}';`,
      expect: [{ rule: 'environment-mismatch', severity: 'warning', flagged: 'production' }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});

suite('environment-mismatch: not flagged', () => {
  const rows: Row[] = [
    { name: 'a token of the configured environment', file: 'a.ts', text: `PlaidEnvironments.sandbox;\nconst t = '${tok('access', 'sandbox')}';`, expect: [] },
    { name: 'a file that configures nothing', file: 'a.ts', text: `const t = '${tok('access', 'production')}';`, expect: [] },
    { name: 'a file that chooses at run time', file: 'a.js', text: `const basePath = PlaidEnvironments[process.env.PLAID_ENV];\nconst t = '${tok('access', 'production')}';`, expect: [] },
    { name: 'a switch over both environments', file: 'a.py', text: `hosts = {"s": "https://sandbox.plaid.com", "p": "https://production.plaid.com"}\nt = "${tok('access', 'production')}"`, expect: [] },
    { name: 'a bracketed constant of the same environment', file: 'a.js', text: `const basePath = PlaidEnvironments['sandbox'];\nconst t = '${tok('access', 'sandbox')}';`, expect: [] },
    { name: 'a placeholder token', file: 'a.md', text: 'Plaid host https://sandbox.plaid.com, token access-production-<uuid>.', expect: [] },
    { name: 'a malformed environment', file: 'a.ts', text: `PlaidEnvironments.sandbox;\nconst t = '${tok('access', 'prod')}';`, expect: [] },
    { name: 'a Development token, reported by development-environment instead', file: 'a.ts', text: `PlaidEnvironments.sandbox;\nconst t = '${tok('access', 'development')}';`, expect: [] },
    { name: 'an unknown type', file: 'a.ts', text: `PlaidEnvironments.sandbox;\nconst t = '${tok('acess', 'production')}';`, expect: [] },
    { name: 'a slug in a Sandbox file', file: 'a.rb', text: "Plaid::Configuration::Environment['sandbox']\nget '/link-production-banner'", expect: [] },
    { name: 'the rule turned off', file: 'a.ts', text: `PlaidEnvironments.sandbox;\nconst t = '${tok('access', 'production')}';`, rules: { 'environment-mismatch': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULE));
});
