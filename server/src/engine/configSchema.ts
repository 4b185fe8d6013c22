/**
 * Validation of a parsed `.plaidlens.json` tree: what keys and values the file may hold. Works on the jsonc-parser
 * tree so that every problem keeps the offset of the node it is about; turning offsets into lines is the caller's job.
 */
import type { Node } from 'jsonc-parser';
import picomatch from 'picomatch/posix';
import { maskSecret } from './mask';
import { RULE_IDS, SEVERITY_LEVELS, type RuleId, type SeverityLevel } from './types';
import type { PlaidLensConfig, RuleOverride } from './config';

/** One step of a field path: a property name or an array index. */
export type FieldStep = string | number;

/** A problem found in the tree, before it is placed on a line. */
export interface ConfigIssue {
  /** Offset of the node the problem is about, in the parsed text. */
  offset: number;
  /** Where in the document, e.g. `['overrides', 1, 'files', 0]`. */
  path: FieldStep[];
  message: string;
}

const TOP_LEVEL_KEYS = ['rules', 'overrides', 'ignore', '$schema'] as const;
const OVERRIDE_KEYS = ['files', 'rules'] as const;

/** ESLint's numeric severities, so a user who writes `2` is told which word we use. */
const NUMERIC_SEVERITY_HINTS: Record<number, SeverityLevel> = { 0: 'off', 1: 'warning', 2: 'error' };

/** Checks a parsed tree and builds the config it describes; the config is only meaningful when there are no issues. */
export function validateConfigTree(root: Node): { config: PlaidLensConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config: PlaidLensConfig = { rules: {}, overrides: [], ignore: [] };
  if (root.type !== 'object') {
    issues.push({ offset: root.offset, path: [], message: `the configuration must be a JSON object such as {"rules": {}}, not ${describe(root)}` });
    return { config, issues };
  }
  for (const { key, value } of properties(root, [], issues)) {
    const path = [key.value as string];
    if (!isOneOf(key.value, TOP_LEVEL_KEYS)) {
      issues.push({ offset: key.offset, path, message: unknownName(key.value, 'a setting', TOP_LEVEL_KEYS.filter((k) => k !== '$schema')) });
    } else if (key.value === 'rules') {
      config.rules = readRules(value, path, issues);
    } else if (key.value === 'overrides') {
      config.overrides = readOverrides(value, path, issues);
    } else if (key.value === 'ignore') {
      config.ignore = readGlobs(value, path, issues, false);
    } else if (key.value === '$schema' && value.type !== 'string') {
      issues.push({ offset: value.offset, path, message: `expected the URL of a JSON schema (a string), not ${describe(value)}` });
    }
  }
  return { config, issues };
}

/** The key and value nodes of an object's properties; duplicate keys are reported, since the later one would hide the earlier silently. */
function properties(node: Node, path: FieldStep[], issues: ConfigIssue[]): { key: Node; value: Node }[] {
  const seen = new Set<string>();
  const result: { key: Node; value: Node }[] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined) continue;
    const name = key.value as string;
    if (seen.has(name)) {
      issues.push({ offset: key.offset, path: [...path, name], message: `"${shown(name)}" is given more than once; keep one` });
      continue;
    }
    seen.add(name);
    result.push({ key, value });
  }
  return result;
}

/** A `rules` object: rule id → severity. */
function readRules(node: Node, path: FieldStep[], issues: ConfigIssue[]): Partial<Record<RuleId, SeverityLevel>> {
  const rules: Partial<Record<RuleId, SeverityLevel>> = {};
  if (node.type !== 'object') {
    issues.push({ offset: node.offset, path, message: `expected an object of rule severities such as {"hardcoded-secret": "error"}, not ${describe(node)}` });
    return rules;
  }
  for (const { key, value } of properties(node, path, issues)) {
    const rulePath = [...path, key.value as string];
    if (!isOneOf(key.value, RULE_IDS)) {
      issues.push({ offset: key.offset, path: rulePath, message: unknownName(key.value, 'a rule', RULE_IDS) });
      continue;
    }
    const severity = readSeverity(value, rulePath, issues);
    if (severity !== undefined) rules[key.value] = severity;
  }
  return rules;
}

/** One severity value; strict, so `warn` or `2` are errors with a hint rather than guesses. */
function readSeverity(node: Node, path: FieldStep[], issues: ConfigIssue[]): SeverityLevel | undefined {
  if (isOneOf(node.value, SEVERITY_LEVELS)) return node.value;
  const allowed = `use one of ${SEVERITY_LEVELS.join(', ')}`;
  let message: string;
  if (node.type === 'string') {
    const guess = closest(node.value as string, SEVERITY_LEVELS);
    message = `"${shown(node.value as string)}" is not a severity; ${guess ? `did you mean "${guess}"? Otherwise ${allowed}` : allowed}`;
  } else {
    const guess = node.type === 'number' ? NUMERIC_SEVERITY_HINTS[node.value as number] : undefined;
    message = `expected a severity (a string), not ${describe(node)}; ${guess ? `for ${node.value} write "${guess}"` : allowed}`;
  }
  issues.push({ offset: node.offset, path, message });
  return undefined;
}

/** The `overrides` array: each entry is `{ files, rules }`. */
function readOverrides(node: Node, path: FieldStep[], issues: ConfigIssue[]): RuleOverride[] {
  if (node.type !== 'array') {
    issues.push({ offset: node.offset, path, message: `expected an array of overrides such as [{"files": ["test/**"], "rules": {}}], not ${describe(node)}` });
    return [];
  }
  return (node.children ?? []).flatMap((child, index) => {
    const override = readOverride(child, [...path, index], issues);
    return override ? [override] : [];
  });
}

/** One override object; missing `files` or `rules` are reported at the object itself. */
function readOverride(node: Node, path: FieldStep[], issues: ConfigIssue[]): RuleOverride | undefined {
  if (node.type !== 'object') {
    issues.push({ offset: node.offset, path, message: `expected an override object such as {"files": ["test/**"], "rules": {}}, not ${describe(node)}` });
    return undefined;
  }
  const override: RuleOverride = { files: [], rules: {} };
  const present = new Set<string>();
  for (const { key, value } of properties(node, path, issues)) {
    const keyPath = [...path, key.value as string];
    if (key.value === 'files') {
      override.files = readGlobs(value, keyPath, issues, true);
    } else if (key.value === 'rules') {
      override.rules = readRules(value, keyPath, issues);
    } else {
      issues.push({ offset: key.offset, path: keyPath, message: unknownName(key.value, 'an override setting', OVERRIDE_KEYS) });
    }
    present.add(key.value as string);
  }
  for (const missing of OVERRIDE_KEYS.filter((k) => !present.has(k))) {
    const what = missing === 'files' ? 'a non-empty array of globs such as ["test/**"]' : 'an object of rule severities';
    issues.push({ offset: node.offset, path: [...path, missing], message: `this override has no "${missing}"; add ${what}` });
  }
  return override;
}

/** An array of glob strings (`ignore`, `overrides[].files`). */
function readGlobs(node: Node, path: FieldStep[], issues: ConfigIssue[], requireOne: boolean): string[] {
  if (node.type !== 'array') {
    issues.push({ offset: node.offset, path, message: `expected an array of globs such as ["dist/**"], not ${describe(node)}` });
    return [];
  }
  const children = node.children ?? [];
  if (requireOne && children.length === 0) {
    issues.push({ offset: node.offset, path, message: 'expected at least one glob; an override with no files applies to nothing' });
  }
  const globs: string[] = [];
  children.forEach((child, index) => {
    const problem = child.type === 'string' ? globProblem(child.value as string) : `expected a glob (a string), not ${describe(child)}`;
    if (problem) issues.push({ offset: child.offset, path: [...path, index], message: problem });
    else globs.push(child.value as string);
  });
  return globs;
}

/**
 * A glob like `*a*a*a*a*a*b` compiles to a regular expression that backtracks exponentially on a long file name, so
 * a cloned repository's config could hang the scan. Real-world globs need one or two wildcards per segment.
 */
const MAX_WILDCARDS_PER_SEGMENT = 3;

/** How globs are compiled everywhere: dotfiles match, and no extglobs (`+(a|b)`), whose nesting can also backtrack. */
export const GLOB_OPTIONS = { dot: true, strictBrackets: true, noextglob: true } as const;

/** Why a glob cannot be used, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'a glob cannot be empty';
  if (glob.startsWith('!')) return 'negated globs are not supported; list only what to match';
  if (glob.split('/').includes('..')) return 'a glob cannot contain ".."; globs are relative to the folder of the configuration file';
  if (/^[./]+$/.test(glob)) return 'a glob must name files or folders; write "**" to match everything';
  const unbalanced = unbalancedBracket(glob);
  if (unbalanced) return `not a valid glob: ${unbalanced}`;
  const crowded = glob.split('/').find((segment) => (segment.match(/(?<!\\)\*+/g) ?? []).length > MAX_WILDCARDS_PER_SEGMENT);
  if (crowded !== undefined) {
    return `"${shown(crowded)}" has more than ${MAX_WILDCARDS_PER_SEGMENT} "*" wildcards in one path segment; such globs can take exponential time to match`;
  }
  try {
    picomatch.makeRe(glob, GLOB_OPTIONS);
  } catch (error) {
    return `not a valid glob: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * Finds an unclosed `[` or `{`, or a stray `]` or `}`. picomatch silently reads these as literal characters, or as a
 * pattern that matches nothing, which would make an `ignore` entry quietly useless.
 */
function unbalancedBracket(glob: string): string | undefined {
  let braces = 0;
  let classStart = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
    } else if (classStart >= 0) {
      // A `]` straight after `[`, `[!` or `[^` is a literal member of the class, not its end.
      const first = classStart + 1 + (glob[classStart + 1] === '!' || glob[classStart + 1] === '^' ? 1 : 0);
      if (c === ']' && i > first) classStart = -1;
    } else if (c === '[') {
      classStart = i;
    } else if (c === ']') {
      return `"]" at position ${i + 1} has no "[" before it (write "\\]" for a literal bracket)`;
    } else if (c === '{') {
      braces++;
    } else if (c === '}') {
      if (braces === 0) return `"}" at position ${i + 1} has no "{" before it (write "\\}" for a literal brace)`;
      braces--;
    }
  }
  if (classStart >= 0) return `"[" at position ${classStart + 1} is never closed (write "\\[" for a literal bracket)`;
  if (braces > 0) return `a "{" is never closed (write "\\{" for a literal brace)`;
  return undefined;
}

/** "`x` is not a rule; did you mean `y`?", or the list of valid names when nothing is close. */
function unknownName(name: unknown, what: string, valid: readonly string[]): string {
  const guess = closest(String(name), valid);
  return guess
    ? `"${shown(String(name))}" is not ${what}; did you mean "${guess}"?`
    : `"${shown(String(name))}" is not ${what}; expected one of ${valid.join(', ')}`;
}

/**
 * A string from the file as messages may repeat it. Every Plaid client_id, secret and token is at least 24
 * characters long, so longer strings are masked and none is ever repeated whole.
 */
export function shown(text: string): string {
  return text.length < 24 ? text : maskSecret(text);
}

/** True when `value` is one of `options`, narrowing its type. */
function isOneOf<T extends string>(value: unknown, options: readonly T[]): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** How a node reads in a message: "a number", "an array". */
function describe(node: Node): string {
  return node.type === 'array' || node.type === 'object' ? `an ${node.type}` : node.type === 'null' ? 'null' : `a ${node.type}`;
}

/**
 * The candidate a misspelling most likely meant: same words in another case or separator, a clear prefix
 * (`warn` → `warning`), or a small edit distance scaled to the word's length. Undefined when nothing is close.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const normal = (s: string) => s.toLowerCase().replace(/[\s_]+/g, '-');
  const wanted = normal(input);
  // Nothing longer is a misspelt name, and the edit distance grows with the product of the lengths.
  if (wanted === '' || wanted.length > 64) return undefined;
  const exact = candidates.find((c) => normal(c) === wanted);
  if (exact) return exact;
  const prefixed = candidates.filter((c) => wanted.length >= 3 && normal(c).startsWith(wanted));
  if (prefixed.length === 1) return prefixed[0];
  const limit = wanted.length <= 4 ? 1 : Math.max(2, Math.floor(wanted.length / 4));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normal(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one each. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}
