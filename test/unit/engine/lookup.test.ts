import * as assert from 'assert';
import {
  commentSyntax,
  DEFAULT_SEVERITIES,
  RULE_IDS,
  RULES,
  envReadExpression,
  fileKindOf,
  findTokens,
  languageOf,
  termAt,
  tokenAt,
  type FileKind,
  type SourceLanguage,
} from '../../../server/src/engine';
import { UUID } from './helpers';

suite('findTokens', () => {
  const rows: [name: string, text: string, expected: string[]][] = [
    ['one token', `t = "access-sandbox-${UUID}"`, [`access-sandbox-${UUID}`]],
    ['two tokens in order', `a="public-production-${UUID}" b='link-sandbox-${UUID}'`, [`public-production-${UUID}`, `link-sandbox-${UUID}`]],
    ['a malformed token is still a token', `acess-sandbox-${UUID}`, [`acess-sandbox-${UUID}`]],
    ['a misspelt environment', `access-prod-${UUID}`, [`access-prod-${UUID}`]],
    ['the longest type wins', `asset-report-production-${UUID}`, [`asset-report-production-${UUID}`]],
    ['a word tail in a token variable', 'access_token = "access-sandbox-xyz"', ['access-sandbox-xyz']],
    ['an opaque tail that looks generated', 'a-production-3TAU2CWVYBDVRHUCAAAI27ULU4', ['a-production-3TAU2CWVYBDVRHUCAAAI27ULU4']],
    ['an opaque tail that is an English word', 'this is a-production-ready template', []],
    ['a slug', 'link-production-banner', []],
    ['a placeholder', 'access-sandbox-<uuid>', []],
    ['an interpolation', 'access-sandbox-${id}', []],
    ['an empty text', '', []],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => {
      const refs = findTokens(text);
      assert.deepStrictEqual(refs.map((r) => text.slice(r.range.start, r.range.end)), expected);
      for (const r of refs) assert.ok(!r.masked.includes(UUID), r.masked);
    });
  }

  test('a reference carries the recognised type, the environment as written and the masked token', () => {
    const [misspelt] = findTokens(`x = "Access-sandbox-${UUID}"`);
    assert.deepStrictEqual(misspelt, { range: { start: 5, end: 56 }, type: 'Access', environment: 'sandbox', masked: 'Access-sandbox-…9b0c' });
    const [known] = findTokens(`x = "assets-prod-${UUID}"`);
    assert.deepStrictEqual(known, { range: { start: 5, end: 53 }, type: 'assets', environment: 'prod', masked: 'assets-prod-…9b0c' });
  });
});

suite('tokenAt', () => {
  const text = `const t = "access-sandbox-${UUID}"; const u = 'link-production-banner';`;
  const start = text.indexOf('access');
  const end = start + `access-sandbox-${UUID}`.length;
  const rows: [name: string, offset: number, expected: string | undefined][] = [
    ['at the first character', start, 'access-sandbox-…9b0c'],
    ['inside the type', start + 3, 'access-sandbox-…9b0c'],
    ['inside the environment', start + 9, 'access-sandbox-…9b0c'],
    ['inside the UUID', start + 30, 'access-sandbox-…9b0c'],
    ['just after the last character', end, 'access-sandbox-…9b0c'],
    ['before the token', start - 2, undefined],
    ['after the closing quote', end + 2, undefined],
    ['on a slug', text.indexOf('banner'), undefined],
    ['at the start of the text', 0, undefined],
    ['past the end of the text', text.length + 5, undefined],
  ];
  for (const [name, offset, expected] of rows) {
    test(name, () => assert.strictEqual(tokenAt(text, offset)?.masked, expected));
  }

  test('the range is the whole token', () => {
    assert.deepStrictEqual(tokenAt(text, start + 20)?.range, { start, end });
  });
});

suite('termAt', () => {
  const rows: [name: string, text: string, at: string, entry: string | undefined, term: string | undefined][] = [
    ['a snake_case field', 'const access_token = req.body.token;', 'access_token', 'access-token', 'access_token'],
    ['a camelCase variable', 'publicToken = data.public_token', 'publicToken', 'public-token', 'publicToken'],
    ['an environment variable', 'os.environ["PLAID_SECRET"]', 'PLAID_SECRET', 'secret', 'PLAID_SECRET'],
    ['a client id key', '"client_id": "x"', 'client_id', 'client-id', 'client_id'],
    ['an endpoint path', "client.post('/item/public_token/exchange')", '/item/public_token/exchange', 'access-token', '/item/public_token/exchange'],
    ['a segment inside a path is the path', "post('/link/token/create')", 'token', 'link-token', '/link/token/create'],
    ['a property access', 'response.data.item_id', 'item_id', 'item-id', 'item_id'],
    ['an SDK constant', 'basePath: PlaidEnvironments.sandbox,', 'sandbox', 'sandbox', 'PlaidEnvironments.sandbox'],
    ['a base URL', "host = 'https://production.plaid.com'", 'production.plaid', 'production', 'https://production.plaid.com'],
    ['a plain word is not a term', 'the secret is safe', 'secret', undefined, undefined],
    ['an unrelated identifier', 'const accessLevel = 1;', 'accessLevel', undefined, undefined],
  ];
  for (const [name, text, at, entry, term] of rows) {
    test(name, () => {
      const offset = text.indexOf(at) + 1;
      const hit = termAt(text, offset);
      assert.strictEqual(hit?.entry.id, entry);
      assert.strictEqual(hit ? text.slice(hit.range.start, hit.range.end) : undefined, term);
    });
  }
});

suite('languageOf and fileKindOf', () => {
  const rows: [file: string | undefined, languageId: string | undefined, language: SourceLanguage, kind: FileKind][] = [
    ['src/plaid.ts', undefined, 'typescript', 'code'],
    ['src/Link.tsx', undefined, 'typescript', 'code'],
    ['server.mjs', undefined, 'javascript', 'code'],
    ['app.py', undefined, 'python', 'code'],
    ['main.go', undefined, 'go', 'code'],
    ['Bank.java', undefined, 'java', 'code'],
    ['Bank.kt', undefined, 'java', 'code'],
    ['lib/bank.rb', undefined, 'ruby', 'code'],
    ['deploy.sh', undefined, 'shell', 'code'],
    ['Dockerfile', undefined, 'shell', 'code'],
    ['.env', undefined, 'dotenv', 'config'],
    ['.env.local', undefined, 'dotenv', 'config'],
    ['.env.example', undefined, 'dotenv', 'config'],
    ['config/.env.staging', undefined, 'dotenv', 'config'],
    ['production.env', undefined, 'dotenv', 'config'],
    ['C:\\app\\.env.development', undefined, 'dotenv', 'config'],
    ['config.yml', undefined, 'yaml', 'config'],
    ['config.yaml', undefined, 'yaml', 'config'],
    ['tsconfig.json', undefined, 'json', 'config'],
    ['.vscode/settings.json', 'jsonc', 'jsonc', 'config'],
    ['config.json', 'plaintext', 'json', 'config'],
    ['pyproject.toml', undefined, 'toml', 'config'],
    ['php.ini', undefined, 'ini', 'config'],
    ['setup.cfg', 'properties', 'ini', 'config'],
    ['nginx.conf', 'properties', 'conf', 'config'],
    ['app.properties', undefined, 'dotenv', 'config'],
    ['index.html', undefined, 'html', 'code'],
    ['pom.xml', undefined, 'xml', 'code'],
    ['site.scss', undefined, 'css', 'code'],
    ['seed.sql', undefined, 'sql', 'code'],
    ['Cargo.lock', 'toml', 'toml', 'config'],
    ['README.md', undefined, 'markdown', 'prose'],
    ['NOTES.txt', undefined, 'plaintext', 'prose'],
    ['image.png', undefined, 'other', 'code'],
    [undefined, undefined, 'other', 'code'],
    ['untitled', 'python', 'python', 'code'],
    ['a.txt', 'typescriptreact', 'typescript', 'code'],
    ['a.md', 'no-such-language', 'markdown', 'prose'],
    ['settings', 'dotenv', 'dotenv', 'config'],
  ];
  for (const [file, languageId, language, kind] of rows) {
    test(`${file ?? '(no name)'}${languageId ? ` as ${languageId}` : ''} → ${language}, ${kind}`, () => {
      assert.strictEqual(languageOf(file, languageId), language);
      assert.strictEqual(fileKindOf(languageOf(file, languageId)), kind);
    });
  }
});

suite('envReadExpression and commentSyntax', () => {
  const rows: [language: SourceLanguage, read: string | undefined, comment: string | undefined][] = [
    ['javascript', 'process.env.PLAID_SECRET', '// x'],
    ['typescript', 'process.env.PLAID_SECRET', '// x'],
    ['python', 'os.environ["PLAID_SECRET"]', '# x'],
    ['go', 'os.Getenv("PLAID_SECRET")', '// x'],
    ['java', 'System.getenv("PLAID_SECRET")', '// x'],
    ['ruby', 'ENV["PLAID_SECRET"]', '# x'],
    ['shell', '"$PLAID_SECRET"', '# x'],
    ['dotenv', undefined, '# x'],
    ['yaml', undefined, '# x'],
    ['toml', undefined, '# x'],
    ['ini', undefined, '; x'],
    ['conf', undefined, '# x'],
    ['json', undefined, undefined],
    ['jsonc', undefined, '// x'],
    ['markdown', undefined, '<!-- x -->'],
    ['html', undefined, '<!-- x -->'],
    ['xml', undefined, '<!-- x -->'],
    ['css', undefined, '/* x */'],
    ['sql', undefined, '-- x'],
    ['plaintext', undefined, '# x'],
    ['other', undefined, undefined],
  ];
  for (const [language, read, comment] of rows) {
    test(`${language}: ${read ?? 'no environment read'}, ${comment === undefined ? 'no comments' : `comments as ${comment}`}`, () => {
      assert.strictEqual(envReadExpression(language, 'PLAID_SECRET'), read);
      const syntax = commentSyntax(language);
      assert.strictEqual(syntax && `${syntax.open}x${syntax.close}`, comment);
    });
  }
});

suite('rule catalogue', () => {
  const defaults: [rule: (typeof RULE_IDS)[number], severity: string][] = [
    ['malformed-token', 'warning'],
    ['development-environment', 'error'],
    ['hardcoded-secret', 'error'],
    ['hardcoded-client-id', 'warning'],
    ['hardcoded-token', 'error'],
    ['expiring-token', 'warning'],
    ['environment-mismatch', 'warning'],
    ['deprecated-api', 'warning'],
    ['unknown-api-field', 'warning'],
  ];
  for (const [rule, severity] of defaults) {
    test(`${rule} defaults to ${severity} and is documented`, () => {
      assert.strictEqual(DEFAULT_SEVERITIES[rule], severity);
      assert.strictEqual(RULES[rule].id, rule);
      assert.ok(RULES[rule].title.length > 0 && RULES[rule].description.length > 20);
    });
  }

  test('the catalogue lists exactly the rule ids', () => {
    assert.deepStrictEqual(Object.keys(RULES).sort(), [...RULE_IDS].sort());
    assert.deepStrictEqual(defaults.map(([rule]) => rule).sort(), [...RULE_IDS].sort());
  });
});
