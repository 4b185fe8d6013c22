/**
 * Patterns that run only around their words find exactly what they find over the whole text: for every pattern
 * the development rule windows, on seeded texts full of near misses, long runs of blanks and words at window edges,
 * and for findings at the edge of each pattern's reach.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { scan } from '../../../server/src/engine';
import { WINDOWED_PATTERNS } from '../../../server/src/engine/rules/development';
import { reachBack } from '../../../server/src/engine/textSpans';
import { matchAllInWindows, matchAllNear, windowsNear, wordRanges } from '../../../server/src/engine/windows';
import { flaggedText, UUID } from './helpers';

/** A match as the tests compare it: where it starts and what each group holds. */
const shape = (m: RegExpExecArray | RegExpMatchArray) => [m.index, ...m];

const PIECES = [
  'development', 'Development', 'DEVELOPMENT', 'sandbox', 'Sandbox', 'production', 'Production', 'plaid', 'Plaid', 'PLAID_ENV', 'plaid_environment',
  'PlaidEnvironments', 'plaid.Environment', 'Plaid::Configuration::Environment', 'ApiClient', 'Environment', 'environments', 'Going.Plaid',
  'env', 'environment', 'value', 'name', '.developmentBaseUrl()', '.', '::', '[', ']', '"', "'", '\\"', '`', ':', '=', '=>', ':=', ',', '||', '??', ' or ',
  ':-', '{', '}', '(', ')', ' ', '  ', '\n', '\t', ' '.repeat(200), 'x', '_', '-', '$', 'a'.repeat(70), UUID,
];
const textOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

suite('windows: each windowed pattern finds what it finds in the whole text (seeded)', () => {
  for (const { name, re, words, reach } of WINDOWED_PATTERNS) {
    test(name, () => {
      fc.assert(
        fc.property(textOf, (text) => {
          const near = matchAllNear(text, re, wordRanges(text, words), reach).map(shape);
          assert.deepStrictEqual(near, [...text.matchAll(re)].map(shape));
        }),
        { numRuns: 1500 },
      );
    });
  }
});

suite('windows: patterns that share a reach share its windows (seeded)', () => {
  // The setting patterns run one after the other on one list of windows, as the rule runs them.
  const byReach = new Map<string, (typeof WINDOWED_PATTERNS)[number][]>();
  for (const p of WINDOWED_PATTERNS) {
    const key = `${p.words.source}/${p.reach.before}/${p.reach.after}`;
    byReach.set(key, [...(byReach.get(key) ?? []), p]);
  }
  for (const [key, patterns] of byReach) {
    test(`${patterns.map((p) => p.name).join(', ')} (${key})`, () => {
      fc.assert(
        fc.property(textOf, (text) => {
          const windows = windowsNear(text, wordRanges(text, patterns[0]!.words), patterns[0]!.reach);
          for (const { re } of patterns) {
            assert.deepStrictEqual(matchAllInWindows(text, re, windows).map(shape), [...text.matchAll(re)].map(shape));
            assert.strictEqual(re.lastIndex, 0, 'the expression is left as it was found');
          }
        }),
        { numRuns: 1000 },
      );
    });
  }

  test('a match that runs past its window leaves the expression at 0 too', () => {
    const re = /b\w*/g;
    const text = 'xx bcd ef bgh';
    assert.deepStrictEqual(matchAllInWindows(text, re, windowsNear(text, wordRanges(text, /b/g), { before: 0, after: 0 })).map(shape), [...text.matchAll(re)].map(shape));
    assert.strictEqual(re.lastIndex, 0);
  });

  test('no words, no windows', () => {
    assert.deepStrictEqual(windowsNear('abc', [], { before: 4, after: 4 }), []);
  });
});

suite('windows: each windowed pattern at the edge of its reach', () => {
  /** Texts with the most a pattern allows before its word: escaped quotes, operators, blanks and long keys. */
  const texts = [
    '{\\"value\\"  :  \\"development\\"}',
    "os.getenv(\\'PLAID_ENVIRONMENT\\')  ||  \\'development",
    'PLAID_ENV\\"]  ??  \\"development',
    'plaid-environment\\"  :-  development',
    'environment  =>  {  "development',
    '::Plaid::Configuration::Environment["development"]',
    'x.Acklann.Plaid.Environment.Development;',
    'client.developmentBaseUrl()',
  ];
  for (const { name, re, words, reach } of WINDOWED_PATTERNS) {
    test(name, () => {
      for (const text of texts) {
        const near = matchAllNear(text, re, wordRanges(text, words), reach).map(shape);
        assert.deepStrictEqual(near, [...text.matchAll(re)].map(shape), text);
      }
    });
  }
});

suite('windows: matchAllNear', () => {
  const rows: [name: string, re: RegExp, words: RegExp, before: number, after: number, text: string][] = [
    ['no word, no window, no match', /a=b/g, /b/g, 2, 0, 'xyz'],
    ['a match at the start of the text', /a=b/g, /b/g, 2, 0, 'a=b and more'],
    ['a match at the end of the text', /a=b/g, /b/g, 2, 0, 'more and a=b'],
    ['two windows that touch are one', /a=b/g, /b/g, 2, 0, 'a=ba=b'],
    ['blanks count once', /key\s*=\s*b/g, /b/g, 5, 0, `key${' '.repeat(300)}=${' '.repeat(300)}b`],
    ['a look-behind reads the real text before a window', /(?<!x)a=b/g, /b/g, 2, 0, 'xa=b a=b'],
    ['a look-ahead reads the real text after a window', /a=b(?!c)/g, /b/g, 2, 0, 'a=bc a=b'],
    ['a match that runs past its window: the whole text answers', /b\w*/g, /b/g, 0, 0, 'xx bcd ef bgh'],
    ['words inside one long word', /(?<![a-z])(?:dev)+(?![a-z])/g, /dev/g, 4, 0, `x ${'dev'.repeat(500)} y ${'dev'.repeat(3)}z dev`],
  ];
  for (const [name, re, words, before, after, text] of rows) {
    test(name, () => {
      assert.deepStrictEqual(matchAllNear(text, re, wordRanges(text, words), { before, after }).map(shape), [...text.matchAll(re)].map(shape));
    });
  }
});

suite('windows: Development findings at the edge of each reach', () => {
  const rows: [name: string, file: string, text: string, expected: string[]][] = [
    ['a setting after a long run of blanks', '.env.example', `PLAID_ENV${' '.repeat(500)}=${' '.repeat(500)}development`, ['development']],
    ['a setting across lines of blanks', 'a.yaml', 'PLAID_ENV:\n\n\n        development', ['development']],
    ['an escaped JSON setting', 'a.ts', 's = "{\\"PLAID_ENVIRONMENT\\":\\"development\\"}"', ['development']],
    ['the most blanks, quotes and operators a setting allows', 'a.ts', 'c = "os.getenv(\\"PLAID_ENV\\")  ||  \\"development\\""', ['development']],
    ['a fallback read', 'a.sh', 'env="${PLAID_ENV:-development}"', ['development']],
    ['a name/value pair', 'k.yaml', '- name: PLAID_ENV\n  value: "development"', ['development']],
    ['a legacy option', 'a.rb', "client = Plaid::Client.new(env: :development, client_id: id)", ['development']],
    ['the longest legacy constant', 'a.cs', '// plaid\nvar e = Acklann.Plaid.Environment.Development;', ['Acklann.Plaid.Environment.Development']],
    ['a builder method', 'A.java', '// plaid\nb.developmentBaseUrl();', ['.developmentBaseUrl()']],
    ['a constant inside a longer name is none', 'a.ts', '// plaid\nx = MyPlaidEnvironments.development;', []],
    ['a word far from any key is none', '.env.example', `PLAID_ENV=sandbox${' x'.repeat(100)} development`, []],
    ['two settings in one window', '.env.example', 'PLAID_ENV=development\nPLAID_ENVIRONMENT=development', ['development', 'development']],
  ];
  for (const [name, file, text, expected] of rows) {
    test(name, () => {
      const found = scan(text, { fileName: file }).filter((f) => f.rule === 'development-environment').map((f) => flaggedText(text, f));
      assert.deepStrictEqual(found, expected);
    });
  }
});

suite('windows: reachBack with a floor', () => {
  test('is the larger of the floor and reachBack without one (seeded)', () => {
    const pieces = ['a', 'b-c', '_', ' ', '  ', '\n', '.', '"', '\u00a0', 'word'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), fc.nat(40), fc.nat(), (parts, o, units, f) => {
        const text = parts.join('');
        const offset = o % (text.length + 1);
        const floor = f % (offset + 1);
        assert.strictEqual(reachBack(text, offset, units, floor), Math.max(floor, reachBack(text, offset, units)));
      }),
      { numRuns: 1500 },
    );
  });
});

suite('the configured environment, from hosts found by their shared end', () => {
  const token = `access-production-${UUID}`;
  const rows: [name: string, text: string, mismatch: boolean][] = [
    ['a Sandbox host configures Sandbox', `// plaid\nconst base = 'https://sandbox.plaid.com';\nconst t = '${token}';`, true],
    ['a host at the very start of the text', `sandbox.plaid.com // plaid\nt = '${token}'`, true],
    ['two hosts configure none', `// plaid\na = 'https://sandbox.plaid.com'; b = 'https://production.plaid.com'\nt = '${token}'`, false],
    ['the shared end alone is no host', `// plaid\nhost = 'api.plaid.com'\nt = '${token}'`, false],
    ['a host of the same environment as the token', `// plaid\nbase = 'https://production.plaid.com'\nt = '${token}'`, false],
    ['a host whose environment word is cut short', `// plaid\nhost = 'box.plaid.com'\nt = '${token}'`, false],
  ];
  for (const [name, text, mismatch] of rows) {
    test(name, () => {
      const found = scan(text, { fileName: 'a.ts' }).filter((f) => f.rule === 'environment-mismatch');
      assert.strictEqual(found.length, mismatch ? 1 : 0);
    });
  }
});
