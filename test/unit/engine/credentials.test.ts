import * as assert from 'assert';
import { scan } from '../../../server/src/engine';
import { applyFix, assertRow, CLIENT_ID, CLIENT_ID2, only, SECRET, SECRET2, type Row } from './helpers';

const RULES = ['hardcoded-secret', 'hardcoded-client-id'] as const;
const MASKED_SECRET = '8f3b…0c9d';
const MASKED_CLIENT_ID = '5f1e…a5b4';

suite('hardcoded-secret: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a secret in a JavaScript file that mentions Plaid',
      file: 'server/plaid.js',
      text: `const { PlaidApi } = require('plaid');\nconst secret = '${SECRET}';`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['Hard-coded Plaid secret', MASKED_SECRET, 'in `secret`', 'PLAID_SECRET environment variable'] }],
    },
    {
      name: 'PLAID_SECRET in Python, the key naming Plaid',
      file: 'settings.py',
      text: `PLAID_SECRET = '${SECRET}'`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `PLAID_SECRET`'] }],
    },
    {
      name: 'a Go short variable declaration with a Plaid comment',
      file: 'main.go',
      text: `// Plaid credentials\nsecret := "${SECRET}"`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a Java field in a Plaid client',
      file: 'PlaidClient.java',
      text: `import com.plaid.client.ApiClient;\nprivate static final String SECRET = "${SECRET}";`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `SECRET`'] }],
    },
    {
      name: 'a Ruby keyword argument',
      file: 'lib/bank.rb',
      text: `Plaid::Configuration.new(secret: '${SECRET}')`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a hash-rocket key in Ruby',
      file: 'lib/bank.rb',
      text: `creds = { "plaid_secret" => "${SECRET}" }`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `plaid_secret`'] }],
    },
    {
      name: 'a nested YAML key under plaid',
      file: 'config/app.yaml',
      text: `plaid:\n  secret: ${SECRET}\n`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a JSON key',
      file: 'config.json',
      text: `{ "plaid": { "secret": "${SECRET}" } }`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a committed dotenv example',
      file: '.env.example',
      text: `PLAID_SECRET=${SECRET}\n`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a staging dotenv file, which is committed too',
      file: 'deploy/.env.staging',
      text: `PLAID_SANDBOX_SECRET="${SECRET2}"\n`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET2 }],
    },
    {
      name: 'a Markdown code span',
      file: 'docs/setup.md',
      text: `Then run \`PLAID_SECRET=${SECRET} npm start\`.`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'an exported shell variable',
      file: 'scripts/env.sh',
      text: `export PLAID_SECRET="${SECRET}"`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a TypeScript property in a Plaid configuration',
      file: 'src/plaid.ts',
      text: `new Configuration({ basePath: PlaidEnvironments.sandbox, baseOptions: { headers: { 'PLAID-SECRET': '${SECRET}' } } })`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `PLAID-SECRET`'] }],
    },
    {
      name: 'a JavaScript fallback after an environment read still ships the secret',
      file: 'plaid.js',
      text: `const secret = process.env.PLAID_SECRET || '${SECRET}';`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `process.env.PLAID_SECRET`'] }],
    },
    {
      name: 'a Python default of an environment read',
      file: 'config.py',
      text: `secret = os.getenv('PLAID_SECRET', '${SECRET}')`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a configured severity',
      file: 'a.py',
      text: `PLAID_SECRET = "${SECRET}"`,
      rules: { 'hardcoded-secret': 'warning' },
      expect: [{ rule: 'hardcoded-secret', severity: 'warning', flagged: SECRET }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('hardcoded-secret: not flagged', () => {
  const rows: Row[] = [
    { name: 'an environment read in JavaScript', file: 'plaid.js', text: "const secret = process.env.PLAID_SECRET; // plaid", expect: [] },
    { name: 'an environment read in Python', file: 'plaid.py', text: "PLAID_SECRET = os.environ['PLAID_SECRET']", expect: [] },
    { name: 'a hex secret with no Plaid context', file: 'app.go', text: `secret := "${SECRET}"`, expect: [] },
    { name: 'a hex value under a key that names no secret', file: 'plaid.ts', text: `const sha = '${SECRET}'; // plaid`, expect: [] },
    { name: 'a git SHA under a secret key', file: 'plaid.rb', text: "secret = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' # plaid", expect: [] },
    { name: 'a secret of the wrong length', file: 'plaid.py', text: `PLAID_SECRET = '${SECRET}ab'`, expect: [] },
    { name: 'uppercase hex', file: 'plaid.py', text: `PLAID_SECRET = '${SECRET.toUpperCase()}'`, expect: [] },
    { name: 'a low-entropy placeholder', file: 'plaid.yaml', text: 'plaid_secret: 000000000000000000000000000000', expect: [] },
    { name: 'a repeating placeholder', file: 'plaid.json', text: '{ "plaid_secret": "abababababababababababababab01" }', expect: [] },
    { name: 'the private dotenv file where it belongs', file: '.env', text: `PLAID_SECRET=${SECRET}`, expect: [] },
    { name: 'a private local dotenv file', file: 'app/.env.local', text: `PLAID_SECRET=${SECRET}`, expect: [] },
    { name: 'a private per-environment local dotenv file', file: '.env.production.local', text: `PLAID_SECRET=${SECRET}`, expect: [] },
    { name: 'a template placeholder in Markdown', file: 'README.md', text: 'Set `PLAID_SECRET=<your secret>` from the Plaid Dashboard.', expect: [] },
    { name: 'a Haskell signature near the word Plaid', file: 'Plaid.hs', text: ':: PlaidFunction -> Secret', expect: [] },
    { name: 'a secret embedded in a longer word', file: 'plaid.sh', text: `PLAID_SECRET=x${SECRET}`, expect: [] },
    { name: 'the rule turned off', file: 'a.py', text: `PLAID_SECRET = "${SECRET}"`, rules: { 'hardcoded-secret': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('hardcoded-client-id: flagged', () => {
  const rows: Row[] = [
    {
      name: 'clientId in TypeScript',
      file: 'src/plaid.ts',
      text: `const configuration = new Configuration({ basePath: PlaidEnvironments.sandbox });\nconst clientId = '${CLIENT_ID}';`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID, message: ['Hard-coded Plaid client ID', MASKED_CLIENT_ID, 'in `clientId`', 'PLAID_CLIENT_ID'] }],
    },
    {
      name: 'PLAID_CLIENT_ID in Python',
      file: 'settings.py',
      text: `PLAID_CLIENT_ID = "${CLIENT_ID}"`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a Go struct field in a Plaid file',
      file: 'plaid.go',
      text: `import "github.com/plaid/plaid-go/plaid"\ncfg := Config{ClientID: "${CLIENT_ID}"}`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID, message: ['in `ClientID`'] }],
    },
    {
      name: 'a Java builder call',
      file: 'Plaid.java',
      text: `// Plaid\napiKeys.put("clientId", "${CLIENT_ID}");`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a Ruby keyword argument',
      file: 'plaid.rb',
      text: `Plaid::Client.new(client_id: '${CLIENT_ID}')`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'YAML under plaid',
      file: 'config.yml',
      text: `plaid:\n  client_id: ${CLIENT_ID}\n`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a JSON key naming Plaid',
      file: 'settings.json',
      text: `{ "plaid_client_id": "${CLIENT_ID2}" }`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID2 }],
    },
    {
      name: 'a committed dotenv example',
      file: '.env.example',
      text: `PLAID_CLIENT_ID=${CLIENT_ID}`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a Markdown snippet',
      file: 'README.md',
      text: `export PLAID_CLIENT_ID=${CLIENT_ID}`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a curl header in shell',
      file: 'call.sh',
      text: `curl -H 'PLAID-CLIENT-ID: ${CLIENT_ID}' https://sandbox.plaid.com/item/get`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'both credentials in one JSON body, each with its rule',
      file: 'request.json',
      text: `{ "client_id": "${CLIENT_ID}", "secret": "${SECRET}", "note": "plaid" }`,
      expect: [
        { rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID },
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET },
      ],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('hardcoded-client-id: not flagged', () => {
  const rows: Row[] = [
    { name: 'a Mongo ObjectId under another key', file: 'plaid.ts', text: `const _id = new ObjectId('${CLIENT_ID}'); // plaid`, expect: [] },
    { name: 'a Mongo ObjectId in JSON', file: 'seed.json', text: `{ "_id": { "$oid": "${CLIENT_ID}" }, "bank": "plaid" }`, expect: [] },
    { name: 'a client id with no Plaid context', file: 'oauth.py', text: `CLIENT_ID = "${CLIENT_ID}"`, expect: [] },
    { name: 'an environment read in Go', file: 'plaid.go', text: 'clientID := os.Getenv("PLAID_CLIENT_ID")', expect: [] },
    { name: 'an environment read in Ruby', file: 'plaid.rb', text: "client_id: ENV['PLAID_CLIENT_ID']", expect: [] },
    { name: 'a CSS colour-like hex under a class key', file: 'plaid.css.json', text: `{ "plaid": 1, "className": "${CLIENT_ID}" }`, expect: [] },
    { name: 'a 24-hex value that is a request id', file: 'plaid.log.json', text: `{ "request_id": "${CLIENT_ID}" }`, expect: [] },
    { name: 'the private dotenv file', file: '.env', text: `PLAID_CLIENT_ID=${CLIENT_ID}`, expect: [] },
    { name: 'a placeholder in Markdown', file: 'README.md', text: 'PLAID_CLIENT_ID=your-client-id # from Plaid', expect: [] },
    { name: 'a low-entropy client id', file: 'plaid.yaml', text: 'client_id: 000000000000000000000001', expect: [] },
    { name: 'a git SHA prefix of the wrong length', file: 'plaid.java', text: 'String clientId = "a94a8fe5ccb19ba61c4c0873d3";', expect: [] },
    { name: 'the rule turned off', file: 'plaid.py', text: `PLAID_CLIENT_ID = "${CLIENT_ID}"`, rules: { 'hardcoded-client-id': 'off' }, expect: [] },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('credentials: move-to-env fixes', () => {
  const rows: { file: string; text: string; expected: string }[] = [
    { file: 'plaid.ts', text: `const secret = "${SECRET}"; // plaid`, expected: 'const secret = process.env.PLAID_SECRET; // plaid' },
    { file: 'plaid.py', text: `PLAID_SECRET = '${SECRET}'`, expected: 'PLAID_SECRET = os.environ["PLAID_SECRET"]' },
    { file: 'plaid.go', text: `secret := "${SECRET}" // plaid`, expected: 'secret := os.Getenv("PLAID_SECRET") // plaid' },
    { file: 'Plaid.java', text: `String plaidSecret = "${SECRET}";`, expected: 'String plaidSecret = System.getenv("PLAID_SECRET");' },
    { file: 'plaid.rb', text: `plaid_client_id = '${CLIENT_ID}'`, expected: 'plaid_client_id = ENV["PLAID_CLIENT_ID"]' },
    { file: 'plaid.sh', text: `PLAID_SECRET="${SECRET}"`, expected: 'PLAID_SECRET="$PLAID_SECRET"' },
  ];
  for (const row of rows) {
    test(`${row.file}: the fix reads the variable, and the fix data holds no value`, () => {
      const findings = scan(row.text, { fileName: row.file });
      assert.strictEqual(findings.length, 1);
      const f = findings[0]!;
      assert.strictEqual(applyFix(row.text, f.fix), row.expected);
      assert.ok(f.fix?.kind === 'move-to-env');
      assert.strictEqual(row.text.slice(f.fix.value.start, f.fix.value.end), f.rule === 'hardcoded-secret' ? SECRET : CLIENT_ID);
      assert.ok(!JSON.stringify(f.fix).includes(SECRET) && !JSON.stringify(f.fix).includes(CLIENT_ID));
    });
  }

  test('YAML, JSON and dotenv have no expression to read the environment, so no fix', () => {
    for (const [file, text] of [
      ['a.yaml', `plaid_secret: "${SECRET}"`],
      ['a.json', `{ "plaid_secret": "${SECRET}" }`],
      ['.env.example', `PLAID_SECRET="${SECRET}"`],
    ] as const) {
      const f = only(scan(text, { fileName: file }), 'hardcoded-secret');
      assert.strictEqual(f.fix, undefined, file);
    }
  });

  test('a default next to an environment read gets no fix, since reading the variable twice fixes nothing', () => {
    for (const [file, text] of [
      ['a.js', `const secret = process.env.PLAID_SECRET || '${SECRET}';`],
      ['a.ts', `const secret = process.env.PLAID_SECRET ?? "${SECRET}";`],
      ['a.py', `secret = os.environ.get("PLAID_SECRET") or "${SECRET}"`],
      ['a.py', `secret = os.getenv("PLAID_SECRET", "${SECRET}")`],
      ['a.rb', `secret = ENV.fetch("PLAID_SECRET", "${SECRET}")`],
    ] as const) {
      const f = only(scan(text, { fileName: file }), 'hardcoded-secret');
      assert.strictEqual(f.fix, undefined, text);
    }
  });

  test('a hex run inside the key is masked in the message', () => {
    const text = `plaid_secret_${SECRET2} = "${SECRET}"`;
    const f = only(scan(text, { fileName: 'a.py' }), 'hardcoded-secret');
    assert.ok(!f.message.includes(SECRET2.slice(9, 21)), f.message);
    assert.ok(!f.message.includes(SECRET.slice(9, 21)), f.message);
  });
});

suite('Credentials passed by position to a call named for them', () => {
  const rows: Row[] = [
    {
      name: 'plaid-java clientIdAndSecret: the first argument is the client ID, the second the secret',
      file: 'Bank.java',
      text: `PlaidClient.newBuilder().clientIdAndSecret("${CLIENT_ID}", "${SECRET}").build();`,
      expect: [
        { rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID, message: ['in `clientIdAndSecret`'] },
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `clientIdAndSecret`'] },
      ],
    },
    {
      name: 'a variable first, the secret second',
      file: 'Bank.java',
      text: `// plaid\nbuilder.clientIdAndSecret(clientId, '${SECRET}');`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a call that names one credential takes no positional guess',
      file: 'Bank.java',
      text: `// plaid\nbuilder.secretAndToken("${CLIENT_ID}", "${SECRET}");`,
      expect: [],
    },
    {
      name: 'swapped arguments: the secret is still found by its shape, the client ID in its place is not',
      file: 'Bank.java',
      text: `// plaid\nbuilder.clientIdAndSecret("${SECRET}", "${CLIENT_ID}");`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});
