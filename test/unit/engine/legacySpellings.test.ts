/**
 * Legacy SDK spellings of the Development environment (older plaid-node, plaid-python, plaid-ruby and plaid-java
 * releases, Plaid Link, react-plaid-link, Going.Plaid): flagged with a fix in the same SDK's spelling, and silent
 * where the same words belong to someone else.
 */
import * as assert from 'assert';
import { environmentEntries, scan } from '../../../server/src/engine';
import { applyFix, assertRow, replacementTexts, type Row } from './helpers';

const RULES = ['development-environment'] as const;

interface FixRow extends Row {
  /** The text after the Sandbox fix. */
  sandbox: string;
}

const dev = (flagged: string, ...message: string[]) => ({ rule: 'development-environment' as const, severity: 'error' as const, flagged, message });

suite('Legacy SDK spellings of Development: flagged, with a fix in the SDK’s spelling', () => {
  const rows: FixRow[] = [
    {
      name: 'plaid-node before 9.0.0: plaid.environments.development',
      file: 'server/plaid.js',
      text: `const client = new plaid.Client({ env: plaid.environments.development });`,
      expect: [dev('plaid.environments.development', 'The plaid-node constant', 'replaced in plaid-node 9.0.0')],
      sandbox: `const client = new plaid.Client({ env: plaid.environments.sandbox });`,
    },
    {
      name: 'plaid-node before 9.0.0, bracket form',
      file: 'server/plaid.ts',
      text: `export const client = new plaid.Client(id, secret, key, plaid.environments['development']);`,
      expect: [dev(`plaid.environments['development']`)],
      sandbox: `export const client = new plaid.Client(id, secret, key, plaid.environments['sandbox']);`,
    },
    {
      name: 'plaid-node before 9.0.0, module bound to a capitalised name',
      file: 'lib/bank.js',
      text: `var Plaid = require('plaid');\nvar env = Plaid.environments.development;`,
      expect: [dev('Plaid.environments.development')],
      sandbox: `var Plaid = require('plaid');\nvar env = Plaid.environments.sandbox;`,
    },
    {
      name: 'plaid-python before 8.0.0: environment= in plaid.Client(',
      file: 'bank.py',
      text: `client = plaid.Client(client_id=ID, secret=SECRET, environment='development')`,
      expect: [dev('development', 'The plaid-python option `environment`', 'replaced in plaid-python 8.0.0')],
      sandbox: `client = plaid.Client(client_id=ID, secret=SECRET, environment='sandbox')`,
    },
    {
      name: 'plaid-python before 8.0.0, Client imported, arguments over several lines',
      file: 'bank.py',
      text: `from plaid import Client\nclient = Client(\n    client_id=os.environ["PLAID_CLIENT_ID"],\n    environment="development",\n)`,
      expect: [dev('development')],
      sandbox: `from plaid import Client\nclient = Client(\n    client_id=os.environ["PLAID_CLIENT_ID"],\n    environment="sandbox",\n)`,
    },
    {
      name: 'plaid-ruby before 14.0.0: env: :development',
      file: 'config/initializers/plaid.rb',
      text: `PLAID = Plaid::Client.new(env: :development,\n                          client_id: ENV['PLAID_CLIENT_ID'])`,
      expect: [dev('development', 'The plaid-ruby option `env`', 'replaced in plaid-ruby 14.0.0')],
      sandbox: `PLAID = Plaid::Client.new(env: :sandbox,\n                          client_id: ENV['PLAID_CLIENT_ID'])`,
    },
    {
      name: 'plaid-ruby before 14.0.0, hash rocket and string',
      file: 'lib/bank.rb',
      text: `client = Plaid::Client.new(:client_id => id, :env => 'development')`,
      expect: [dev('development')],
      sandbox: `client = Plaid::Client.new(:client_id => id, :env => 'sandbox')`,
    },
    {
      name: 'plaid-java before 9.0.0: .developmentBaseUrl()',
      file: 'src/main/java/Bank.java',
      text: `PlaidClient client = PlaidClient.newBuilder()\n    .clientIdAndSecret(id, secret)\n    .developmentBaseUrl()\n    .build();`,
      expect: [dev('.developmentBaseUrl()', 'The plaid-java constant', 'replaced in plaid-java 9.0.0')],
      sandbox: `PlaidClient client = PlaidClient.newBuilder()\n    .clientIdAndSecret(id, secret)\n    .sandboxBaseUrl()\n    .build();`,
    },
    {
      name: 'Plaid Link: env in Plaid.create({…})',
      file: 'public/link.js',
      text: `const handler = Plaid.create({\n  clientName: 'Budget',\n  env: 'development',\n  onSuccess: (token) => send(token),\n});`,
      expect: [dev('development', 'The Plaid Link option `env`')],
      sandbox: `const handler = Plaid.create({\n  clientName: 'Budget',\n  env: 'sandbox',\n  onSuccess: (token) => send(token),\n});`,
    },
    {
      name: 'react-plaid-link: env="development" on <PlaidLink>',
      file: 'src/Connect.jsx',
      text: `<PlaidLink\n  clientName="Budget"\n  onSuccess={(token) => send(token)}\n  env="development"\n>\n  Connect\n</PlaidLink>`,
      expect: [dev('development', 'The react-plaid-link option `env`')],
      sandbox: `<PlaidLink\n  clientName="Budget"\n  onSuccess={(token) => send(token)}\n  env="sandbox"\n>\n  Connect\n</PlaidLink>`,
    },
    {
      name: 'react-plaid-link: a config passed straight to usePlaidLink',
      file: 'src/useBank.ts',
      text: `const { open } = usePlaidLink({ token: null, env: 'development', onSuccess });`,
      expect: [dev('development')],
      sandbox: `const { open } = usePlaidLink({ token: null, env: 'sandbox', onSuccess });`,
    },
    {
      name: 'react-plaid-link: a Link config object built before the hook call',
      file: 'src/Bank.jsx',
      text: `const config = {
  clientName: 'Budget',
  env: 'development',
  publicKey: PUBLIC_KEY,
  onSuccess,
};
const { open } = usePlaidLink(config);`,
      expect: [dev('development')],
      sandbox: `const config = {
  clientName: 'Budget',
  env: 'sandbox',
  publicKey: PUBLIC_KEY,
  onSuccess,
};
const { open } = usePlaidLink(config);`,
    },
    {
      name: 'Going.Plaid in C#, fully qualified under its former name',
      file: 'Jobs/Sync.cs',
      text: `var env = Acklann.Plaid.Environment.Development;`,
      expect: [dev('Acklann.Plaid.Environment.Development', 'The Going.Plaid constant')],
      sandbox: `var env = Acklann.Plaid.Environment.Sandbox;`,
    },
    {
      name: 'Going.Plaid in C#: Environment.Development',
      file: 'Startup.cs',
      text: `using Going.Plaid;\nvar client = new PlaidClient(Environment.Development, clientId: id, secret: secret);`,
      expect: [dev('Environment.Development', 'The Going.Plaid constant')],
      sandbox: `using Going.Plaid;\nvar client = new PlaidClient(Environment.Sandbox, clientId: id, secret: secret);`,
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const [finding] = assertRow(row, RULES);
      assert.deepStrictEqual(replacementTexts(finding!.fix).map((t) => t.toLowerCase()), ['production', 'sandbox']);
      const fixed = applyFix(row.text, finding!.fix, 1);
      assert.strictEqual(fixed, row.sandbox);
      assert.deepStrictEqual(scan(fixed, { fileName: row.file }).filter((f) => f.rule === 'development-environment'), []);
    });
  }
});

suite('Current SDK constants written as top-level paths', () => {
  test('a constant read through the module object is Plaid’s; through another object it is not', () => {
    const text = `const a = plaid.PlaidEnvironments.development;\nconst b = config.PlaidEnvironments.development;`;
    const found = scan(text, { fileName: 'plaid.js' }).filter((f) => f.rule === 'development-environment');
    assert.deepStrictEqual(found.map((f) => text.slice(f.range.start, f.range.end)), ['plaid.PlaidEnvironments.development']);
    assert.ok(found[0]!.range.start < text.indexOf('\n'));
  });

  test('a top-level ::Plaid path is Plaid’s own; another namespace’s is not', () => {
    const text = `a = ::Plaid::Configuration::Environment["development"]\nb = Acme::Plaid::Configuration::Environment["development"]`;
    const found = scan(text, { fileName: 'client.rb' }).filter((f) => f.rule === 'development-environment');
    assert.deepStrictEqual(found.map((f) => text.slice(f.range.start, f.range.end)), ['Plaid::Configuration::Environment["development"]']);
    assert.ok(found[0]!.range.start < text.indexOf('\n'));
  });
});

suite('Legacy SDK spellings of Development: silent', () => {
  const rows: Row[] = [
    { name: 'Sentry’s environment option', file: 'app.py', text: `# uses plaid\nsentry_sdk.init(dsn=DSN, environment='development')`, expect: [] },
    { name: 'a Ruby config hash that is not Plaid’s', file: 'config.rb', text: `# plaid sync\nDEFAULTS = { port: 8080, env: :development }`, expect: [] },
    { name: 'another client’s constructor', file: 'bank.py', text: `import plaid\nclient = HttpClient(environment='development')`, expect: [] },
    { name: 'a closed Plaid call before the option', file: 'link.js', text: `Plaid.create({ token });\nconst webpack = { env: 'development' };`, expect: [] },
    { name: 'a closed <PlaidLink> tag before the option', file: 'App.jsx', text: `<PlaidLink token={t} />\n<Sentry env="development" />`, expect: [] },
    { name: 'a builder method without the dot', file: 'Platform.kt', text: `// plaid\nfun developmentBaseUrl() = "http://localhost:8081"`, expect: [] },
    { name: 'another getter that ends alike', file: 'Api.cs', text: `// Plaid\nstring baseUrl = GetDevelopmentBaseUrl();`, expect: [] },
    { name: 'a config member chain', file: 'config.js', text: `// plaid\nconst url = config.environments.development.url;`, expect: [] },
    { name: 'the environment read from a variable', file: 'plaid.rb', text: `Plaid::Client.new(env: ENV['PLAID_ENV'].to_sym, client_id: id)`, expect: [] },
    { name: 'Sandbox in every legacy spelling', file: 'bank.js', text: `plaid.environments.sandbox; Plaid.create({ env: 'sandbox' }); plaid.Client(environment='sandbox')`, expect: [] },
    { name: 'a config object without Link keys', file: 'build.js', text: `// plaid
const config = { env: 'development', products: ['auth'] };`, expect: [] },
    { name: 'the option in a nested object of a Link config', file: 'link.js', text: `// plaid
const c = { publicKey: K, sentry: { env: 'development' }, x: 1 };`, expect: [] },
    { name: 'a Development enum in a file that never mentions Plaid', file: 'Env.cs', text: `var env = Environment.Development;`, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('Legacy SDK spellings: glossary', () => {
  const development = environmentEntries.find((e) => e.environment.status === 'decommissioned')!;
  const legacy = development.environment.legacySpellings ?? [];

  test('Should record the SDK releases that replaced the legacy spellings', () => {
    const removed = Object.fromEntries(legacy.filter((l) => l.removedIn).map((l) => [l.sdk, l.removedIn]));
    assert.deepStrictEqual(removed, { 'plaid-node': '9.0.0', 'plaid-java': '9.0.0', 'plaid-python': '8.0.0', 'plaid-ruby': '14.0.0' });
  });

  test('Should give every legacy constant a Sandbox and a Production counterpart of the same SDK', () => {
    for (const l of legacy.filter((x) => x.constant !== undefined)) {
      for (const id of ['sandbox', 'production']) {
        const env = environmentEntries.find((e) => e.id === id)!;
        const wanted = l.constant!.toLowerCase().replace('development', id);
        const counterpart = env.environment.legacySpellings?.find((x) => x.sdk === l.sdk && x.constant?.toLowerCase() === wanted);
        assert.ok(counterpart, `${id} lacks ${l.sdk}'s ${wanted}`);
      }
    }
  });

  test('Should name a call for every legacy option', () => {
    for (const l of legacy.filter((x) => x.option !== undefined)) assert.ok((l.calls ?? []).length > 0, l.sdk);
  });
});

suite('Legacy Link public keys: not secrets', () => {
  const KEY = 'e1d2c3b4a5968778695a4b3c2d1e0f';
  const rows: Row[] = [
    { name: 'PLAID_PUBLIC_KEY in a committed dotenv file', file: '.env.example', text: `PLAID_PUBLIC_KEY=${KEY}\n`, expect: [] },
    { name: 'public_key in a plaid-ruby call', file: 'bank.rb', text: `Plaid::Client.new(env: :sandbox, public_key: '${KEY}')`, expect: [] },
    { name: 'publicKey on <PlaidLink>', file: 'Link.jsx', text: `<PlaidLink env="sandbox" publicKey="${KEY}" />`, expect: [] },
    { name: '.publicKey( in a plaid-java builder', file: 'Bank.java', text: `PlaidClient.newBuilder().publicKey("${KEY}").sandboxBaseUrl().build();`, expect: [] },
    { name: 'a public key in a Kubernetes env list', file: 'k8s.yaml', text: `- name: PLAID_PUBLIC_KEY\n  value: "${KEY}"\n`, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, ['hardcoded-secret', 'hardcoded-client-id']));
});
