/**
 * Finds Plaid token literals in text and takes each apart into type, environment and tail. Shared by the scanner,
 * the decoder and the hovers, so a token is understood the same way everywhere.
 */
import {
  activeEnvironments,
  environmentAliases,
  environmentSegments,
  getPrefix,
  knownPrefixes,
  type KnownPrefix,
} from './glossary';
import { maskToken, maskWord } from './mask';
import { pairedName } from './namedValues';
import type { Needle } from './needles';
import type { OffsetRange, TokenProblem, TokenRef } from './types';
import { checkUuid, type UuidCheck } from './uuid';

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
const TYPE_CHAR = /[A-Za-z0-9-]/;
const TAIL_CHAR = /[A-Za-z0-9-]/;
/** Characters that start a placeholder or an interpolation rather than a value: `${id}`, `<uuid>`, `*`, `…`. */
const PLACEHOLDER_START = /[$<{*%[\u2026(]|\.\.\./;

/** UUID-tailed token prefixes long enough to be matched directly, longest first (alternation order matters). */
const directPrefixes = knownPrefixes
  .filter((p) => p.tail === 'uuid' && (p.entry !== undefined || p.other?.kind === 'token'))
  .map((p) => p.prefix);

const segments = [...environmentSegments.keys()];

/**
 * The literals every candidate holds, from the same lists as {@link CANDIDATE}: an environment between hyphens
 * (`-sandbox-`) or a known type and its hyphen (`access-`). A text without any of them has no candidate.
 */
export const CANDIDATE_NEEDLES: readonly Needle[] = [
  ...segments.map((s) => ({ literal: `-${s}-` })),
  ...directPrefixes.map((p) => ({ literal: `${p}-` })),
];

/**
 * One pass finds both shapes: a known environment between hyphens (`-sandbox-`), whatever the type; and a known
 * type followed by any short word (`access-prod-`), whatever the environment. No nested quantifiers, so no
 * catastrophic backtracking.
 */
const CANDIDATE = new RegExp(
  `-(${segments.join('|')})-|(?<![A-Za-z0-9_-])(${directPrefixes.join('|')})-([A-Za-z]{2,12})-`,
  'g',
);

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
  const found: TokenCandidate[] = [];
  const re = new RegExp(CANDIDATE.source, 'g');
  re.lastIndex = from;
  let lastEnd = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) {
    const candidate = m[1] !== undefined ? fromEnvironmentHit(text, m.index, m[1], from) : fromTypeHit(text, m);
    if (!candidate && m[1] === undefined) {
      // `assets-report-sandbox-…`: the word after a known type is no environment, so look again from its hyphen.
      re.lastIndex = m.index + m[2]!.length + 1 + m[3]!.length;
      continue;
    }
    if (!candidate || candidate.range.start < lastEnd) continue;
    found.push(candidate);
    lastEnd = candidate.range.end;
    if (re.lastIndex < lastEnd) re.lastIndex = lastEnd;
  }
  return found;
}

/** `…-sandbox-…`: walk left for the type. */
function fromEnvironmentHit(text: string, hyphen: number, env: string, floor: number): TokenCandidate | undefined {
  let start = hyphen;
  const limit = Math.max(floor, hyphen - MAX_TYPE_LENGTH);
  while (start > limit && TYPE_CHAR.test(text[start - 1]!)) start--;
  // `\naccess-sandbox-…` inside a string literal: the escape's letter is not part of the type.
  const escape = start > 0 && text[start - 1] === '\\' && /[nrt]/.test(text[start]!);
  if (escape) start++;
  while (start < hyphen && text[start] === '-') start++;
  if (start === hyphen) return undefined;
  if (!escape && start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) return undefined;
  const envStart = hyphen + 1;
  return build(text, start, hyphen, envStart, envStart + env.length);
}

/** `access-prod-…`: the type is known, the environment may not be, but it must be close to a Plaid one. */
function fromTypeHit(text: string, m: RegExpExecArray): TokenCandidate | undefined {
  if (!environmentSegments.has(m[3]!) && closestEnvironments(m[3]!).length === 0) return undefined;
  const typeEnd = m.index + m[2]!.length;
  const envStart = typeEnd + 1;
  return build(text, m.index, typeEnd, envStart, envStart + m[3]!.length);
}

function build(text: string, start: number, typeEnd: number, envStart: number, envEnd: number): TokenCandidate | undefined {
  const tailStart = envEnd + 1;
  if (PLACEHOLDER_START.test(text.slice(tailStart, tailStart + 3).charAt(0)) || text.startsWith('...', tailStart)) {
    return undefined;
  }
  let tailEnd = tailStart;
  const limit = Math.min(text.length, tailStart + MAX_TAIL_LENGTH);
  while (tailEnd < limit && TAIL_CHAR.test(text[tailEnd]!)) tailEnd++;
  while (tailEnd > tailStart && text[tailEnd - 1] === '-') tailEnd--;
  // A tail that runs on into an interpolation or a placeholder is a template, not a value.
  if (tailEnd < text.length && /[$<{*]/.test(text[tailEnd]!)) return undefined;
  // `link-sandbox-xyz...`, `access-sandbox-4f2a…`: an ellipsis marks an abbreviation, unless a whole token precedes it.
  if ((text.startsWith('...', tailEnd) || text[tailEnd] === '…') && checkUuid(text.slice(tailStart, tailEnd)).problems.length > 0) {
    return undefined;
  }
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
    suggestedType: known ? undefined : closestType(type),
    environment,
    envRange: { start: envStart, end: envEnd },
    envKnown,
    suggestedEnvs: envKnown ? [] : closestEnvironments(environment),
    tail,
    tailRange: { start: tailStart, end: tailEnd },
    uuid: checkUuid(tail),
    inTokenContext: TOKEN_CONTEXT.test(linePrefix(text, start)) || /token$/i.test(pairedName(text, start) ?? ''),
  };
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
  return findCandidates(text).filter(isMeantAsToken).map(toTokenRef);
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
  return findCandidates(text, from, to).find(
    (c) => c.range.start <= offset && offset <= c.range.end && isMeantAsToken(c),
  );
}

/** The closest UUID-tailed token prefix to a mistyped type, if one is close enough to be a typo. */
export function closestType(type: string): KnownPrefix | undefined {
  const lower = type.toLowerCase();
  let best: KnownPrefix | undefined;
  let bestDistance = Infinity;
  for (const p of knownPrefixes) {
    if (p.tail !== 'uuid' || p.prefix.length < 4) continue;
    if (lower === p.prefix) return p;
    const allowed = p.prefix.length <= 5 ? 1 : 2;
    const d = editDistance(lower, p.prefix, allowed);
    if (d <= allowed && d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Environments a mistyped segment probably means. A segment close to the decommissioned Development environment
 * is pointed at the environments that still run.
 */
export function closestEnvironments(segment: string): string[] {
  const lower = segment.toLowerCase();
  // Abbreviations (`sbx`, `prd`) come from the glossary: edit distance alone would not catch them.
  const alias = environmentAliases.get(lower);
  const hits = new Set<string>(alias !== undefined ? [alias] : []);
  for (const env of segments) {
    if (lower === env || (lower.length >= 3 && env.startsWith(lower)) || editDistance(lower, env, 2) <= 2) {
      hits.add(env);
    }
  }
  const active = new Set(activeEnvironments.map((e) => e.environment.segment));
  if ([...hits].some((h) => !active.has(h))) {
    for (const h of [...hits]) if (!active.has(h)) hits.delete(h);
    for (const a of active) hits.add(a);
  }
  return [...hits];
}

/** Damerau-Levenshtein (optimal string alignment) distance, giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
