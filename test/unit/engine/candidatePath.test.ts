/**
 * The cheap candidate path: hits found from hyphen to hyphen, look-alikes rejected from a few characters before
 * anything is built. Each shortcut must find exactly what the plain path finds: look-alikes stay silent, real
 * tokens next to them still fire, and the edges of each shortcut (group lengths, the 160-character line prefix)
 * fall on the right side.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { scan } from '../../../server/src/engine';
import { candidateHitFinder, candidatePattern, type CandidateHit } from '../../../server/src/engine/candidateHits';
import {
  CANDIDATE_SEGMENTS,
  CANDIDATE_TYPES,
  findCandidates,
  findHit,
  findMeantCandidates,
  isMeantAsToken,
} from '../../../server/src/engine/tokens';
import { isPlaceholderAt, isUuidShaped, mayBeUuidShaped } from '../../../server/src/engine/uuid';
import { flaggedText, UUID, UUID2 } from './helpers';

/** Every hit the expression itself finds from `from`, restarting where each hit ends, as the finder is used. */
function regexHits(re: RegExp, text: string, from: number, to: number): CandidateHit[] {
  const hits: CandidateHit[] = [];
  const g = new RegExp(re.source, 'g');
  g.lastIndex = from;
  for (let m = g.exec(text); m !== null && m.index < to; m = g.exec(text)) {
    hits.push(m[1] !== undefined ? { index: m.index, environment: m[1], end: g.lastIndex } : { index: m.index, type: m[2]!, word: m[3]!, end: g.lastIndex });
  }
  return hits;
}

function finderHits(find: ReturnType<typeof candidateHitFinder>, text: string, from: number, to: number): CandidateHit[] {
  const hits: CandidateHit[] = [];
  for (let hit = find(text, from, to); hit !== undefined; hit = find(text, hit.end, to)) hits.push(hit);
  return hits;
}

/** Pieces around every hit's edges: types, environments, words of every length, hyphens and word characters. */
const PIECES = [
  ...CANDIDATE_TYPES, ...CANDIDATE_SEGMENTS, 'payment', 'party', 'third', 'token', 'report', 'prod', 'sbx', 'ab', 'a',
  'abcdefghijkl', 'abcdefghijklm', '-', '-', '--', '_', '0', 'x', ' ', '\n', '"', UUID.slice(0, 8), 'Sandbox',
];
const textOf = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

suite('candidate hits: hyphen to hyphen equals the expression', () => {
  test('the glossary lists take the hyphen path', () => {
    assert.strictEqual(findHit.byHyphens, true);
  });

  const lists: [name: string, segments: string[], types: string[], byHyphens: boolean][] = [
    ['the glossary lists', [...CANDIDATE_SEGMENTS], [...CANDIDATE_TYPES], true],
    ['types that share a start', ['sandbox', 'production'], ['payment-profile', 'payment-token', 'pay'], true],
    ['a type inside a longer type', ['sandbox'], ['payment', 'payment-token'], false],
    ['an environment inside a type', ['sandbox', 'token'], ['payment-token', 'access'], false],
  ];
  for (const [name, segments, types, byHyphens] of lists) {
    test(`${name}: ${byHyphens ? 'hyphens' : 'the expression'}, the same hits from any start and end (seeded)`, () => {
      const find = candidateHitFinder(segments, types);
      assert.strictEqual(find.byHyphens, byHyphens);
      const re = candidatePattern(segments, types);
      fc.assert(
        fc.property(textOf, fc.nat(), fc.nat(), (text, a, b) => {
          const from = a % (text.length + 1);
          const to = from + (b % (text.length + 2 - from));
          assert.deepStrictEqual(finderHits(find, text, from, to), regexHits(re, text, from, to));
        }),
        { numRuns: 600 },
      );
    });
  }

  const rows: [name: string, text: string, from: number, to: number, expected: string[]][] = [
    ['an environment between hyphens', 'x-sandbox-y', 0, 11, ['1:sandbox']],
    ['a type and a short word', 'access-prod-1', 0, 13, ['0:access/prod']],
    ['the longest type at one hyphen', 'third-party-user-sbx-', 0, 21, ['0:third-party-user/sbx']],
    ['a type inside a word is none, its environment is', 'xaccess-sandbox-1', 0, 17, ['7:sandbox']],
    ['a word of 12 letters', 'link-abcdefghijkl-', 0, 18, ['0:link/abcdefghijkl']],
    ['a word of 13 letters is none', 'link-abcdefghijklm-', 0, 19, []],
    ['a word of one letter is none', 'link-a-', 0, 7, []],
    ['a hit starting at `to` is outside', 'ab-sandbox-', 0, 2, []],
    ['a hit starting just before `to` is inside', 'ab-sandbox-', 0, 3, ['2:sandbox']],
    ['a type starting before `to` whose hyphen lies past it', 'x access-prod-', 0, 3, ['2:access/prod']],
    ['a type starting before `from` is outside, its environment is not', 'access-sandbox-', 1, 15, ['6:sandbox']],
    ['a hyphen first in the text has nothing before it', '-sandbox-', 0, 9, ['0:sandbox']],
    ['a hyphen last in the text has nothing after it', 'access-prod-', 0, 12, ['0:access/prod']],
    ['a text of one hyphen', '-', 0, 1, []],
    ['a type and a hyphen at the end of the text', 'x access-', 0, 9, []],
    ['a type after a character outside Latin-1', '\u2026access-prod-', 0, 13, ['1:access/prod']],
    ['an environment after a character outside the BMP', '\u{1F600}-sandbox-', 0, 11, ['2:sandbox']],
  ];
  for (const [name, text, from, to, expected] of rows) {
    test(name, () => {
      const found = finderHits(findHit, text, from, to).map((h) => `${h.index}:${h.environment ?? `${h.type}/${h.word}`}`);
      assert.deepStrictEqual(found, expected);
    });
  }
});

suite('uuid shape shortcuts', () => {
  const rows: [tail: string][] = [
    [UUID], [UUID.toUpperCase()], [UUID.slice(0, 23)], ['4f2a9c1-7b3d-4e8a-9c2b-1d3e5f7a9b0c'], ['0123456789abcdef'], ['0123456789abcde'],
    ['banner'], ['settings'], ['container'], ['abcdefgh-ijkl'], ['-abcdefgh'], ['4f2a9c1e'], [`${UUID}-copy`], ['a'], [''],
  ];
  for (const [tail] of rows) {
    test(`Should never rule out a shaped tail: ${JSON.stringify(tail)}`, () => {
      const text = `>>${tail}<<`;
      if (isUuidShaped(tail)) assert.ok(mayBeUuidShaped(text, 2, 2 + tail.length));
    });
  }
  test('Should rule out the look-alikes of the dense corpus', () => {
    for (const tail of ['banner', 'settings', 'container', 'notice', '4f2a9c1e']) assert.strictEqual(mayBeUuidShaped(tail, 0, tail.length), false, tail);
  });
  const placeholders: [tail: string, placeholder: boolean][] = [
    ['xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx', true], ['00000000-0000-0000-0000-000000000000', true], ['XXXX', true],
    ['x1b2c3d4-7b3d-4e8a-9c2b-1d3e5f7a9b0c', false], ['0f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a9b0c', false], [UUID, false], ['', false],
  ];
  for (const [tail, placeholder] of placeholders) {
    test(`Should ${placeholder ? '' : 'not '}call ${JSON.stringify(tail)} a placeholder`, () => {
      assert.strictEqual(isPlaceholderAt(`'${tail}'`, 1, 1 + tail.length), placeholder);
    });
  }
});

/** A text with `spaces` blanks between a `token` key and its value: the key stays in the 160-character line prefix up to 152. */
const keyedAfter = (spaces: number, value: string) => `token${' '.repeat(spaces)}= "${value}"`;

suite('look-alikes beside real tokens', () => {
  const rows: [name: string, file: string, text: string, expected: string[]][] = [
    ['a CSS class beside a link token', 'a.ts', `cls = 'link-production-banner'; t = 'link-production-${UUID}'`, [`expiring-token@link-production-${UUID}`]],
    ['a route beside an access token', 'a.ts', `route = 'user-production-settings'\nx = "access-production-${UUID}"`, [`hardcoded-token@access-production-${UUID}`]],
    ['a documentation placeholder beside a real token', 'a.py', `ex = 'access-sandbox-xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'\nt = 'access-sandbox-${UUID}'`, [`hardcoded-token@access-sandbox-${UUID}`]],
    ['an all-zero placeholder beside a token starting with 0', 'a.ts', `a = 'access-sandbox-00000000-0000-0000-0000-000000000000'; b = 'access-sandbox-0${UUID.slice(1)}'`, [`hardcoded-token@access-sandbox-0${UUID.slice(1)}`]],
    ['a tail starting with x that is no placeholder', 'a.ts', `t = 'access-sandbox-x${UUID.slice(1)}'`, ['malformed-token@x' + UUID.slice(1, 8)]],
    ['a container class beside a misspelt type', 'a.ts', `c = 'my-sandbox-container'\nt = 'acess-sandbox-${UUID}'`, ['malformed-token@acess']],
    ['an unknown type with a UUID beside a misspelt environment', 'a.ts', `d = 'deploy-production-${UUID}'\nt = 'access-prod-${UUID2}'`, ['malformed-token@prod']],
    ['an HTTP header beside an access token', 'a.js', `h = 'access-control-allow-origin'; t = 'access-sandbox-${UUID}'`, [`hardcoded-token@access-sandbox-${UUID}`]],
    ['a header word followed by a UUID', 'a.js', `h = 'access-control-${UUID}'`, []],
    ['a 15-hex tail alone is silent', 'a.ts', "x = 'access-sandbox-0123456789abcde'", []],
    ['a 16-hex tail is a UUID attempt', 'a.ts', "x = 'access-sandbox-0123456789abcdef'", ['malformed-token@0123456789abcdef']],
    ['a first group of 7 is no UUID', 'a.ts', `x = 'access-sandbox-${UUID.slice(1)}'`, []],
    ['a first group of 8 is', 'a.ts', `x = 'access-sandbox-${UUID}'`, [`hardcoded-token@access-sandbox-${UUID}`]],
    ['a word tail under a token key', 'a.rb', 'access_token = "access-sandbox-banner"', ['malformed-token@banner']],
    ['a word tail under a longer key', 'a.rb', 'access_tokens = "access-sandbox-banner"', []],
    ['a word tail in escaped JSON', 'a.ts', 'const body = "{\\"access_token\\":\\"access-sandbox-banner\\"}";', ['malformed-token@banner']],
    ['a word tail after a no-break space', 'a.ts', 'token =\u00a0"access-sandbox-banner"', ['malformed-token@banner']],
    ['a word tail as the value of a named pair', 'k.yaml', '- name: ACCESS_TOKEN\n  value: access-sandbox-banner', ['malformed-token@banner']],
    ['a key 152 blanks before the value', 'a.ts', keyedAfter(152, 'access-sandbox-banner'), ['malformed-token@banner']],
    ['a key 153 blanks before the value is out of reach', 'a.ts', keyedAfter(153, 'access-sandbox-banner'), []],
    ['a key on the line above', 'a.ts', 'token =\n"access-sandbox-banner"', []],
    ['a slug that runs into a token is one slug', 'a.html', `<a class="link-production-banner-sandbox-${UUID}">`, []],
    ['an opaque tail with a digit', 'a.ts', 'audit = "a-production-3TAU2CWVYBDVRHUCAAAI27ULU4"', []],
    ['a Development look-alike beside a Development token', 'a.ts', `c = 'public-development-mode'\nt = 'public-development-${UUID}'`, [`expiring-token@public-development-${UUID}`, 'development-environment@development']],
  ];
  for (const [name, file, text, expected] of rows) {
    test(name, () => {
      const found = scan(text, { fileName: file }).map((f) => `${f.rule}@${flaggedText(text, f)}`);
      assert.deepStrictEqual(found, expected);
    });
  }
});

suite('meant candidates equal candidates filtered (seeded)', () => {
  const parts = [
    ...CANDIDATE_TYPES.slice(0, 6), 'acess', 'my', 'deploy', 'a', 'credit-relay', '-', '-', 'sandbox', 'production', 'development', 'prod', 'sbx', 'control',
    UUID, UUID.toUpperCase(), UUID.slice(0, 23), UUID.slice(1), 'xxxxxxxx-xxxx', '00000000', 'banner', 'settings', 'abc123def456', '0123456789abcdef',
    ' ', ' = ', ': ', '"', "'", '\\"', '\n', '\\n', '\u00a0', '...', '…', '<', '${', 'token', 'access_token', 'Token', '- name: LINK_TOKEN\n  value: ', '_',
  ];
  test('findMeantCandidates is findCandidates filtered by isMeantAsToken, for any text and window', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), fc.nat(), (pieces, cut) => {
        const text = pieces.join('');
        const from = cut % (text.length + 1);
        assert.deepStrictEqual(findMeantCandidates(text, from), findCandidates(text, from).filter(isMeantAsToken));
      }),
      { numRuns: 1500 },
    );
  });
});
