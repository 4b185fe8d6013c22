/**
 * The one masking function every output uses. A masked value keeps a few characters at each end so a person can
 * tell two values apart, and never enough to use or brute-force it.
 */
import { environmentAliases, environmentSegments, knownPrefixes } from './glossary';
import { escapeRegExp } from './regexp';

const ELLIPSIS = '…';

/** Masks any secret-like value: `0123…cdef` for long values, bullets for short ones. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '•'.repeat(Math.max(value.length, 4));
  const keep = value.length >= 24 ? 4 : 2;
  return value.slice(0, keep) + ELLIPSIS + value.slice(-keep);
}

/** A type or environment word for display: such words are not secret, but a pasted secret may sit where they belong. */
export function maskWord(word: string): string {
  return word.length <= 20 ? word : maskSecret(word);
}

/**
 * Masks a Plaid token: the type and environment stay readable (they are not secret), the tail keeps its last four
 * characters, e.g. `access-sandbox-…3f2a`.
 */
export function maskToken(token: string, tailStart?: number): string {
  const start = tailStart ?? guessTailStart(token);
  if (start <= 0 || start >= token.length) return maskSecret(token);
  const tail = token.slice(start);
  const visible = tail.length > 12 ? tail.slice(-4) : '';
  return token.slice(0, start) + ELLIPSIS + visible;
}

/** `type-` then a Plaid environment and a hyphen (`asset-report-production-`); the type may hold hyphens. */
const KNOWN_HEAD = new RegExp(`^[A-Za-z]+(?:-[A-Za-z]+)*?-(?:${[...environmentSegments.keys()].join('|')})-`);
/** Any `word-word-` head, for misspelt environments (`access-prod-`). */
const ANY_HEAD = /^[A-Za-z]+(?:-[A-Za-z]+)*?-[A-Za-z]{2,12}-/;

/** Where the tail of `type-env-tail` starts: after a known environment if there is one, else after the second word. */
function guessTailStart(token: string): number {
  const match = KNOWN_HEAD.exec(token) ?? ANY_HEAD.exec(token);
  return match ? match[0].length : -1;
}

/** Words longest first, escaped, as one alternation: `credit-relay|access|a`. */
function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/**
 * Where a value may start: after no letter or digit, or after a JSON escape such as `\n` or `\u001b`, whose last
 * character is a letter or digit that belongs to the escape, not to the value.
 */
const VALUE_START = String.raw`(?:(?<![A-Za-z0-9])|(?<=\\[A-Za-z]|\\u[0-9A-Fa-f]{4}))`;

/**
 * The shortest tail after a known head that counts as a value: `link-production-banner` stays readable, while real
 * tails are far longer (a UUID has 36 characters).
 */
export const MIN_VALUE_TAIL = 8;

/**
 * A glossary prefix and environment (or its abbreviation), in any case, then a tail of any shape: Plaid's own tails
 * may hold no digit at all (`credit-relay-production-` and 26 upper-case base32 letters).
 */
const KNOWN_TOKEN = new RegExp(
  `${VALUE_START}((?:${alternation(knownPrefixes.map((p) => p.prefix))})-` +
    `(?:${alternation([...environmentSegments.keys(), ...environmentAliases.keys()])})-)` +
    `([A-Za-z0-9][A-Za-z0-9_-]{${MIN_VALUE_TAIL - 1},})`,
  'gi',
);

/**
 * Any other `word-word-tail` run whose tail holds a digit (a misspelt type or environment); without the digit rule,
 * words such as `access-control-allow-origin` would be masked. Every quantifier is bounded, so a long hyphenated
 * run without digits costs linear time, not cubic.
 */
const TOKEN_SHAPED = /\b([a-z]{1,24}(?:-[a-z]{1,24}){0,3}-[a-z]{2,12}-)((?=[a-z-]{0,96}[0-9])[a-z0-9][a-z0-9-]{15,})/gi;

/** A run of 16 and more hex digits; in JSON text a value after a tab or newline reads `\t…` or `\n…`. */
const LONG_HEX = /(?<!(?<!\\)[A-Za-z0-9])[A-Fa-f0-9]{16,}(?![A-Za-z0-9])/g;

/** The patterns {@link maskText} applies, in order, for tests that check their shape. */
export const MASK_PATTERNS: readonly RegExp[] = [KNOWN_TOKEN, TOKEN_SHAPED, LONG_HEX];

/**
 * Replaces every token-shaped or long-hex run in free text (log lines, error messages) by its masked form.
 * A last line of defence for text that did not come from the engine's own masked messages. Known heads go first,
 * so a tail is never split by the looser pattern; each pass only ever shortens what the previous one left.
 */
export function maskText(text: string): string {
  const maskHeadAndTail = (_m: string, head: string, tail: string) => maskToken(head + tail, head.length);
  return text
    .replace(KNOWN_TOKEN, maskHeadAndTail)
    .replace(TOKEN_SHAPED, maskHeadAndTail)
    .replace(LONG_HEX, (hex) => maskSecret(hex));
}
