/**
 * The trie-shaped expression for a set of spellings matches exactly what an alternation of them, longest first,
 * matches: same places, same text.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { escapeRegExp, trieSource } from '../../../server/src/engine/regexp';

const SEED = 20240620;

/** Every match of `re` in `text` as `index:text`. */
function matches(re: RegExp, text: string): string[] {
  return [...text.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
}

function alternation(words: string[]): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?:${sorted.join('|')})(?![a-z])`, 'g');
}

suite('trieSource', () => {
  const cases: [words: string[], text: string, expected: string[]][] = [
    [['plaid.Development', 'plaid.Sandbox'], 'x = plaid.Sandbox; y = plaid.Development', ['4:plaid.Sandbox', '23:plaid.Development']],
    [['ab', 'abc'], 'abc ab', ['0:abc', '4:ab']],
    [['a.b', 'a[b]'], 'a.b a[b] a(b)', ['0:a.b', '4:a[b]']],
    [['.devUrl()'], 'builder.devUrl().build()', ['7:.devUrl()']],
    [[], 'anything', []],
  ];
  for (const [words, text, expected] of cases) {
    test(`Should find ${JSON.stringify(expected)} for ${JSON.stringify(words)}`, () => {
      assert.deepStrictEqual(matches(new RegExp(trieSource(words), 'g'), text), expected);
    });
  }

  test(`Should match as an alternation sorted longest first does (seed ${SEED})`, () => {
    const word = fc.stringMatching(/^[ab.:[\]'"()]{1,6}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.stringMatching(/^[ab.:[\]'"() xz]{0,40}$/), (words, text) => {
        const trie = new RegExp(`${trieSource(words)}(?![a-z])`, 'g');
        assert.deepStrictEqual(matches(trie, text), matches(alternation(words), text));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
