/**
 * `maskText` and the engine's other masking paths (decoder, token list, token under the cursor) over the masking
 * table: every non-UUID prefix × every environment × tails without a digit, upper-case base32 and mixed-case tails.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { decodeToken, findTokens, maskText, tokenAt } from '../../../server/src/engine';
import { environmentAliases, environmentSegments, knownPrefixes } from '../../../server/src/engine/glossary';
import { MASK_PATTERNS, MIN_VALUE_TAIL } from '../../../server/src/engine/mask';
import { expectedMask, HEAD_CASES, maskingRows, TAIL_KINDS, tailLeaks, UUID_PREFIXES } from '../maskingRows';
import { UUID } from './helpers';

/** Places a value can sit in free text, each with how the masked value must read there. */
const CONTEXTS: { name: string; wrap: (value: string) => string }[] = [
  { name: 'a log line', wrap: (v) => `exchanged ${v} ok` },
  { name: 'a quoted assignment', wrap: (v) => `relay_token='${v}';` },
  { name: 'a URL query', wrap: (v) => `https://example.test/cb?token=${v}&state=1` },
  // A message trace prints documents as JSON, where a value at the start of a line follows the `n` of `\n`.
  { name: 'a JSON string after a newline escape', wrap: (v) => JSON.stringify({ text: `line one\n${v}\n\t${v}` }) },
  { name: 'a line of its own', wrap: (v) => v },
];

/** Checks `maskText` on `token` in every context: exactly the head, an ellipsis and at most four tail characters. */
function assertMaskedEverywhere(head: string, tail: string, label: string): void {
  for (const context of CONTEXTS) {
    const masked = maskText(context.wrap(head + tail));
    assert.strictEqual(masked, context.wrap(expectedMask(head, tail)), `${label} in ${context.name}`);
    assert.deepStrictEqual(tailLeaks(masked, tail), [], `${label} in ${context.name}`);
  }
}

suite('maskText: every non-UUID prefix × environment, whatever the tail looks like', () => {
  for (const row of maskingRows()) {
    test(`Should mask ${row.name}, in every case and context`, () => {
      for (const headCase of HEAD_CASES) assertMaskedEverywhere(headCase.apply(row.head), row.tail, `${headCase.name}, ${row.tailKind}`);
    });
  }
});

suite('maskText: UUID prefixes and environment abbreviations with digit-free tails', () => {
  for (const row of maskingRows(UUID_PREFIXES)) {
    test(`Should mask ${row.name}`, () => assertMaskedEverywhere(row.head, row.tail, row.tailKind));
  }
  for (const [alias, segment] of environmentAliases) {
    test(`Should mask credit-relay-${alias}- (short for ${segment}) and access-${alias}- with a digit-free tail`, () => {
      for (const kind of TAIL_KINDS) {
        const tail = kind.make();
        assertMaskedEverywhere(`credit-relay-${alias}-`, tail, kind.name);
        assertMaskedEverywhere(`access-${alias}-`, tail, kind.name);
      }
    });
  }
});

suite('maskText: a property over any glossary head and tail', () => {
  const TAIL_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'];
  const head = fc
    .tuple(
      fc.constantFrom(...knownPrefixes.map((p) => p.prefix)),
      fc.constantFrom(...environmentSegments.keys(), ...environmentAliases.keys()),
      fc.constantFrom(...HEAD_CASES),
    )
    .map(([prefix, environment, headCase]) => headCase.apply(`${prefix}-${environment}-`));
  const tail = fc
    .tuple(fc.constantFrom(...TAIL_CHARS.slice(0, 62)), fc.array(fc.constantFrom(...TAIL_CHARS), { minLength: MIN_VALUE_TAIL - 1, maxLength: 60 }))
    .map(([first, rest]) => first + rest.join(''));
  const separator = fc.constantFrom('', ' ', '"', "'", '=', '\n', '\\n', '(', ',', '/', ': ', '…');

  test('Should leave only the head and at most the last four tail characters, wherever the value sits', () => {
    fc.assert(
      fc.property(separator, head, tail, separator, (before, h, t, after) => {
        assert.strictEqual(maskText(before + h + t + after), before + expectedMask(h, t) + after);
      }),
      { numRuns: 500 },
    );
  });
});

suite('maskText: look-alikes', () => {
  const readable: [name: string, text: string][] = [
    ['a header name', 'access-control-allow-origin: *'],
    ['a CSS class with a short last word', 'class="link-production-banner"'],
    ['a slug with a short last word', '/docs/public-sandbox-guide'],
    [`a tail one short of ${MIN_VALUE_TAIL} characters`, `credit-relay-production-${'A'.repeat(MIN_VALUE_TAIL - 1)}`],
    ['an unknown type before an environment', 'data-production-abcdefghijklmnop'],
    ['a known prefix inside a longer word', 'metadata-sandbox-abcdefghijklmnop and accessory-sandbox-abcdefghijkl'],
    ['an environment without a type', 'sandbox-production-abcdefghijklmnop'],
    ['a known head with no tail', 'startsWith("credit-relay-production-")'],
    ['an English sentence', 'A production-ready sandbox-friendly approach.'],
  ];
  for (const [name, text] of readable) {
    test(`Should leave ${name} readable`, () => assert.strictEqual(maskText(text), text));
  }

  // Safety over readability: a known head with a long tail is masked even when the tail is plain words.
  const masked: [name: string, text: string, expected: string][] = [
    ['a slug with a long last word', '/blog/access-production-checklist', '/blog/access-production-…'],
    ['a CSS class with two more words', 'link-production-banner-large', 'link-production-…'],
    ['a prefix after an underscore', 'PLAID_access-sandbox-abcdefghijklmnop', 'PLAID_access-sandbox-…mnop'],
    ['a prefix after another word and a hyphen', 'my-credit-relay-sandbox-ABCDEFGHIJKLMNOP', 'my-credit-relay-sandbox-…MNOP'],
    ['a UUID token, as before', `access-sandbox-${UUID}`, 'access-sandbox-…9b0c'],
  ];
  for (const [name, text, expected] of masked) {
    test(`Should mask ${name}`, () => assert.strictEqual(maskText(text), expected));
  }
});

suite('decodeToken: the masking table', () => {
  for (const row of maskingRows()) {
    test(`Should decode ${row.name} without showing the tail`, () => {
      const decoded = decodeToken(row.token);
      assert.strictEqual(decoded.masked, expectedMask(row.head, row.tail));
      assert.strictEqual(decoded.type, row.prefix);
      for (const headCase of HEAD_CASES) {
        const json = JSON.stringify(decodeToken(headCase.apply(row.head) + row.tail));
        assert.deepStrictEqual(tailLeaks(json, row.tail), [], headCase.name);
      }
    });
  }
});

suite('findTokens and tokenAt (Tokens view, hovers): the masking table', () => {
  /** A line that names the value a token, so the engine takes even a digit-free opaque tail for one. */
  const line = (token: string) => `const relay_token = "${token}";`;

  for (const row of maskingRows()) {
    test(`Should list ${row.name} masked only`, () => {
      const text = line(row.token);
      const tokens = findTokens(text);
      assert.deepStrictEqual(tokens.map((t) => t.masked), [expectedMask(row.head, row.tail)]);
      assert.strictEqual(tokenAt(text, text.indexOf(row.tail) + 4)?.masked, expectedMask(row.head, row.tail));
      for (const headCase of HEAD_CASES) {
        const other = line(headCase.apply(row.head) + row.tail);
        assert.deepStrictEqual(tailLeaks(JSON.stringify(findTokens(other)), row.tail), [], headCase.name);
      }
    });
  }
});

/** Every unbounded quantifier (`*`, `+`, `{n,}`) in a pattern's source, outside character classes. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    } else if (c === '*' || c === '+') found.push(`${c} at ${i}`);
    else if (c === '{' && /^\{\d+,\}/.test(source.slice(i))) found.push(`{n,} at ${i}`);
  }
  return found;
}

suite('maskText stays linear on hostile input', () => {
  // Every quantifier bounded: a try at any position costs a bounded number of steps, and runs are read by a plain
  // loop, so the regular expression engine never keeps a backtrack entry per character of a run (which overflowed
  // its stack on runs of some million characters). Speed itself is measured as a ratio by the benchmark's
  // adversarial cases, not here.
  for (const pattern of MASK_PATTERNS) {
    test(`Should bound every quantifier of ${pattern.source.slice(0, 48)}…`, () => {
      assert.deepStrictEqual(unboundedQuantifiers(pattern.source), [], pattern.source);
    });
  }
  test('Should find unbounded quantifiers where there are some (the check can fail)', () => {
    assert.deepStrictEqual(unboundedQuantifiers(String.raw`a+[*+]\*(?:b{2,})*c{1,3}`).length, 3);
  });

  /** One line of `piece` repeated `times` times, like the benchmark's adversarial inputs. */
  const hostile = (piece: string, times = 10_000) => piece.repeat(times);
  const LONG = 10_000_000;
  /** Compares long strings without printing them whole when they differ. */
  const same = (actual: string, expected: string) =>
    assert.ok(actual === expected, `got ${actual.length} characters starting ${JSON.stringify(actual.slice(0, 60))}`);
  const cases: [name: string, input: () => string, check: (masked: string) => void][] = [
    ['known heads repeated', () => hostile('credit-relay-production-'), (m) => same(m, 'credit-relay-production-…ion-')],
    ['known heads with seven-letter tails', () => hostile('credit-relay-production-ABCDEFG '), (m) => same(m, hostile('credit-relay-production-ABCDEFG '))],
    ['short hyphenated words', () => hostile('ab-', 100_000), (m) => same(m, hostile('ab-', 100_000))],
    ['newline escapes before tokens', () => hostile('\\ncredit-relay-sandbox-ABCDEFGHIJKLMNOP'), (m) => same(m, hostile('\\ncredit-relay-sandbox-…MNOP'))],
    ['hex runs and hyphens', () => hostile('0123456789abcdef-'), (m) => same(m, hostile('01…ef-'))],
    ['a known head before a ten-million-character tail', () => `access-sandbox-${'Q'.repeat(LONG)} end`, (m) => same(m, 'access-sandbox-…QQQQ end')],
    ['a misspelt head before a ten-million-character tail', () => `acess-sandbox-1${'q'.repeat(LONG)}`, (m) => same(m, 'acess-sandbox-…qqqq')],
    ['a ten-million-digit hex run', () => `=${'ab'.repeat(LONG / 2)};`, (m) => same(m, '=abab…abab;')],
    ['a ten-million-digit hex run that ends in a letter', () => `${'0'.repeat(LONG)}g`, (m) => same(m, `${'0'.repeat(LONG)}g`)],
  ];
  for (const [name, input, check] of cases) {
    test(`Should mask ${name} in one pass`, () => check(maskText(input())));
  }
});
