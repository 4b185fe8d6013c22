/**
 * Parsing `.plaidlens.json`: valid files, broken JSON, every schema error with its place and field, globs that
 * cannot work, masking, and the error format. How a parsed config is applied is in `configResolution.test.ts`.
 */
import * as assert from 'assert';
import { formatConfigError, parseConfig, type ConfigError, type PlaidLensConfig } from '../../server/src/engine/config';
import { RULE_IDS, type RuleId, type SeverityLevel } from '../../server/src/engine/types';
import { config, FILE, valid } from './configHelpers';

/** Joins lines with `\n`, so each case's positions can be read off the listing. */
function lines(...parts: string[]): string {
  return parts.join('\n');
}

/** Parses text that must be invalid and returns its errors. */
function invalid(text: string): ConfigError[] {
  const result = parseConfig(text, FILE);
  if (result.ok) assert.fail(`expected errors, got a config: ${JSON.stringify(result.config)}`);
  return result.errors;
}

suite('parseConfig accepts valid files', () => {
  const cases: { name: string; text: string; expected: PlaidLensConfig }[] = [
    { name: 'an empty object', text: '{}', expected: config({}) },
    { name: 'an empty object with surrounding whitespace', text: '\n  {  }\n\n', expected: config({}) },
    { name: 'line and block comments', text: lines('// settings', '{ /* prose */', '  "rules": { "expiring-token": "info" } // why', '}'),
      expected: config({ rules: { 'expiring-token': 'info' } }) },
    {
      name: 'trailing commas in objects and arrays',
      text: '{ "rules": { "hardcoded-token": "error", }, "ignore": ["dist/**",], "overrides": [{ "files": ["a",], "rules": {}, },], }',
      expected: config({ rules: { 'hardcoded-token': 'error' }, ignore: ['dist/**'], overrides: [{ files: ['a'], rules: {} }] }),
    },
    {
      name: 'every field',
      text: lines(
        '{',
        '  "$schema": "./plaidlens.schema.json",',
        '  "rules": { "malformed-token": "error", "development-environment": "off" },',
        '  "overrides": [',
        '    { "files": ["test/**", "*.spec.ts"], "rules": { "hardcoded-token": "off" } },',
        '    { "files": ["docs/"], "rules": { "development-environment": "hint" } }',
        '  ],',
        '  "ignore": ["dist/", "fixtures/**/*.json", ".env.local"]',
        '}',
      ),
      expected: {
        rules: { 'malformed-token': 'error', 'development-environment': 'off' },
        overrides: [
          { files: ['test/**', '*.spec.ts'], rules: { 'hardcoded-token': 'off' } },
          { files: ['docs/'], rules: { 'development-environment': 'hint' } },
        ],
        ignore: ['dist/', 'fixtures/**/*.json', '.env.local'],
      },
    },
    { name: 'empty arrays and objects', text: '{ "rules": {}, "overrides": [], "ignore": [] }', expected: config({}) },
    { name: 'an override with empty rules', text: '{ "overrides": [{ "files": ["x"], "rules": {} }] }',
      expected: config({ overrides: [{ files: ['x'], rules: {} }] }) },
    { name: 'a byte-order mark', text: '\uFEFF{ "ignore": ["a"] }', expected: config({ ignore: ['a'] }) },
    { name: 'CRLF line endings', text: '{\r\n  "ignore": ["a"]\r\n}\r\n', expected: config({ ignore: ['a'] }) },
    {
      name: 'globs with classes, braces, escapes and extglobs',
      text: String.raw`{ "ignore": ["[ab].js", "*.{md,txt}", "a\\[b", "[]]x", "@(a|b).ts", "src/**/[!_]*.ts"] }`,
      expected: config({ ignore: ['[ab].js', '*.{md,txt}', 'a\\[b', '[]]x', '@(a|b).ts', 'src/**/[!_]*.ts'] }),
    },
  ];
  for (const { name, text, expected } of cases) {
    test(`Should accept ${name}`, () => assert.deepStrictEqual(valid(text), expected));
  }

  test('Should accept every severity for every rule', () => {
    const levels: SeverityLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
    for (const level of levels) {
      const rules = Object.fromEntries(RULE_IDS.map((rule) => [rule, level])) as Record<RuleId, SeverityLevel>;
      assert.deepStrictEqual(valid(JSON.stringify({ rules })).rules, rules);
    }
  });
});

/** An expected error: place and field exactly, and a part of the message. */
interface Expected {
  line: number;
  column: number;
  field: string;
  message: string;
}

/** Checks every error, in order, against what is expected; the message need only contain the expected text. */
function assertErrors(actual: ConfigError[], expected: Expected[]): void {
  const shape = (e: ConfigError) => ({ file: e.file, line: e.line, column: e.column, field: e.field });
  assert.deepStrictEqual(actual.map(shape), expected.map((e) => ({ file: FILE, line: e.line, column: e.column, field: e.field })));
  actual.forEach((error, i) => assert.ok(error.message.includes(expected[i].message), `"${error.message}" lacks "${expected[i].message}"`));
}

suite('parseConfig reports broken JSON at the parse error', () => {
  const cases: { name: string; text: string; errors: Expected[] }[] = [
    { name: 'an empty file', text: '', errors: [{ line: 1, column: 1, field: '', message: 'the file is empty' }] },
    { name: 'a file of blank lines', text: '\n \n', errors: [{ line: 1, column: 1, field: '', message: 'the file is empty' }] },
    { name: 'a missing comma between rules', text: lines('{', '  "rules": {', '    "hardcoded-token": "off"', '    "expiring-token": "off"', '  }', '}'),
      errors: [{ line: 4, column: 5, field: 'rules.expiring-token', message: 'expected ","' }] },
    { name: 'a missing colon', text: lines('{', '  "ignore" ["a"]', '}'),
      errors: [{ line: 2, column: 12, field: 'ignore', message: 'expected ":"' }] },
    { name: 'an object never closed', text: lines('{', '  "ignore": []'),
      errors: [{ line: 2, column: 15, field: '', message: 'expected "}"' }] },
    { name: 'an unterminated string inside overrides', text: lines('{ "overrides": [', '  { "files": ["test/**', '] }'),
      errors: [{ line: 2, column: 15, field: 'overrides[0].files[0]', message: 'a string is never closed' }] },
    { name: 'a single-quoted property name', text: "{ 'rules': {} }",
      errors: [{ line: 1, column: 3, field: '', message: 'unexpected character' }] },
    { name: 'two top-level values', text: '{}\n{}',
      errors: [{ line: 2, column: 1, field: '', message: 'expected the end of the file' }] },
    { name: 'an error after a byte-order mark, counted without it', text: '\uFEFF{ "rules": x }',
      errors: [{ line: 1, column: 12, field: 'rules', message: 'unexpected character' }] },
    { name: 'nesting too deep for the parser, without overflowing the stack', text: '['.repeat(200_000),
      errors: [{ line: 1, column: 33, field: '', message: 'nested more than 32 levels deep' }] },
    { name: 'an error after CRLF and lone CR line endings', text: '{\r\n"rules": {}\r"ignore": []}',
      errors: [{ line: 3, column: 1, field: 'ignore', message: 'expected ","' }] },
  ];
  for (const { name, text, errors } of cases) {
    test(`Should report ${name}`, () => assertErrors(invalid(text), errors));
  }
});

suite('parseConfig reports every schema error with its place and field', () => {
  const cases: { name: string; text: string; errors: Expected[] }[] = [
    { name: 'a top-level array', text: '[]',
      errors: [{ line: 1, column: 1, field: '', message: 'must be a JSON object such as {"rules": {}}, not an array' }] },
    { name: 'a top-level string', text: ' "x"', errors: [{ line: 1, column: 2, field: '', message: 'not a string' }] },
    { name: 'a top-level null', text: 'null', errors: [{ line: 1, column: 1, field: '', message: 'not null' }] },
    { name: 'an unknown top-level key close to a real one', text: lines('{', '  "rule": {}', '}'),
      errors: [{ line: 2, column: 3, field: 'rule', message: '"rule" is not a setting; did you mean "rules"?' }] },
    { name: 'a misspelt top-level key', text: '{ "overide": [] }',
      errors: [{ line: 1, column: 3, field: 'overide', message: 'did you mean "overrides"?' }] },
    { name: 'an unknown top-level key far from any', text: '{ "extends": "base" }',
      errors: [{ line: 1, column: 3, field: 'extends', message: 'expected one of rules, overrides, ignore' }] },
    { name: 'rules that are not an object', text: '{ "rules": ["hardcoded-secret"] }',
      errors: [{ line: 1, column: 12, field: 'rules', message: 'expected an object of rule severities' }] },
    { name: 'a misspelt rule', text: lines('{', '  "rules": {', '    "malformed-tokn": "error"', '  }', '}'),
      errors: [{ line: 3, column: 5, field: 'rules.malformed-tokn', message: '"malformed-tokn" is not a rule; did you mean "malformed-token"?' }] },
    { name: 'a rule written in snake case', text: '{ "rules": { "hardcoded_secret": "off" } }',
      errors: [{ line: 1, column: 14, field: 'rules.hardcoded_secret', message: 'did you mean "hardcoded-secret"?' }] },
    { name: 'an ambiguous rule prefix, listing every rule', text: '{ "rules": { "hardcoded": "off" } }',
      errors: [{ line: 1, column: 14, field: 'rules.hardcoded', message: `expected one of ${RULE_IDS.join(', ')}` }] },
    { name: 'a rule name with spaces, quoted in the field', text: '{ "rules": { "no such rule": "off" } }',
      errors: [{ line: 1, column: 14, field: 'rules["no such rule"]', message: '"no such rule" is not a rule' }] },
    { name: 'an abbreviated severity', text: '{ "rules": { "hardcoded-token": "warn" } }',
      errors: [{ line: 1, column: 33, field: 'rules.hardcoded-token', message: '"warn" is not a severity; did you mean "warning"? Otherwise use one of off, hint, info, warning, error' }] },
    { name: 'an unknown severity', text: '{ "rules": { "hardcoded-token": "fatal" } }',
      errors: [{ line: 1, column: 33, field: 'rules.hardcoded-token', message: '"fatal" is not a severity; use one of off, hint, info, warning, error' }] },
    { name: 'a severity in the wrong case', text: '{ "rules": { "hardcoded-token": "Error" } }',
      errors: [{ line: 1, column: 33, field: 'rules.hardcoded-token', message: 'did you mean "error"?' }] },
    { name: 'an eslint-style numeric severity', text: '{ "rules": { "expiring-token": 1 } }',
      errors: [{ line: 1, column: 32, field: 'rules.expiring-token', message: 'not a number; for 1 write "warning"' }] },
    { name: 'an eslint-style array severity', text: '{ "rules": { "expiring-token": ["error", {}] } }',
      errors: [{ line: 1, column: 32, field: 'rules.expiring-token', message: 'not an array; use one of off, hint' }] },
    { name: 'a boolean severity', text: '{ "rules": { "expiring-token": false } }',
      errors: [{ line: 1, column: 32, field: 'rules.expiring-token', message: 'expected a severity (a string), not a boolean' }] },
    { name: 'overrides that are not an array', text: '{ "overrides": { "files": ["a"] } }',
      errors: [{ line: 1, column: 16, field: 'overrides', message: 'expected an array of overrides' }] },
    { name: 'an override that is not an object', text: '{ "overrides": ["test/**"] }',
      errors: [{ line: 1, column: 17, field: 'overrides[0]', message: 'expected an override object' }] },
    { name: 'an override without files, at the override', text: lines('{ "overrides": [', '  { "files": ["a"], "rules": {} },', '  { "rules": {} }', '] }'),
      errors: [{ line: 3, column: 3, field: 'overrides[1].files', message: 'this override has no "files"' }] },
    { name: 'an override without rules', text: '{ "overrides": [{ "files": ["a"] }] }',
      errors: [{ line: 1, column: 17, field: 'overrides[0].rules', message: 'this override has no "rules"' }] },
    { name: 'an override with no files', text: '{ "overrides": [{ "files": [], "rules": {} }] }',
      errors: [{ line: 1, column: 28, field: 'overrides[0].files', message: 'expected at least one glob' }] },
    { name: 'override files given as one string', text: '{ "overrides": [{ "files": "test/**", "rules": {} }] }',
      errors: [{ line: 1, column: 28, field: 'overrides[0].files', message: 'expected an array of globs such as ["dist/**"], not a string' }] },
    { name: 'an unknown key in an override', text: '{ "overrides": [{ "files": ["a"], "rules": {}, "excludedFiles": ["b"] }] }',
      errors: [{ line: 1, column: 48, field: 'overrides[0].excludedFiles', message: 'is not an override setting; expected one of files, rules' }] },
    { name: 'a bad rule and severity inside an override',
      text: lines('{ "overrides": [', '  { "files": ["a"], "rules": {} },', '  { "files": ["b"], "rules": { "expiring-tokens": "off", "hardcoded-token": "loud" } }', '] }'),
      errors: [{ line: 3, column: 32, field: 'overrides[1].rules.expiring-tokens', message: 'did you mean "expiring-token"?' },
        { line: 3, column: 77, field: 'overrides[1].rules.hardcoded-token', message: '"loud" is not a severity' }] },
    { name: 'ignore that is not an array', text: '{ "ignore": "dist" }',
      errors: [{ line: 1, column: 13, field: 'ignore', message: 'expected an array of globs' }] },
    { name: 'a duplicated key, at the second one', text: lines('{', '  "ignore": [],', '  "ignore": ["a"]', '}'),
      errors: [{ line: 3, column: 3, field: 'ignore', message: '"ignore" is given more than once' }] },
    { name: 'a duplicated rule', text: '{ "rules": { "hardcoded-token": "off", "hardcoded-token": "error" } }',
      errors: [{ line: 1, column: 40, field: 'rules.hardcoded-token', message: 'is given more than once' }] },
    { name: 'a $schema that is not a string', text: '{ "$schema": 1 }',
      errors: [{ line: 1, column: 14, field: '$schema', message: 'expected the URL of a JSON schema' }] },
  ];
  for (const { name, text, errors } of cases) {
    test(`Should report ${name}`, () => assertErrors(invalid(text), errors));
  }

  test('Should collect every error in reading order, not stop at the first', () => {
    const text = lines('{', '  "rules": { "malformed-tokn": "warn" },', '  "overrides": [{ "files": [] }],', '  "ignore": ["[a", 3],', '  "colour": true', '}');
    assertErrors(invalid(text), [
      { line: 2, column: 14, field: 'rules.malformed-tokn', message: 'did you mean "malformed-token"?' },
      { line: 3, column: 17, field: 'overrides[0].rules', message: 'has no "rules"' },
      { line: 3, column: 28, field: 'overrides[0].files', message: 'expected at least one glob' },
      { line: 4, column: 14, field: 'ignore[0]', message: '"[" at position 1 is never closed' },
      { line: 4, column: 20, field: 'ignore[1]', message: 'expected a glob (a string), not a number' },
      { line: 5, column: 3, field: 'colour', message: '"colour" is not a setting' },
    ]);
  });
});

suite('parseConfig rejects globs that cannot work', () => {
  const cases: { glob: string; message: string }[] = [
    { glob: '', message: 'a glob cannot be empty' },
    { glob: '   ', message: 'a glob cannot be empty' },
    { glob: '!dist/**', message: 'negated globs are not supported' },
    { glob: '../shared/**', message: 'cannot contain ".."' },
    { glob: 'src/../x', message: 'cannot contain ".."' },
    { glob: '/', message: 'write "**" to match everything' },
    { glob: './', message: 'write "**" to match everything' },
    { glob: '[abc', message: '"[" at position 1 is never closed' },
    { glob: 'src/[a-z.ts', message: '"[" at position 5 is never closed' },
    { glob: '*.{ts,js', message: 'a "{" is never closed' },
    { glob: 'a}', message: '"}" at position 2 has no "{"' },
    { glob: 'a]', message: '"]" at position 2 has no "["' },
    { glob: '@(a|b', message: 'Missing closing: ")"' },
    { glob: 'a)', message: 'Missing opening: "("' },
    { glob: '*a*a*a*b', message: 'more than 3 "*" wildcards in one path segment' },
    { glob: 'src/*a*b*c*d/x', message: 'more than 3 "*" wildcards in one path segment' },
  ];
  for (const { glob, message } of cases) {
    test(`Should reject ${JSON.stringify(glob)} in ignore and in override files`, () => {
      const quoted = JSON.stringify(glob);
      assertErrors(invalid(`{ "ignore": ["ok", ${quoted}] }`), [{ line: 1, column: 20, field: 'ignore[1]', message }]);
      assertErrors(invalid(`{ "overrides": [{ "rules": {}, "files": [${quoted}] }] }`), [
        { line: 1, column: 42, field: 'overrides[0].files[0]', message },
      ]);
    });
  }
});

suite('Config errors never repeat a credential whole', () => {
  const secret = '0123456789abcdef0123456789abcd';
  const clientId = '0123456789abcdef01234567';
  const token = 'access-sandbox-8a3f3c7e-1d2b-4c5d-9e8f-0a1b2c3d4e5f';
  for (const value of [secret, clientId, token]) {
    test(`Should mask a ${value.length}-character value used as a rule, a key and a severity`, () => {
      const text = JSON.stringify({ rules: { [value]: 'off', 'hardcoded-token': value }, [value]: 1 });
      const errors = invalid(text);
      assert.strictEqual(errors.length, 3);
      for (const error of errors) assert.ok(!formatConfigError(error).includes(value), formatConfigError(error));
    });
  }
});

suite('formatConfigError', () => {
  const base: ConfigError = { file: '.plaidlens.json', line: 3, column: 12, field: 'rules.malformed-tokn', message: 'boom' };
  const cases: { name: string; error: ConfigError; expected: string }[] = [
    { name: 'file, line, column, field and message', error: base, expected: '.plaidlens.json:3:12: rules.malformed-tokn: boom' },
    { name: 'no field for the document itself', error: { ...base, field: '' }, expected: '.plaidlens.json:3:12: boom' },
    { name: 'the path as given', error: { ...base, file: 'a/b/.plaidlens.json', line: 1, column: 1 }, expected: 'a/b/.plaidlens.json:1:1: rules.malformed-tokn: boom' },
  ];
  for (const { name, error, expected } of cases) {
    test(`Should format ${name}`, () => assert.strictEqual(formatConfigError(error), expected));
  }

  test('Should format a parsed typo the eslint way', () => {
    const [error] = invalid(lines('{', '  "rules": {', '    "malformed-tokn": "error"', '  }', '}'));
    assert.strictEqual(
      formatConfigError({ ...error, file: '.plaidlens.json' }),
      '.plaidlens.json:3:5: rules.malformed-tokn: "malformed-tokn" is not a rule; did you mean "malformed-token"?',
    );
  });
});
