/**
 * Where token candidates may start: a Plaid environment between hyphens (`-sandbox-`), or a known token type, a
 * hyphen and a short word (`access-prod-`). Every such place holds a hyphen, and hyphens are far rarer than the
 * letters a regular expression would try each alternative at, so the search jumps from hyphen to hyphen.
 */
import { escapeRegExp } from './regexp';

/** One place where a candidate may start. */
export interface CandidateHit {
  /** Where it starts: the hyphen before an environment, or a type's first character. */
  index: number;
  /** The environment of an environment hit (`sandbox` in `-sandbox-`). */
  environment?: string;
  /** The known type of a type hit (`access` in `access-prod-`). */
  type?: string;
  /** The word after the type of a type hit (`prod`), 2 to 12 ASCII letters followed by a hyphen. */
  word?: string;
  /** Just past the hit's last hyphen, where the next search starts. */
  end: number;
}

/** Finds the first hit that starts at or after `from` and before `to`, as {@link candidatePattern} would. */
export interface HitFinder {
  (text: string, from: number, to: number): CandidateHit | undefined;
  /** True when it searches from hyphen to hyphen, false when the lists make it run the expression. */
  readonly byHyphens: boolean;
}

const HYPHEN = 45;
const MIN_WORD = 2;
const MAX_WORD = 12;

/**
 * The one expression that defines the hits, in this order of preference: an environment between hyphens; a
 * type, not inside a longer word, with a short word and a hyphen after it.
 */
export function candidatePattern(segments: readonly string[], types: readonly string[]): RegExp {
  const env = segments.map(escapeRegExp).join('|');
  const type = types.map(escapeRegExp).join('|');
  return new RegExp(`-(${env})-|(?<![A-Za-z0-9_-])(${type})-([A-Za-z]{${MIN_WORD},${MAX_WORD}})-`, 'g');
}

/**
 * A finder of the hits of {@link candidatePattern}. The hyphen-to-hyphen search returns the leftmost hit only when
 * no environment or type can start at a hyphen inside a type (as `payment` would inside `payment-token`); for
 * lists where one can, the finder runs the expression itself.
 */
export function candidateHitFinder(segments: readonly string[], types: readonly string[]): HitFinder {
  const pattern = candidatePattern(segments, types);
  if (segments.some((s) => s.length === 0 || s.includes('-')) || types.some((t) => t.length === 0 || t.endsWith('-')) || hitsInsideTypes(segments, types)) {
    return Object.assign((text: string, from: number, to: number) => regexHit(new RegExp(pattern.source, 'g'), text, from, to), { byHyphens: false });
  }
  // Types by their last character, longest first: at one hyphen the longest type starts leftmost. Read at every
  // hyphen, so ASCII codes index a table; only other codes ask a map.
  const typesByLast = groupBy([...types].sort((a, b) => b.length - a.length), (t) => t.charCodeAt(t.length - 1));
  const segmentsByFirst = groupBy(segments, (s) => s.charCodeAt(0));
  const { ascii: typesAscii, other: typesOther } = typesByLast;
  const { ascii: segmentsAscii, other: segmentsOther } = segmentsByFirst;
  const longestType = Math.max(0, ...types.map((t) => t.length));
  const find = (text: string, from: number, to: number): CandidateHit | undefined => {
    for (let h = text.indexOf('-', from); h >= 0 && h - longestType < to; h = text.indexOf('-', h + 1)) {
      // Past either end of the text `charCodeAt` is NaN, which no map holds.
      const before = text.charCodeAt(h - 1);
      const ending = before < ASCII ? typesAscii[before] : typesOther.get(before);
      if (ending !== undefined) {
        const hit = typeHitAt(text, h, ending, from);
        if (hit !== undefined) return hit.index < to ? hit : undefined;
      }
      const next = text.charCodeAt(h + 1);
      const starting = h >= to ? undefined : next < ASCII ? segmentsAscii[next] : segmentsOther.get(next);
      if (starting === undefined) continue;
      for (const segment of starting) {
        const after = h + 1 + segment.length;
        if (text.charCodeAt(after) === HYPHEN && text.startsWith(segment, h + 1)) {
          return { index: h, environment: segment, end: after + 1 };
        }
      }
    }
    return undefined;
  };
  return Object.assign(find, { byHyphens: true });
}

/** A type that ends at the hyphen `h`, starts at or after `from` and not inside a word, with its short word after. */
function typeHitAt(text: string, h: number, ending: readonly string[], from: number): CandidateHit | undefined {
  for (const type of ending) {
    const start = h - type.length;
    // The neighbour first: in hyphen-dense text (`access-access-…`) it rules most places out at one read.
    if (start < from || (start > 0 && isWordOrHyphen(text.charCodeAt(start - 1))) || !text.startsWith(type, start)) continue;
    let end = h + 1;
    while (end - h - 1 <= MAX_WORD && end < text.length && isLetter(text.charCodeAt(end))) end++;
    const length = end - h - 1;
    if (length < MIN_WORD || length > MAX_WORD || text.charCodeAt(end) !== HYPHEN) return undefined;
    return { index: start, type, word: text.slice(h + 1, end), end: end + 1 };
  }
  return undefined;
}

/** True when an environment or a type could start at a hyphen inside a type, so hyphen order is not start order. */
function hitsInsideTypes(segments: readonly string[], types: readonly string[]): boolean {
  for (const type of types) {
    for (let h = type.indexOf('-'); h >= 0; h = type.indexOf('-', h + 1)) {
      const before = type.slice(0, h);
      const word = type.slice(h + 1).split('-')[0]!;
      if (segments.includes(word) || types.some((t) => before.endsWith(t))) return true;
    }
  }
  return false;
}

function regexHit(re: RegExp, text: string, from: number, to: number): CandidateHit | undefined {
  re.lastIndex = from;
  const m = re.exec(text);
  if (m === null || m.index >= to) return undefined;
  const end = re.lastIndex;
  return m[1] !== undefined ? { index: m.index, environment: m[1], end } : { index: m.index, type: m[2]!, word: m[3]!, end };
}

const ASCII = 128;

/** `items` grouped by a UTF-16 code: a table indexed by the ASCII codes, a map for the others. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): { ascii: (readonly T[] | undefined)[]; other: Map<number, readonly T[]> } {
  const ascii: (T[] | undefined)[] = new Array<T[] | undefined>(ASCII).fill(undefined);
  const other = new Map<number, T[]>();
  for (const item of items) {
    const code = key(item);
    if (code < ASCII) (ascii[code] ??= []).push(item);
    else other.set(code, [...(other.get(code) ?? []), item]);
  }
  return { ascii, other };
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `[A-Za-z0-9_-]`, what must not stand right before a type. */
function isWordOrHyphen(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === HYPHEN;
}
