/**
 * Finds Plaid token literals in text and takes each apart into type, environment and tail. Shared by the scanner,
 * the decoder and the hovers, so a token is understood the same way everywhere.
 */
import { environmentSegments, getPrefix, knownPrefixes, type KnownPrefix } from './glossary';
import { maskToken, maskWord } from './mask';
import { pairedName } from './namedValues';
import type { Needle } from './needles';
import type { OffsetRange, TokenProblem, TokenRef } from './types';
import { candidateHitFinder } from './candidateHits';
import { closestEnvironmentsOf, closestTypeOf, nearEnvironment } from './suggest';
import { checkUuid, isPlaceholderAt, mayBeUuidShaped, type UuidCheck } from './uuid';

export { closestEnvironments, closestType, editDistance } from './suggest';

/** One token-shaped piece of text, taken apart. Offsets are absolute in the scanned text. */
export interface TokenCandidate {
  range: OffsetRange;
  type: string;
  typeRange: OffsetRange;
  /** The recognised prefix, when the type is one Plaid issues. */
  known?: KnownPrefix;
  /** A close known prefix, when the type is a likely typo of one. */
  suggestedType?: KnownPrefix;
  environment: string;
  envRange: OffsetRange;
  /** Glossary segment of the environment (`sandbox`, `development`, `production`) when known. */
  envKnown: boolean;
  /** Suggested environments when the segment is a likely typo or abbreviation. */
  suggestedEnvs: string[];
  tail: string;
  tailRange: OffsetRange;
  uuid: UuidCheck;
  /** True when the text around the token says a token is meant (`access_token = "…"`). */
  inTokenContext: boolean;
}

const MAX_TYPE_LENGTH = 48;
const MAX_TAIL_LENGTH = 96;
/** Characters that start a placeholder or an interpolation rather than a value: `${id}`, `<uuid>`, `*`, `…`. */
const PLACEHOLDER_START = charCodes('$<{*%[\u2026(');
/** Characters that, right after a tail, make it a template: `access-sandbox-${id}`. */
const TEMPLATE_NEXT = charCodes('$<{*');

/**
 * A table of the UTF-16 codes of `chars` (1 for each, up to the largest), for tests of one character at a time
 * without a regular expression or a set lookup: {@link isIn}.
 */
function charCodes(chars: string): Uint8Array {
  const table = new Uint8Array(Math.max(...[...chars].map((c) => c.charCodeAt(0))) + 1);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

/** True when `code` is one of a {@link charCodes} table's; false for NaN, the code past the text's end. */
function isIn(table: Uint8Array, code: number): boolean {
  return code < table.length && table[code] === 1;
}

/** UUID-tailed token prefixes that a candidate hit may start with, without an environment it knows. */
export const CANDIDATE_TYPES: readonly string[] = knownPrefixes
  .filter((p) => p.tail === 'uuid' && (p.entry !== undefined || p.other?.kind === 'token'))
  .map((p) => p.prefix);

/** The environments a candidate hit may hold between hyphens. */
export const CANDIDATE_SEGMENTS: readonly string[] = [...environmentSegments.keys()];

/**
 * The literals every candidate holds, from the same lists as {@link findHit}: an environment between hyphens
 * (`-sandbox-`) or a known type and its hyphen (`access-`). A text without any of them has no candidate.
 */
export const CANDIDATE_NEEDLES: readonly Needle[] = [
  ...CANDIDATE_SEGMENTS.map((s) => ({ literal: `-${s}-` })),
  ...CANDIDATE_TYPES.map((p) => ({ literal: `${p}-` })),
];

/**
 * Finds both shapes of hit: a known environment between hyphens (`-sandbox-`), whatever the type; and a known type
 * followed by any short word (`access-prod-`), whatever the environment.
 */
export const findHit = candidateHitFinder(CANDIDATE_SEGMENTS, CANDIDATE_TYPES);

/** An opaque tail that looks generated rather than written (`a-production-ready` is English, not a token). */
const OPAQUE_VALUE = /^(?=[A-Za-z-]*[0-9])[A-Za-z0-9-]{8,}$/;

/**
 * Key names that say a value is a token: `access_token`, `publicToken`, `ACCESS_TOKEN`, `token`, also with the
 * escaped quotes of JSON inside a string literal (`\"public_token\":\"…`). An argument of a function named for
 * tokens (`encryptToken("…")`, `isPublicToken(…)`) is not: such functions take any string, fakes included. A name
 * followed by a comma is a key only when it is one itself (`getenv('ACCESS_TOKEN', '…')`), not a subscript
 * (`parsed['ACCESS_TOKEN'], '…'`, which compares two values).
 */
const TOKEN_CONTEXT = /((?<![\w$.-])(?:[A-Za-z_$][\w$.-]*?)?token)(?:(?:\\?["'\]])*\s*(?::|=>|:=|=)|\\?["']?\s*,)\s*\\?["'`]?\s*$/i;

/** Finds every token candidate in `text`, in order, without overlaps. */
export function findCandidates(text: string, from = 0, to = text.length): TokenCandidate[] {
  return collectCandidates(text, from, to, false);
}

/**
 * The candidates of `text` that are meant as tokens: `findCandidates(text).filter(isMeantAsToken)`, but a
 * look-alike (`link-production-banner`, `access-sandbox-xxxxxxxx-…`) is rejected from a few characters of its tail
 * and context before anything is built for it.
 */
export function findMeantCandidates(text: string, from = 0, to = text.length): TokenCandidate[] {
  return collectCandidates(text, from, to, true);
}

function collectCandidates(text: string, from: number, to: number, meantOnly: boolean): TokenCandidate[] {
  const found: TokenCandidate[] = [];
  let lastEnd = from;
  for (let at = from, hit = findHit(text, at, to); hit !== undefined; hit = findHit(text, at, to)) {
    at = hit.end;
    const type = hit.type;
    let start: number;
    let typeEnd: number;
    if (type !== undefined) {
      // `access-prod-…`: the type is known, the environment may not be, but it must be close to a Plaid one.
      start = nearEnvironment(hit.word!) ? hit.index : -1;
      typeEnd = hit.index + type.length;
    } else {
      typeEnd = hit.index;
      start = typeStartBefore(text, typeEnd, from);
    }
    const envStart = typeEnd + 1;
    const envEnd = envStart + (hit.environment ?? hit.word!).length;
    const tailEnd = start < 0 ? -1 : tailEndAfter(text, envEnd + 1);
    if (tailEnd < 0) {
      // `assets-report-sandbox-…`: the word after a known type is no environment, so look again from its hyphen.
      if (type !== undefined) at = envEnd;
      continue;
    }
    if (start < lastEnd) continue;
    if (!meantOnly || mayBeMeant(text, start, typeEnd, envEnd, tailEnd)) {
      const candidate = build(text, start, typeEnd, envStart, envEnd, tailEnd);
      if (!meantOnly || isMeantAsToken(candidate)) found.push(candidate);
    }
    // A candidate that is no token still covers its text: a later hit inside it is part of it, not a token.
    lastEnd = tailEnd;
    if (at < lastEnd) at = lastEnd;
  }
  return found;
}

/** `…-sandbox-…`: walk left from the hyphen for the type's start, or -1 when no type stands there. */
function typeStartBefore(text: string, hyphen: number, floor: number): number {
  let start = hyphen;
  const limit = Math.max(floor, hyphen - MAX_TYPE_LENGTH);
  while (start > limit && isTypeChar(text.charCodeAt(start - 1))) start--;
  // `\naccess-sandbox-…` inside a string literal: the escape's letter is not part of the type.
  const escape = start > 0 && text.charCodeAt(start - 1) === BACKSLASH && /[nrt]/.test(text[start]!);
  if (escape) start++;
  while (start < hyphen && text.charCodeAt(start) === HYPHEN) start++;
  if (start === hyphen) return -1;
  if (!escape && start > 0 && isWordChar(text.charCodeAt(start - 1))) return -1;
  return start;
}

/**
 * The end of the tail that starts at `tailStart`, or -1 when the text there is a placeholder, an interpolation or
 * an abbreviation rather than a value.
 */
function tailEndAfter(text: string, tailStart: number): number {
  if (isIn(PLACEHOLDER_START, text.charCodeAt(tailStart)) || text.startsWith('...', tailStart)) return -1;
  let tailEnd = tailStart;
  const limit = Math.min(text.length, tailStart + MAX_TAIL_LENGTH);
  while (tailEnd < limit && isTypeChar(text.charCodeAt(tailEnd))) tailEnd++;
  while (tailEnd > tailStart && text.charCodeAt(tailEnd - 1) === HYPHEN) tailEnd--;
  // A tail that runs on into an interpolation or a placeholder is a template, not a value.
  if (isIn(TEMPLATE_NEXT, text.charCodeAt(tailEnd))) return -1;
  // `link-sandbox-xyz...`, `access-sandbox-4f2a…`: an ellipsis marks an abbreviation, unless a whole token precedes it.
  if ((text.startsWith('...', tailEnd) || text[tailEnd] === '…') && checkUuid(text.slice(tailStart, tailEnd)).problems.length > 0) {
    return -1;
  }
  return tailEnd;
}

function build(text: string, start: number, typeEnd: number, envStart: number, envEnd: number, tailEnd: number): TokenCandidate {
  const tailStart = envEnd + 1;
  const type = text.slice(start, typeEnd);
  const environment = text.slice(envStart, envEnd);
  const tail = text.slice(tailStart, tailEnd);
  const known = getPrefix(type);
  const envKnown = environmentSegments.has(environment);
  return {
    range: { start, end: tailEnd },
    type,
    typeRange: { start, end: typeEnd },
    known,
    suggestedType: known ? undefined : closestTypeOf(type),
    environment,
    envRange: { start: envStart, end: envEnd },
    envKnown,
    suggestedEnvs: envKnown ? [] : closestEnvironmentsOf(environment),
    tail,
    tailRange: { start: tailStart, end: tailEnd },
    uuid: checkUuid(tail),
    inTokenContext: inTokenContext(text, start),
  };
}

/** True when the code around `start` names the value there a token (`access_token = "…"`, `- name: LINK_TOKEN`). */
function inTokenContext(text: string, start: number): boolean {
  return (mayFollowTokenKey(text, start) && TOKEN_CONTEXT.test(linePrefix(text, start))) || /token$/i.test(pairedName(text, start) ?? '');
}

/**
 * A necessary condition for {@link isMeantAsToken}, read from the characters alone: false only for a candidate
 * that is certainly not meant as a token, so most look-alikes are dropped before any object is built for them.
 */
function mayBeMeant(text: string, start: number, typeEnd: number, envEnd: number, tailEnd: number): boolean {
  const tailStart = envEnd + 1;
  // An empty tail is a prefix, a placeholder is documentation.
  if (tailEnd <= tailStart || isPlaceholderAt(text, tailStart, tailEnd)) return false;
  const shapeOk = mayBeUuidShaped(text, tailStart, tailEnd) || mayBeOpaqueValue(text, tailStart, tailEnd);
  if (!shapeOk && !inTokenContext(text, start)) return false;
  // Both hits hold a Plaid environment or one close to it (a type hit checks it first), so only the type is left.
  const type = text.slice(start, typeEnd);
  return getPrefix(type) !== undefined || closestTypeOf(type) !== undefined;
}

/** A necessary condition for {@link OPAQUE_VALUE} on a tail of token characters: eight or more, one a digit. */
function mayBeOpaqueValue(text: string, from: number, to: number): boolean {
  if (to - from < 8) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * A necessary condition for {@link TOKEN_CONTEXT} on the line before `start`: the key's `token` ends there, followed
 * only by the blanks, quotes, brackets and operators the expression allows, all within the line prefix it reads.
 */
function mayFollowTokenKey(text: string, start: number): boolean {
  const floor = Math.max(0, start - LINE_PREFIX_LENGTH);
  let i = start;
  while (i > floor && isBetweenKeyAndValue(text.charCodeAt(i - 1))) i--;
  if (i - 5 < floor) return false;
  for (let k = 0; k < 5; k++) if ((text.charCodeAt(i - 5 + k) | 0x20) !== TOKEN_WORD.charCodeAt(k)) return false;
  return true;
}

const TOKEN_WORD = 'token';
const BACKSLASH = 92;
const HYPHEN = 45;

/** The characters {@link TOKEN_CONTEXT} allows after `token`: `\s`, quotes, backslash, `]`, `:`, `=`, `>`, `,`. */
function isBetweenKeyAndValue(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c === 34 || c === 39 || c === 96 || c === BACKSLASH || c === 93 || c === 58 || c === 61 || c === 62 || c === 44) return true;
  return c > 127 && /\s/.test(String.fromCharCode(c));
}

/** `[A-Za-z0-9-]`: the characters of a type, an environment and a tail. */
function isTypeChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === HYPHEN;
}

/** `[A-Za-z0-9_]`: a character that joins a word, so a type cannot start right after it. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** How far back on a line the context checks look, in characters. */
export const LINE_PREFIX_LENGTH = 160;

/**
 * The text of the line before `offset`, at most 160 characters, for context checks. A `\n` or `\r` escape starts a
 * line too: tests write whole `.env` files as string literals (`"PLAID_ENV=sandbox\nPLAID_SECRET=…"`).
 */
export function linePrefix(text: string, offset: number): string {
  const from = Math.max(0, offset - LINE_PREFIX_LENGTH);
  const chunk = text.slice(from, offset);
  const newline = Math.max(chunk.lastIndexOf('\n'), chunk.lastIndexOf('\r'));
  const line = newline >= 0 ? chunk.slice(newline + 1) : chunk;
  const escape = Math.max(line.lastIndexOf('\\n'), line.lastIndexOf('\\r'));
  return escape >= 0 ? line.slice(escape + 2) : line;
}

/**
 * True when the candidate is clearly meant as a Plaid token: its type and environment are Plaid's or close to
 * them, and either its tail looks like a UUID or the code names the value a token. Slugs and CSS classes such as
 * `link-production-banner` are not.
 */
export function isMeantAsToken(c: TokenCandidate): boolean {
  const typeOk = c.known !== undefined || c.suggestedType !== undefined;
  const envOk = c.envKnown || c.suggestedEnvs.length > 0;
  if (!typeOk || !envOk) return false;
  // An empty tail is a prefix (`startsWith('access-sandbox-')`), and a placeholder is documentation.
  if (c.tail === '' || c.uuid.placeholder) return false;
  // An opaque tail cannot be checked, so it must at least look generated: long enough and holding a digit.
  if (c.known && c.known.tail === 'opaque') return c.envKnown && (c.inTokenContext || OPAQUE_VALUE.test(c.tail));
  return c.uuid.shaped || c.inTokenContext;
}

/** True for a type Plaid issues as a token with a UUID tail whose tail checks should apply. */
function hasUuidTail(c: TokenCandidate): boolean {
  return (c.known ?? c.suggestedType)?.tail === 'uuid';
}

/** Every structural problem of a candidate, with absolute ranges. */
export function problemsOf(c: TokenCandidate): TokenProblem[] {
  const problems: TokenProblem[] = [];
  if (!c.known) {
    const suggestion = c.suggestedType?.prefix;
    problems.push({
      kind: 'unknown-type',
      message: `\`${maskWord(c.type)}\` is not a Plaid token type` + (suggestion ? `; did you mean \`${suggestion}\`?` : ''),
      range: c.typeRange,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  if (!c.envKnown) {
    problems.push({
      kind: 'unknown-environment',
      message: environmentMessage(c.environment, c.suggestedEnvs),
      range: c.envRange,
      ...(c.suggestedEnvs.length === 1 ? { suggestion: c.suggestedEnvs[0] } : {}),
    });
  }
  if (hasUuidTail(c)) {
    for (const p of c.uuid.problems) {
      problems.push({ ...p, range: { start: c.tailRange.start + p.range.start, end: c.tailRange.start + p.range.end } });
    }
  }
  return problems;
}

/** `prod` is not a Plaid environment; did you mean `production`? */
export function environmentMessage(segment: string, suggestions: string[]): string {
  const head = `\`${segment}\` is not a Plaid environment`;
  if (suggestions.length === 0) return head;
  if (suggestions.length === 1) return `${head}; did you mean \`${suggestions[0]}\`?`;
  return `${head}; did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`;
}

/** The public view of a candidate, masked. */
export function toTokenRef(c: TokenCandidate): TokenRef {
  return {
    range: c.range,
    type: c.known?.prefix ?? c.type,
    environment: c.environment,
    masked: maskToken(c.type + '-' + c.environment + '-' + c.tail, c.tailRange.start - c.range.start),
  };
}

/** Every token in the text that is meant as one, masked, for hovers and the Tokens view. */
export function findTokens(text: string): TokenRef[] {
  return findMeantCandidates(text).map(toTokenRef);
}

/** The token that covers `offset`, if any. Looks only at the line around the offset. */
export function tokenAt(text: string, offset: number): TokenRef | undefined {
  const c = candidateAt(text, offset);
  return c ? toTokenRef(c) : undefined;
}

/** The meant-as-token candidate that covers `offset`, if any. */
export function candidateAt(text: string, offset: number): TokenCandidate | undefined {
  const from = Math.max(0, offset - MAX_TYPE_LENGTH - 16);
  const to = Math.min(text.length, offset + 16);
  return findMeantCandidates(text, from, to).find((c) => c.range.start <= offset && offset <= c.range.end);
}
