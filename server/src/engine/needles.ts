/**
 * Needles: literals a text must contain for a check to find anything in it. Testing for them is far cheaper than
 * running the checks, so a text (or a file's raw bytes, before any decoding) that holds none of a check's needles
 * skips that check. Each check declares its needles next to it in `scan.ts`, derived from the same glossary data
 * its patterns are built from; a check without needles always runs.
 */
import { escapeRegExp } from './regexp';

/** A literal that every finding of a check contains. */
export interface Needle {
  /** Printable ASCII, e.g. `-sandbox-` or `plaid`. */
  literal: string;
  /** True when the check finds the literal in any case (`plaid`, `Plaid`, `PLAID`). */
  ignoreCase?: boolean;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * One expression that finds any of `needles`, or undefined when the needles cannot rule a text out (there are none,
 * or one is not printable ASCII). The expression has no `i` flag and no `u` flag: a needle matches exactly its
 * ASCII spellings, so it matches a string read byte by byte (latin1) wherever it matches the UTF-8 decoded text.
 */
export function needleRegExp(needles: readonly Needle[] | undefined): RegExp | undefined {
  if (needles === undefined || needles.length === 0 || needles.some((n) => !PRINTABLE_ASCII.test(n.literal))) return undefined;
  const alternatives = [...new Set(needles.map((n) => (n.ignoreCase ? anyCase(n.literal) : escapeRegExp(n.literal))))];
  return new RegExp(alternatives.join('|'));
}

/** `plaid` → `[Pp][Ll][Aa][Ii][Dd]`: ASCII letters in either case, without the Unicode case folding of the `i` flag. */
function anyCase(literal: string): string {
  return [...literal]
    .map((c) => {
      const lower = c.toLowerCase();
      const upper = c.toUpperCase();
      return lower === upper ? escapeRegExp(c) : `[${upper}${lower}]`;
    })
    .join('');
}

/** True when `text` holds at least one of `needles` (a text always holds some when they cannot rule it out). */
export function holdsNeedle(text: string, needles: readonly Needle[] | undefined): boolean {
  const re = needleRegExp(needles);
  return re === undefined || re.test(text);
}
