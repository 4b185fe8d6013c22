/**
 * The glossary is written in our own words: no run of eight words of Plaid's glossary (the seed text, found beside
 * the repository) appears in any entry. The detector is tested too, so a pasted sentence cannot slip through.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { GlossaryEntry, OtherPrefix } from '../../server/src/engine/glossary';
import { copiedPhrases, phrasesOf, sentences, textFields, WINDOW, words } from './copiedPhrases';

// Compiled to out/test/unit/, so the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');

const data = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary/plaid-glossary.json'), 'utf8')) as {
  entries: GlossaryEntry[];
  otherPrefixes: OtherPrefix[];
};

const SEED_CANDIDATES = [
  process.env.PLAID_LENS_GLOSSARY_SEED,
  path.join(ROOT, 'test/fixtures/plaid-glossary-seed.txt'),
  path.resolve(ROOT, '../shared/seeds/plaid-glossary.txt'),
].filter((p): p is string => p !== undefined && p !== '');
const seedPath = SEED_CANDIDATES.find((p) => fs.existsSync(p));
const seedText = seedPath === undefined ? undefined : fs.readFileSync(seedPath, 'utf8');


suite('Glossary data: own words', () => {
  const SYNTHETIC = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa. Lambda mu nu xi omicron pi.';
  const DETECTOR: [what: string, text: string, copied: boolean][] = [
    ['a whole sentence in other case and punctuation', 'ALPHA, beta; gamma-delta epsilon zeta (eta) theta iota kappa!', true],
    ['eight consecutive words inside a longer text', 'We said: beta gamma delta epsilon zeta eta theta iota, then left.', true],
    ['a whole short sentence', 'So: lambda mu nu xi omicron pi.', true],
    ['seven consecutive words', 'alpha beta gamma delta epsilon zeta eta and more', false],
    ['words that run across a sentence boundary', 'eta theta iota kappa lambda mu nu xi', false],
    ['the same words in another order', 'kappa iota theta eta zeta epsilon delta gamma beta alpha', false],
  ];
  for (const [what, text, copied] of DETECTOR) {
    test(`Should ${copied ? '' : 'not '}detect ${what}`, () => {
      assert.strictEqual(copiedPhrases(text, phrasesOf(SYNTHETIC)).length > 0, copied);
    });
  }

  if (seedText === undefined) {
    test(`Should compare entries with the seed glossary (not found at ${SEED_CANDIDATES.join(' or ')})`, function () {
      this.skip();
    });
    return;
  }
  const seedPhrases = phrasesOf(seedText);

  for (const sentence of sentences(seedText).filter((s) => words(s).length >= WINDOW)) {
    test(`Should catch a pasted seed sentence: "${sentence.slice(0, 50)}…"`, () => {
      const pasted = `Our text. ${sentence.toUpperCase()} More of ours.`;
      assert.ok(copiedPhrases(pasted, seedPhrases).length > 0);
    });
  }

  for (const e of data.entries) {
    test(`Should write ${e.id} in our own words`, () => {
      const copies = textFields(e).flatMap(([field, text]) => copiedPhrases(text, seedPhrases).map((p) => `${field}: "${p}"`));
      assert.deepStrictEqual(copies, []);
    });
  }

  test('Should write the other prefixes in our own words', () => {
    const copies = data.otherPrefixes.flatMap((o) => copiedPhrases(o.description, seedPhrases));
    assert.deepStrictEqual(copies, []);
  });
});
