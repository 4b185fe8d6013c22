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
 * A glossary prefix and environment (or its abbreviation), in any case, before at least a value's length of tail of
 * any shape: Plaid's own tails may hold no digit at all (`credit-relay-production-` and 26 upper-case base32 letters).
 */
const KNOWN_HEAD_RUN = new RegExp(
  `${VALUE_START}(?:${alternation(knownPrefixes.map((p) => p.prefix))})-` +
    `(?:${alternation([...environmentSegments.keys(), ...environmentAliases.keys()])})-` +
    `(?=[A-Za-z0-9][A-Za-z0-9_-]{${MIN_VALUE_TAIL - 1}})`,
  'gi',
);

/**
 * Any other `word-word-` head before a tail of 16 and more characters with a digit among its first 97 (a misspelt
 * type or environment); without the digit rule, words such as `access-control-allow-origin` would be masked.
 */
const ANY_HEAD_RUN = /\b[a-z]{1,24}(?:-[a-z]{1,24}){0,3}-[a-z]{2,12}-(?=[a-z-]{0,96}[0-9])(?=[a-z0-9][a-z0-9-]{15})/gi;

/** Where a run of 16 and more hex digits starts; in JSON text a value after a tab or newline reads `\t…` or `\n…`. */
const HEX_RUN = /(?<!(?<!\\)[A-Za-z0-9])(?=[A-Fa-f0-9]{16})/g;

/** The patterns that find where {@link maskText} masks, for tests that check their shape. */
export const MASK_PATTERNS: readonly RegExp[] = [KNOWN_HEAD_RUN, ANY_HEAD_RUN, HEX_RUN];

const isAlphanumeric = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** `-` and `_`. */
const isJoiner = (c: number) => c === 45 || c === 95;

const PARTS_PER_BATCH = 512;

/**
 * Masks every run that `start` finds the start of. The pattern only finds where a run starts and checks a bounded
 * stretch after it; the run itself is read here, one character at a time. An unbounded quantifier in the pattern
 * would make the regular expression engine keep a backtrack entry per character and overflow its stack on a
 * run of some million characters, which hostile input (or a pasted file) easily holds.
 */
function maskRuns(
  text: string,
  start: RegExp,
  inRun: (c: number) => boolean,
  mask: (head: string, run: string, next: number) => string | undefined,
): string {
  const re = new RegExp(start.source, start.flags);
  let done = '';
  let parts: string[] = [];
  let copied = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const head = m[0];
    let end = m.index + head.length;
    while (end < text.length && inRun(text.charCodeAt(end))) end++;
    const masked = mask(head, text.slice(m.index + head.length, end), end < text.length ? text.charCodeAt(end) : NaN);
    if (masked !== undefined) {
      parts.push(text.slice(copied, m.index), masked);
      copied = end;
      // Joined in batches, so the many small pieces of a text full of values die young instead of piling up for
      // the garbage collector to copy (which made 10 MB cost some 15 times 1 MB rather than 10).
      if (parts.length >= PARTS_PER_BATCH) {
        done += parts.join('');
        parts = [];
      }
    }
    // Never start again inside the run: whatever starts there is part of it.
    re.lastIndex = Math.max(end, m.index + 1);
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return done + parts.join('');
}

/**
 * Replaces every token-shaped or long-hex run in free text (log lines, error messages) by its masked form.
 * A last line of defence for text that did not come from the engine's own masked messages. Known heads go first,
 * so the looser pattern never splits their tails; each pass only ever shortens what the previous one left.
 * Linear in the length of the text, however hostile.
 */
export function maskText(text: string): string {
  const token = (head: string, tail: string) => maskToken(head + tail, head.length);
  const known = maskRuns(text, KNOWN_HEAD_RUN, (c) => isAlphanumeric(c) || isJoiner(c), token);
  const any = maskRuns(known, ANY_HEAD_RUN, (c) => isAlphanumeric(c) || c === 45, token);
  // A hex run that goes on in letters is a word, not a value.
  return maskRuns(any, HEX_RUN, isHex, (_head, hex, next) => (isAlphanumeric(next) ? undefined : maskSecret(hex)));
}
