'use strict';
/**
 * What the corpus plants on purpose: Plaid findings, each with the engine findings it must produce (per rule) and
 * whether the peers' regular expressions can see it; and look-alikes, which must produce no engine finding.
 * The expectations follow the rules as documented (README and rule descriptions), written down per shape here,
 * so a run that reports other counts shows a real difference rather than agreeing with itself.
 */

const CREDENTIAL_TYPES = ['access', 'asset-report', 'assets', 'processor', 'user'];
const EXPIRING_TYPES = ['public', 'link'];
const TYPE_TYPOS = ['acess', 'acces', 'pubic', 'publc', 'lnik', 'proccessor', 'procesor', 'usr', 'asset-reprot'];
const ENV_TYPOS = ['sandbx', 'sanbox', 'sandbos', 'prod', 'prd', 'sbx', 'productin', 'producton', 'dev'];
const SDK_ENV = {
  ts: (e) => `PlaidEnvironments.${e}`,
  js: (e) => `PlaidEnvironments.${e}`,
  bundle: (e) => `PlaidEnvironments.${e}`,
  py: (e) => `plaid.Environment.${cap(e)}`,
  go: (e) => `plaid.${cap(e)}`,
  java: (e) => `ApiClient.${cap(e)}`,
  rb: (e) => `Plaid::Configuration::Environment["${e}"]`,
};

const cap = (s) => s[0].toUpperCase() + s.slice(1);
const camel = (parts) => parts[0] + parts.slice(1).map(cap).join('');

/** `key = value` in the idiom of each language; `parts` are the words of the key, e.g. ['plaid', 'secret']. */
function assign(lang, parts, value) {
  const upper = parts.join('_').toUpperCase();
  const snake = parts.join('_');
  switch (lang) {
    case 'ts':
    case 'js':
      return `export const ${camel(parts)} = '${value}';\n`;
    case 'py':
      return `${upper} = "${value}"\n`;
    case 'go':
      return `var ${camel(parts)} = "${value}"\n`;
    case 'java':
      return `    private static final String ${upper} = "${value}";\n`;
    case 'rb':
      return `  ${snake} = '${value}'\n`;
    case 'yaml':
      return `  ${snake}: ${value}\n`;
    case 'md':
      return `Example ${snake}: \`${value}\`\n\n`;
    case 'env':
      return `${upper}=${value}\n`;
    default:
      return `var ${camel(parts)}="${value}";`;
  }
}

/** A statement that selects an environment in each language's SDK spelling (a URL where there is no SDK). */
function selectEnvironment(lang, env) {
  const sdk = SDK_ENV[lang];
  if (sdk === undefined) return assign(lang, ['plaid', 'base', 'url'], `https://${env}.plaid.com`);
  switch (lang) {
    case 'py':
      return `configuration = plaid.Configuration(host=${sdk(env)})\n`;
    case 'go':
      return `\tcfg.UseEnvironment(${sdk(env)})\n`;
    case 'java':
      return `        apiClient.setPlaidAdapter(${sdk(env)});\n`;
    case 'rb':
      return `  config.server_index = ${sdk(env)}\n`;
    case 'bundle':
      return `var pc=new Configuration({basePath:${sdk(env)}});`;
    default:
      return `const configuration = new Configuration({ basePath: ${sdk(env)} });\n`;
  }
}

/** The literal rule of a well-formed token type: long-lived types are hardcoded-token, the rest expiring-token. */
const literalRule = (type) => (CREDENTIAL_TYPES.includes(type) ? 'hardcoded-token' : 'expiring-token');
const anyType = (r) => r.pick(r.chance(0.6) ? CREDENTIAL_TYPES : EXPIRING_TYPES);
const activeEnv = (r) => (r.chance(0.6) ? 'sandbox' : 'production');
const tokenKey = (type) => [type.split('-')[0], 'token'];

/**
 * Planted findings. `engine` is the findings per rule; `regex` how many matches the peer patterns make;
 * `token` marks a token whose type and environment are both Plaid's (it can be an environment mismatch);
 * `configures` the environment a statement selects, for the file's environment-mismatch expectations.
 */
const PLANTS = {
  'token': {
    weight: 30,
    make(r, lang) {
      const type = anyType(r);
      const env = activeEnv(r);
      return { text: assign(lang, tokenKey(type), `${type}-${env}-${r.uuid()}`), engine: { [literalRule(type)]: 1 }, regex: 1, token: env };
    },
  },
  'development-token': {
    weight: 6,
    make(r, lang) {
      const type = anyType(r);
      const text = assign(lang, tokenKey(type), `${type}-development-${r.uuid()}`);
      // No environment-mismatch: development-environment already reports the same segment.
      return { text, engine: { 'development-environment': 1, [literalRule(type)]: 1 }, regex: 1 };
    },
  },
  'type-typo': {
    weight: 6,
    make(r, lang) {
      const text = assign(lang, ['access', 'token'], `${r.pick(TYPE_TYPOS)}-${activeEnv(r)}-${r.uuid()}`);
      return { text, engine: { 'malformed-token': 1 }, regex: 1 };
    },
  },
  'environment-typo': {
    weight: 6,
    make(r, lang) {
      const type = anyType(r);
      return { text: assign(lang, tokenKey(type), `${type}-${r.pick(ENV_TYPOS)}-${r.uuid()}`), engine: { 'malformed-token': 1 }, regex: 1 };
    },
  },
  'uppercase-uuid': {
    weight: 4,
    make(r, lang) {
      const type = anyType(r);
      const env = activeEnv(r);
      const text = assign(lang, tokenKey(type), `${type}-${env}-${r.uuid().toUpperCase()}`);
      // A broken token gets one verdict: malformed-token, never also hardcoded-token or expiring-token.
      return { text, engine: { 'malformed-token': 1 }, regex: 1, token: env };
    },
  },
  'truncated-uuid': {
    weight: 3,
    make(r, lang) {
      const type = anyType(r);
      const env = activeEnv(r);
      const text = assign(lang, tokenKey(type), `${type}-${env}-${r.uuid().slice(0, 23)}`);
      return { text, engine: { 'malformed-token': 1 }, regex: 0, token: env };
    },
  },
  'development-url': {
    weight: 8,
    make(r, lang) {
      const text = assign(lang, ['plaid', 'base', 'url'], 'https://development.plaid.com');
      return { text, engine: { 'development-environment': 1 }, regex: 1, configures: 'development' };
    },
  },
  'development-sdk-constant': {
    weight: 6,
    make(r, lang) {
      if (SDK_ENV[lang] === undefined) return PLANTS['development-url'].make(r, lang);
      return { text: selectEnvironment(lang, 'development'), engine: { 'development-environment': 1 }, regex: 1, configures: 'development' };
    },
  },
  'development-setting': {
    weight: 6,
    make(r, lang) {
      // Prose names the setting in a sentence; code assigns it.
      const text = lang === 'md' ? 'Set PLAID_ENV=development before you start the server.\n\n' : assign(lang, ['plaid', 'env'], 'development');
      return { text, engine: { 'development-environment': 1 }, regex: 1 };
    },
  },
  'secret': {
    weight: 8,
    make(r, lang) {
      const key = r.pick([['plaid', 'secret'], ['secret'], ['plaid', 'secret']]);
      return { text: assign(lang, key, credentialHex(r, 30)), engine: { 'hardcoded-secret': 1 }, regex: 1 };
    },
  },
  'client-id': {
    weight: 8,
    make(r, lang) {
      const key = r.pick([['plaid', 'client', 'id'], ['client', 'id'], ['plaid', 'client', 'id']]);
      return { text: assign(lang, key, credentialHex(r, 24)), engine: { 'hardcoded-client-id': 1 }, regex: 1 };
    },
  },
  'environment-selection': {
    weight: 20,
    make(r, lang) {
      const env = activeEnv(r);
      return { text: selectEnvironment(lang, env), engine: {}, regex: 0, configures: env };
    },
  },
};

/** Look-alikes: text near Plaid shapes that must not be reported. `regex` is how many peer matches it draws. */
const LOOKALIKES = {
  'css-classes': { make: (r, lang) => ({ text: assign(lang, ['class', 'name'], `link-production-banner public-sandbox-notice`), regex: 0 }) },
  'cors-header': { make: (r, lang) => ({ text: assign(lang, ['header', 'name'], 'access-control-allow-origin'), regex: 0 }) },
  'bare-uuid': { make: (r, lang) => ({ text: assign(lang, ['request', 'id'], r.uuid()), regex: 0 }) },
  'git-sha': { make: (r, lang) => ({ text: assign(lang, ['commit'], r.hex(40)), regex: 0 }) },
  'object-id': { make: (r, lang) => ({ text: assign(lang, ['object', 'ref'], r.hex(24) + '.json'), regex: 0 }) },
  'settings-slug': { make: (r, lang) => ({ text: assign(lang, ['route'], 'user-production-settings'), regex: 0 }) },
  'container-name': { make: (r, lang) => ({ text: assign(lang, ['container'], 'my-sandbox-container'), regex: 0 }) },
  'deploy-id': { make: (r, lang) => ({ text: assign(lang, ['deployment'], `deploy-production-${r.uuid()}`), regex: 1 }) },
  'redacted-token': { make: (r, lang) => ({ text: assign(lang, ['example'], 'access-sandbox-xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'), regex: 0 }) },
  'banner-slug': { make: (r, lang) => ({ text: assign(lang, ['banner'], 'link-production-banner'), regex: 0 }) },
  // Credentials of some other service, in files that never mention Plaid.
  'other-secret': { outsidePlaid: true, make: (r, lang) => ({ text: assign(lang, ['cookie', 'secret'], r.hex(30)), regex: 1 }) },
  'other-client-id': { outsidePlaid: true, make: (r, lang) => ({ text: assign(lang, ['oauth', 'client', 'id'], r.hex(24)), regex: 1 }) },
};

/**
 * Random hex of a credential's length, clear of the engine's placeholder check (Shannon entropy under 3 bits per
 * digit, which about one random 30-digit value in a few thousand falls under), so each plant is one finding.
 */
function credentialHex(r, length) {
  for (;;) {
    const value = r.hex(length);
    if (entropy(value) >= 3.3) return value;
  }
}

/** Shannon entropy in bits per character. */
function entropy(s) {
  const counts = new Map();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

/** A private `.env.local` line: a credential where it belongs (no engine finding; the regexes still match it). */
function privateCredential(r) {
  return r.chance(0.5)
    ? { text: `PLAID_SECRET=${credentialHex(r, 30)}\n`, regex: 1 }
    : { text: `PLAID_CLIENT_ID=${credentialHex(r, 24)}\n`, regex: 1 };
}

/** The line that makes a file mention Plaid, per language. */
const PLAID_HEADERS = {
  ts: `import { Configuration, PlaidApi } from 'plaid';\n`,
  js: `const { Configuration, PlaidApi } = require('plaid');\n`,
  py: `import plaid\n`,
  go: `// uses github.com/plaid/plaid-go\n`,
  java: `// import com.plaid.client.ApiClient;\n`,
  rb: `  # require 'plaid'\n`,
  yaml: `plaid:\n`,
  md: `This service talks to the Plaid API.\n\n`,
  env: `# Plaid credentials\n`,
  bundle: `var pl="plaid-link";`,
};

/** Weights of the plant kinds, for choosing one. */
const PLANT_WEIGHTS = Object.fromEntries(Object.entries(PLANTS).map(([kind, p]) => [kind, p.weight]));

module.exports = { PLANTS, PLANT_WEIGHTS, LOOKALIKES, PLAID_HEADERS, privateCredential };
