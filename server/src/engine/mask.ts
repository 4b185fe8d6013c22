/**
 * The one masking function every output uses. A masked value keeps a few characters at each end so a person can
 * tell two values apart, and never enough to use or brute-force it.
 */
import { environmentSegments } from './glossary';

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

/**
 * Replaces every token-shaped or long-hex run in free text (log lines, error messages) by its masked form.
 * A last line of defence for text that did not come from the engine's own masked messages. A token tail holds a
 * digit (a UUID's version always is one), which keeps words such as `access-control-allow-origin` readable.
 */
export function maskText(text: string): string {
  return text
    // Every quantifier is bounded, so a long hyphenated run without digits costs linear time, not cubic.
    .replace(/\b([a-z]{1,24}(?:-[a-z]{1,24}){0,3}-[a-z]{2,12}-)((?=[a-z-]{0,96}[0-9])[a-z0-9][a-z0-9-]{15,})/gi, (_m, head: string, tail: string) =>
      maskToken(head + tail, head.length),
    )
    // In JSON text a value after a tab or newline reads `\t…` or `\n…`: that `t` or `n` is an escape, not a letter.
    .replace(/(?<!(?<!\\)[A-Za-z0-9])[A-Fa-f0-9]{16,}(?![A-Za-z0-9])/g, (hex) => maskSecret(hex));
}
