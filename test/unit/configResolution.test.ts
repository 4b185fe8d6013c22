/**
 * How a parsed `.plaidlens.json` is applied: which paths its globs ignore, which severities a path gets, how
 * layers merge, and the spelling suggestions its errors make. Parsing itself is tested in `config.test.ts`.
 */
import * as assert from 'assert';
import { EMPTY_CONFIG, isIgnoredPath, mergeRules, rulesForPath } from '../../server/src/engine/config';
import { closest } from '../../server/src/engine/configSchema';
import { RULE_IDS, type RuleId, type SeverityLevel } from '../../server/src/engine/types';
import { config, valid } from './configHelpers';

/** Severities per rule, as configured. */
type Rules = Partial<Record<RuleId, SeverityLevel>>;


suite('closest suggests what a misspelling meant', () => {
  const cases: { input: string; candidates: readonly string[]; expected: string | undefined }[] = [
    { input: 'malformed-tokn', candidates: RULE_IDS, expected: 'malformed-token' },
    { input: 'hardcoded-secrets', candidates: RULE_IDS, expected: 'hardcoded-secret' },
    { input: 'HARDCODED_CLIENT_ID', candidates: RULE_IDS, expected: 'hardcoded-client-id' },
    { input: 'development', candidates: RULE_IDS, expected: 'development-environment' },
    { input: 'enviroment-mismatch', candidates: RULE_IDS, expected: 'environment-mismatch' },
    { input: 'expiring-tokne', candidates: RULE_IDS, expected: 'expiring-token' },
    { input: 'hardcoded', candidates: RULE_IDS, expected: undefined },
    { input: 'no-console', candidates: RULE_IDS, expected: undefined },
    { input: 'warn', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: 'warning' },
    { input: 'eror', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: 'error' },
    { input: 'warnign', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: 'warning' },
    { input: 'of', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: 'off' },
    { input: 'on', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: undefined },
    { input: 'fatal', candidates: ['off', 'hint', 'info', 'warning', 'error'], expected: undefined },
    { input: '', candidates: ['off'], expected: undefined },
    { input: 'x'.repeat(100_000), candidates: RULE_IDS, expected: undefined },
  ];
  for (const { input, candidates, expected } of cases) {
    test(`Should map ${JSON.stringify(input.slice(0, 20))} to ${String(expected)}`, () => assert.strictEqual(closest(input, candidates), expected));
  }
});

suite('isIgnoredPath reads globs the .gitignore way', () => {
  const cases: { glob: string; ignored: string[]; kept: string[] }[] = [
    { glob: '*.test.ts', ignored: ['a.test.ts', 'src/a.test.ts', 'src/deep/er/b.test.ts', 'x.test.ts/inner.js'], kept: ['src/a.ts', 'src/a.test.tsx'] },
    { glob: '.env.local', ignored: ['.env.local', 'apps/web/.env.local'], kept: ['.env', '.env.local.example'] },
    { glob: '*.local', ignored: ['.env.local', 'config/.env.local'], kept: ['.env'] },
    { glob: '.env*', ignored: ['.env', '.env.production', 'a/.env.test'], kept: ['env', 'a/b.env'] },
    { glob: 'dist/', ignored: ['dist/a.js', 'pkg/dist/a.js', 'dist/x/y.map'], kept: ['dist', 'dist.js', 'src/distance.ts'] },
    { glob: 'dist/**', ignored: ['dist/a.js', 'dist/x/y.map', 'dist/.cache/z'], kept: ['pkg/dist/a.js', 'dist.js'] },
    { glob: 'build', ignored: ['build', 'build/a.js', 'x/build/y/z.js'], kept: ['builds/a.js', 'rebuild'] },
    { glob: 'src/legacy', ignored: ['src/legacy', 'src/legacy/a.ts', 'src/legacy/b/c.ts'], kept: ['lib/src/legacy/a.ts', 'src/legacy2/a.ts'] },
    { glob: '/root.js', ignored: ['root.js'], kept: ['sub/root.js'] },
    { glob: './anchored.ts', ignored: ['anchored.ts'], kept: ['a/anchored.ts'] },
    { glob: '**/fixtures/*.json', ignored: ['fixtures/a.json', 'x/fixtures/a.json', 'x/y/fixtures/b.json'], kept: ['fixtures/a.ts', 'fixtures/deep/a.json'] },
    { glob: '.github/**', ignored: ['.github/workflows/ci.yml'], kept: ['a/.github/workflows/ci.yml', 'github/x.yml'] },
    { glob: '*.{md,txt}', ignored: ['README.md', 'docs/notes.txt'], kept: ['a.mdx', 'README'] },
    { glob: '[ab].js', ignored: ['a.js', 'lib/b.js'], kept: ['c.js', 'ab.js'] },
    { glob: 'src/**/*.gen.ts', ignored: ['src/a.gen.ts', 'src/x/y/a.gen.ts'], kept: ['lib/a.gen.ts', 'src/a.ts'] },
    { glob: '**', ignored: ['a', 'a/b/c.ts', '.hidden'], kept: [] },
  ];
  for (const { glob, ignored, kept } of cases) {
    test(`Should apply ${JSON.stringify(glob)}`, () => {
      const cfg = valid(JSON.stringify({ ignore: [glob] }));
      for (const path of ignored) assert.strictEqual(isIgnoredPath(cfg, path), true, `${glob} should ignore ${path}`);
      for (const path of kept) assert.strictEqual(isIgnoredPath(cfg, path), false, `${glob} should keep ${path}`);
    });
  }

  test('Should accept ./-prefixed and backslash-separated paths', () => {
    const cfg = config({ ignore: ['*.test.ts', 'src/legacy'] });
    for (const path of ['./src/a.test.ts', 'src\\a.test.ts', './src/legacy/a.ts', 'src\\legacy\\a.ts']) {
      assert.strictEqual(isIgnoredPath(cfg, path), true, path);
    }
  });

  test('Should ignore a path when any one glob matches', () => {
    const cfg = config({ ignore: ['dist/', '*.snap'] });
    assert.deepStrictEqual(['dist/a.js', 'x/y.snap', 'src/a.ts'].map((p) => isIgnoredPath(cfg, p)), [true, true, false]);
  });

  test('Should ignore nothing without globs', () => {
    assert.deepStrictEqual(['a.ts', '.env', 'dist/a.js'].map((p) => isIgnoredPath(EMPTY_CONFIG, p)), [false, false, false]);
  });
});

suite('rulesForPath layers overrides over top-level rules', () => {
  const cfg = config({
    rules: { 'hardcoded-token': 'error', 'expiring-token': 'info' },
    overrides: [
      { files: ['test/**', '*.spec.ts'], rules: { 'hardcoded-token': 'off', 'malformed-token': 'hint' } },
      { files: ['test/fixtures/'], rules: { 'hardcoded-token': 'warning' } },
      { files: ['*.md'], rules: { 'development-environment': 'off' } },
    ],
  });
  const cases: { path: string; expected: Rules }[] = [
    { path: 'src/plaid.ts', expected: { 'hardcoded-token': 'error', 'expiring-token': 'info' } },
    { path: 'test/plaid.ts', expected: { 'hardcoded-token': 'off', 'expiring-token': 'info', 'malformed-token': 'hint' } },
    { path: 'src/api/plaid.spec.ts', expected: { 'hardcoded-token': 'off', 'expiring-token': 'info', 'malformed-token': 'hint' } },
    { path: 'test/fixtures/tokens.json', expected: { 'hardcoded-token': 'warning', 'expiring-token': 'info', 'malformed-token': 'hint' } },
    { path: 'lib/test/plaid.ts', expected: { 'hardcoded-token': 'error', 'expiring-token': 'info' } },
    { path: 'docs/setup.md', expected: { 'hardcoded-token': 'error', 'expiring-token': 'info', 'development-environment': 'off' } },
  ];
  for (const { path, expected } of cases) {
    test(`Should resolve ${path}`, () => assert.deepStrictEqual(rulesForPath(cfg, path), expected));
  }

  test('Should let a later override win over an earlier one', () => {
    const ordered = config({ overrides: [{ files: ['*.ts'], rules: { 'expiring-token': 'error' } }, { files: ['src/**'], rules: { 'expiring-token': 'hint' } }] });
    assert.deepStrictEqual(rulesForPath(ordered, 'src/a.ts'), { 'expiring-token': 'hint' });
    const reversed = config({ overrides: [...ordered.overrides].reverse() });
    assert.deepStrictEqual(rulesForPath(reversed, 'src/a.ts'), { 'expiring-token': 'error' });
  });

  test('Should leave the config unchanged', () => {
    const before = JSON.stringify(cfg);
    rulesForPath(cfg, 'test/fixtures/a.ts');
    assert.strictEqual(JSON.stringify(cfg), before);
  });

  test('Should resolve nothing from the empty config', () => {
    assert.deepStrictEqual(rulesForPath(EMPTY_CONFIG, 'src/a.ts'), {});
    assert.ok(Object.isFrozen(EMPTY_CONFIG) && Object.isFrozen(EMPTY_CONFIG.rules) && Object.isFrozen(EMPTY_CONFIG.ignore));
  });
});

suite('mergeRules', () => {
  const cases: { name: string; layers: Rules[]; expected: Rules }[] = [
    { name: 'nothing from no layers', layers: [], expected: {} },
    { name: 'one layer as it is', layers: [{ 'hardcoded-secret': 'warning' }], expected: { 'hardcoded-secret': 'warning' } },
    { name: 'a later layer over an earlier one', layers: [{ 'hardcoded-secret': 'warning', 'expiring-token': 'info' }, { 'hardcoded-secret': 'off' }],
      expected: { 'hardcoded-secret': 'off', 'expiring-token': 'info' } },
    { name: 'the last of three layers', layers: [{ 'malformed-token': 'error' }, { 'malformed-token': 'hint' }, { 'malformed-token': 'warning' }],
      expected: { 'malformed-token': 'warning' } },
    { name: 'an undefined value as no opinion', layers: [{ 'hardcoded-token': 'error' }, { 'hardcoded-token': undefined, 'expiring-token': 'off' }],
      expected: { 'hardcoded-token': 'error', 'expiring-token': 'off' } },
  ];
  for (const { name, layers, expected } of cases) {
    test(`Should merge ${name}`, () => assert.deepStrictEqual(mergeRules(...layers), expected));
  }

  test('Should not change its inputs', () => {
    const first: Rules = { 'hardcoded-token': 'error' };
    const merged = mergeRules(first, { 'hardcoded-token': 'off' });
    merged['expiring-token'] = 'hint';
    assert.deepStrictEqual(first, { 'hardcoded-token': 'error' });
  });
});
