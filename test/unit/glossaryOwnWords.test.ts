/**
 * The glossary is written in our own words: no run of eight words of Plaid's glossary (the seed text, found beside
 * the repository) appears in any entry. The detector is tested too, so a pasted sentence cannot slip through.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { GlossaryEntry, OtherPrefix } from '../../server/src/engine/glossary';
import { FIXTURE_SPEC, REAL_SPEC, specTexts } from './apiSources';
import { copiedPhrases, copiedRuns, phrasesOf, sentences, textFields, WINDOW, words } from './copiedPhrases';

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

/**
 * The API data and our API notes against the spec's own prose. CI has only the fixture spec: there the generator is
 * shown to drop every description (apiGenerator.test.ts), and the committed files are compared with the fixture's
 * prose; on a machine with the real spec, with every description, summary and title of Plaid's.
 */
suite('API glossary data: own words', () => {
  const api = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary/plaid-api.json'), 'utf8')) as unknown;
  const notes = JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary/plaid-api-notes.json'), 'utf8')) as unknown;
  // A string without a space is a name, a value or a link, never prose: the spec's sentences mention the same enum
  // values (`urn:ietf:params:oauth:grant-type:token-exchange`) and link to the same docs pages the data names.
  const strings = [...textFields(api), ...textFields(notes)].filter(([, text]) => /\s/.test(text.trim()));

  test('Should hold no prose field in the generated data', () => {
    const prose = textFields(api).filter(([field]) => /(^|\.)(description|summary|title)$/.test(field));
    assert.deepStrictEqual(prose, []);
  });

  const sources: [name: string, file: string | undefined][] = [
    ['the fixture spec', FIXTURE_SPEC],
    ['the real spec', REAL_SPEC],
  ];
  for (const [name, file] of sources) {
    if (file === undefined) {
      test(`Should compare the API data with ${name} (set PLAID_LENS_OPENAPI_SPEC to its path to run)`, function () {
        this.skip();
      });
      continue;
    }
    test(`Should share no run of ${WINDOW} words with ${name}`, function () {
      this.timeout(60000);
      const texts = specTexts(file);
      const phrases = phrasesOf(texts.join('\n'));
      // The detector sees the source: one of its own sentences is caught.
      const sample = sentences(texts.join('\n')).find((x) => words(x).length >= WINDOW);
      assert.ok(sample !== undefined && copiedRuns(sample, phrases).length > 0);
      const copies = strings.flatMap(([field, text]) => copiedRuns(text, phrases).map((p) => `${field}: "${p}"`));
      assert.deepStrictEqual(copies, []);
    });
  }
});
