'use strict';
/**
 * Fixture files full of planted values, one per language and the way each language writes credentials and tokens,
 * plus broken `.plaidlens.json` files that hold secret-looking strings where an error message would quote them.
 */

/** One fixture: where it goes, the editor's language id, and how it writes a credential pair and some tokens. */
const LANGUAGES = [
  {
    file: 'src/plaid.js',
    languageId: 'javascript',
    write: ({ clientId, secret }, tokens) =>
      [
        `// Plaid client for the API server.`,
        `const { Configuration, PlaidApi, PlaidEnvironments } = require('plaid');`,
        `const configuration = new Configuration({`,
        `  basePath: PlaidEnvironments.sandbox,`,
        `  baseOptions: { headers: { 'PLAID-CLIENT-ID': '${clientId}', 'PLAID-SECRET': '${secret}' } },`,
        `});`,
        `const tokens = {`,
        ...tokens.map((t, i) => `  t${i}: '${t}',`),
        `};`,
        `module.exports = { plaid: new PlaidApi(configuration), tokens };`,
      ].join('\n'),
  },
  {
    file: 'src/config.ts',
    languageId: 'typescript',
    write: ({ clientId, secret }, tokens) =>
      [
        `import { PlaidApi } from 'plaid';`,
        `export const plaidClientId: string = "${clientId}";`,
        'export const plaidSecret = `' + secret + '`;',
        `export const fixtures: string[] = [`,
        ...tokens.map((t) => `  "${t}",`),
        `];`,
        `await client.itemGet({ access_token: "${tokens[0]}" });`,
      ].join('\n'),
  },
  {
    file: 'app/settings.py',
    languageId: 'python',
    write: ({ clientId, secret }, tokens) =>
      [
        `import plaid`,
        `PLAID_CLIENT_ID = "${clientId}"`,
        `PLAID_SECRET = '${secret}'`,
        `TOKENS = [`,
        ...tokens.map((t) => `    "${t}",  # saved from the dashboard`),
        `]`,
        `response = client.item_get({"access_token": '${tokens[0]}'})`,
      ].join('\n'),
  },
  {
    file: 'cmd/main.go',
    languageId: 'go',
    write: ({ clientId, secret }, tokens) =>
      [
        `package main`,
        ``,
        `import plaid "github.com/plaid/plaid-go/v29/plaid"`,
        ``,
        `const plaidClientID = "${clientId}"`,
        ``,
        `func configure(c *plaid.Configuration) {`,
        `\tc.AddDefaultHeader("PLAID-SECRET", "${secret}")`,
        `}`,
        ``,
        `var tokens = []string{`,
        ...tokens.map((t, i) => (i % 2 === 0 ? `\t"${t}",` : `\t\`${t}\`,`)),
        `}`,
      ].join('\n'),
  },
  {
    file: 'src/main/java/PlaidConfig.java',
    languageId: 'java',
    write: ({ clientId, secret }, tokens) =>
      [
        `import com.plaid.client.ApiClient;`,
        `class PlaidConfig {`,
        `  private static final String PLAID_CLIENT_ID = "${clientId}";`,
        `  private static final String PLAID_SECRET = "${secret}";`,
        ...tokens.map((t, i) => `  static final String TOKEN_${i} = "${t}";`),
        `}`,
      ].join('\n'),
  },
  {
    file: 'lib/plaid.rb',
    languageId: 'ruby',
    write: ({ clientId, secret }, tokens) =>
      [
        `require 'plaid'`,
        `configuration = Plaid::Configuration.new`,
        `configuration.api_key["PLAID-CLIENT-ID"] = "${clientId}"`,
        `configuration.api_key["PLAID-SECRET"] = '${secret}'`,
        ...tokens.map((t, i) => `TOKEN_${i} = '${t}'.freeze`),
      ].join('\n'),
  },
  {
    file: 'scripts/setup.sh',
    languageId: 'shellscript',
    write: ({ clientId, secret }, tokens) =>
      [
        `#!/usr/bin/env bash`,
        `# Calls Plaid by hand.`,
        `export PLAID_CLIENT_ID=${clientId}`,
        `export PLAID_SECRET="${secret}"`,
        ...tokens.map((t) => `curl -s -d '{"access_token": "${t}"}' https://sandbox.plaid.com/item/get`),
      ].join('\n'),
  },
  {
    file: 'config/plaid.yaml',
    languageId: 'yaml',
    write: ({ clientId, secret }, tokens) =>
      [`plaid:`, `  client_id: ${clientId}`, `  secret: "${secret}"`, `  tokens:`, ...tokens.map((t) => `    - ${t}`)].join('\n'),
  },
  {
    file: 'config/plaid.json',
    languageId: 'json',
    write: ({ clientId, secret }, tokens) =>
      JSON.stringify({ plaid: { client_id: clientId, secret, tokens } }, null, 2),
  },
  {
    file: 'docs/SETUP.md',
    languageId: 'markdown',
    write: ({ clientId, secret }, tokens) =>
      [
        `# Plaid setup`,
        ``,
        `Our sandbox item uses \`${tokens[0]}\`. Do not reuse it.`,
        ``,
        '```python',
        `PLAID_CLIENT_ID = "${clientId}"`,
        `PLAID_SECRET = "${secret}"`,
        ...tokens.slice(1).map((t) => `token = "${t}"`),
        '```',
      ].join('\n'),
  },
  {
    file: 'notes.txt',
    languageId: 'plaintext',
    write: ({ clientId, secret }, tokens) =>
      [`Plaid credentials for the demo`, `client_id: ${clientId}`, `secret = ${secret}`, ...tokens.map((t) => `- ${t}`)].join('\n'),
  },
  {
    // Values right after a tab or a line break: in JSON (the message trace) they follow `\t` or `\n`.
    file: 'data/accounts.tsv',
    languageId: 'plaintext',
    write: ({ clientId, secret }, tokens) =>
      [`environment\tclient_id\tsecret`, `sandbox\t${clientId}\t${secret}`, `tokens:`, ...tokens].join('\n'),
  },
  {
    file: '.env.staging',
    languageId: 'dotenv',
    write: ({ clientId, secret }, tokens) =>
      [`PLAID_CLIENT_ID=${clientId}`, `PLAID_SECRET=${secret}`, ...tokens.map((t, i) => `PLAID_TOKEN_${i}=${t}`)].join('\n'),
  },
];

/** Splits the planted credentials into one `{ clientId, secret }` pair per language file. */
function credentialPairs(credentials) {
  const byKind = (kind) => credentials.filter((c) => c.kind === kind).map((c) => c.value);
  const clientIds = byKind('client-id');
  const secrets = byKind('secret');
  return clientIds.map((clientId, i) => ({ clientId, secret: secrets[i] }));
}

/**
 * The fixture tree: `{ relativePath: { languageId, text } }`, every planted token in exactly one file (round robin)
 * and one credential pair per file.
 */
function fixtureFiles(planted) {
  const pairs = credentialPairs(planted.credentials);
  if (pairs.length < LANGUAGES.length) throw new Error(`need ${LANGUAGES.length} credential pairs, got ${pairs.length}`);
  const tokensFor = LANGUAGES.map(() => []);
  planted.tokens.forEach((t, i) => tokensFor[i % LANGUAGES.length].push(t.value));
  const files = {};
  LANGUAGES.forEach((language, i) => {
    files[language.file] = { languageId: language.languageId, text: `${language.write(pairs[i], tokensFor[i])}\n` };
  });
  return files;
}

/**
 * Broken configuration files, each holding a planted value where its error message would point: as a rule name,
 * a severity, an unknown setting, a glob, and next to a syntax error.
 */
function brokenConfigs(planted) {
  const [token, other, third, fourth] = planted.tokens.map((t) => t.value);
  const [clientId] = planted.credentials.filter((c) => c.kind === 'client-id').map((c) => c.value);
  const [secret] = planted.credentials.filter((c) => c.kind === 'secret').map((c) => c.value);
  return {
    'unknown-rule': `{\n  "rules": {\n    "${secret}": "error"\n  }\n}\n`,
    'bad-severity': `{\n  "rules": { "hardcoded-secret": "${clientId}" }\n}\n`,
    'unknown-setting': `{\n  "${token}": true\n}\n`,
    'bad-glob': `{\n  "ignore": ["[${other}", "${third}(", "dist/**"]\n}\n`,
    'bad-json': `{\n  "ignore": ["${fourth}"]\n  "rules": {}\n}\n`,
  };
}

module.exports = { LANGUAGES, fixtureFiles, brokenConfigs };
