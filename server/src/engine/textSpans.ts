/**
 * Text arithmetic for incremental re-scans: line bounds that agree with the suppression comments' idea of a line,
 * margins measured so that a rule's reach is always covered, and the file-level facts a change can touch.
 */
import { environmentEntries } from './glossary';

/** `\n`, or `\r` (alone or before `\n`): the characters that end a line. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** The characters `\s` matches: the rules' patterns may skip any run of them, across lines too. */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `[A-Za-z0-9_-]`: a token's characters, plus the underscore its boundary check reads. */
function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/**
 * The start of the line that holds `offset`. A `\n` right after `\r` belongs to the same line break, so an offset
 * on it belongs to the line that break ends; a lone `\r` ends a line (as in `LineIndex`).
 */
export function lineStartAt(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13 && !(i + 1 === offset && text.charCodeAt(offset) === 10)) return i + 1;
  }
  return 0;
}

/** The offset of the line break that ends the line holding `offset`, or the text's length on the last line. */
export function lineEndAt(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/** The offset just past the line break at `offset` (`\r\n` counts as one). */
function afterLineBreak(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  return text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? offset + 2 : offset + 1;
}

/**
 * Moves left from `offset` by `units`, where a run of whitespace counts as one unit (a pattern may skip any amount
 * of it), then to the start of the word it lands in (a token's neighbours on the same word decide whether it is one).
 * Never goes below `floor`: the answer is the larger of the two, found without reading the text below `floor`.
 */
export function reachBack(text: string, offset: number, units: number, floor = 0): number {
  let p = offset;
  for (let n = units; n > 0 && p > floor; n--) {
    if (isSpace(text.charCodeAt(p - 1))) while (p > floor && isSpace(text.charCodeAt(p - 1))) p--;
    else p--;
  }
  while (p > floor && p < text.length && isWord(text.charCodeAt(p - 1)) && isWord(text.charCodeAt(p))) p--;
  return p;
}

/** The mirror of {@link reachBack}: right by `units`, then to the end of the word it lands in. */
export function reachForward(text: string, offset: number, units: number): number {
  let p = offset;
  for (let n = units; n > 0 && p < text.length; n--) {
    if (isSpace(text.charCodeAt(p))) while (p < text.length && isSpace(text.charCodeAt(p))) p++;
    else p++;
  }
  while (p > 0 && p < text.length && isWord(text.charCodeAt(p - 1)) && isWord(text.charCodeAt(p))) p++;
  return p;
}

/** The text every suppression comment holds. */
const DIRECTIVE_NEEDLE = 'plaid-lens-disable';

/**
 * A line holding a suppression comment, and its zone: that line and the next, line breaks included. A change
 * inside the zone can change what the comment silences; a change outside it cannot.
 */
export interface DirectiveLine {
  lineStart: number;
  lineEnd: number;
  /** Inclusive end of the zone: past the line break that ends the next line. */
  zoneEnd: number;
}

/** Every line that holds a suppression comment, in order, once per line. */
export function directiveLines(text: string): DirectiveLine[] {
  const lines: DirectiveLine[] = [];
  for (let at = text.indexOf(DIRECTIVE_NEEDLE); at >= 0; at = text.indexOf(DIRECTIVE_NEEDLE, at + 1)) {
    const lineStart = lineStartAt(text, at);
    if (lines.length > 0 && lines[lines.length - 1]!.lineStart === lineStart) continue;
    const lineEnd = lineEndAt(text, at);
    const nextStart = afterLineBreak(text, lineEnd);
    lines.push({ lineStart, lineEnd, zoneEnd: afterLineBreak(text, lineEndAt(text, nextStart)) });
  }
  return lines;
}

/** True when the text around `[from, to)` holds the suppression needle (one created or completed by a change). */
export function touchesDirectiveText(text: string, from: number, to: number): boolean {
  const reach = DIRECTIVE_NEEDLE.length - 1;
  return text.slice(Math.max(0, from - reach), Math.min(text.length, to + reach)).includes(DIRECTIVE_NEEDLE);
}

/** Occurrences of `plaid` in any case: the file "mentions Plaid" while there is at least one. */
const PLAID = /plaid/gi;

/** How many times `[from, to)` and the 4 characters either side hold `plaid` in any case. */
export function plaidCountAround(text: string, from: number, to: number): number {
  return countPlaid(text.slice(Math.max(0, from - 4), Math.min(text.length, to + 4)));
}

/** How many times a text holds `plaid` in any case. */
export function countPlaid(text: string): number {
  let n = 0;
  for (PLAID.lastIndex = 0; PLAID.exec(text) !== null; ) n++;
  return n;
}

/**
 * The file's configured environment is read from base URLs and SDK constants, all of which contain `plaid` or an
 * environment's name and are written in the characters below; `[`, `]`, quotes and `:` come from the constants
 * themselves (`Plaid::Configuration::Environment["sandbox"]`).
 */
const needles = [...new Set(['plaid', ...environmentEntries.map((e) => e.environment.segment.toLowerCase())])];
const evidenceChars = new Set(
  environmentEntries
    .flatMap((e) => [
      e.environment.baseUrl.replace(/^https?:\/\//, ''),
      ...(e.environment.sdkConstants ?? []).map((c) => c.constant),
      ...(e.environment.legacySpellings ?? []).map((l) => l.constant ?? ''),
    ])
    .join('')
    .split('')
    .filter((c) => !isWord(c.charCodeAt(0))),
);
for (const c of ".:'\"") evidenceChars.add(c);

/** A character that can be part of a run holding configuration evidence. */
function isEvidenceChar(c: number): boolean {
  return isWord(c) || evidenceChars.has(String.fromCharCode(c));
}

const NEEDLE = new RegExp(needles.join('|'), 'i');

/**
 * The runs of evidence characters that touch `[from, to)` and hold `plaid` or an environment's name. Two texts
 * that differ only inside `[from, to)` configure the same environment when these runs are equal.
 */
export function evidenceAround(text: string, from: number, to: number): string[] {
  let start = Math.max(0, from);
  while (start > 0 && isEvidenceChar(text.charCodeAt(start - 1))) start--;
  let end = Math.min(text.length, to);
  while (end < text.length && isEvidenceChar(text.charCodeAt(end))) end++;
  const runs: string[] = [];
  for (let i = start; i < end; ) {
    while (i < end && !isEvidenceChar(text.charCodeAt(i))) i++;
    const runStart = i;
    while (i < end && isEvidenceChar(text.charCodeAt(i))) i++;
    const run = text.slice(runStart, i);
    if (run !== '' && NEEDLE.test(run)) runs.push(run);
  }
  return runs;
}
