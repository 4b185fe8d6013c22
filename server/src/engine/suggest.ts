/**
 * Typo suggestions for token types and environments: the known prefix or environment a misspelt word probably
 * means. The scanner asks about the same few words thousands of times in a file (`control` in every
 * `access-control-allow-origin`), so its answers are remembered.
 */
import { activeEnvironments, environmentAliases, environmentSegments, knownPrefixes, type KnownPrefix } from './glossary';

const segments = [...environmentSegments.keys()];

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

/** Words remembered per question; past this the memory starts over, so hostile text cannot grow it without bound. */
const MEMO_LIMIT = 512;

/** `fn`, remembering its answer for the last few hundred distinct words. */
function memoised<T>(fn: (word: string) => T): (word: string) => T {
  let memo = new Map<string, T>();
  return (word) => {
    let answer = memo.get(word);
    if (answer === undefined && !memo.has(word)) {
      answer = fn(word);
      if (memo.size >= MEMO_LIMIT) memo = new Map();
      memo.set(word, answer);
    }
    return answer as T;
  };
}

/** {@link closestType}, remembered. */
export const closestTypeOf: (type: string) => KnownPrefix | undefined = memoised(closestType);

const closestEnvironmentsMemo = memoised((segment: string): readonly string[] => Object.freeze(closestEnvironments(segment)));

/** True when a segment is a Plaid environment or close to one; remembered. */
export function nearEnvironment(segment: string): boolean {
  return environmentSegments.has(segment) || closestEnvironmentsMemo(segment).length > 0;
}

/** {@link closestEnvironments}, remembered: a fresh array each call, so a caller may keep or change it. */
export function closestEnvironmentsOf(segment: string): string[] {
  return [...closestEnvironmentsMemo(segment)];
}
