/**
 * The scanner: runs every rule over a text and returns the findings in document order.
 */
import { createContext, type ScanContext } from './context';
import { decommissionedEnvironments } from './glossary';
import { needleRegExp, type Needle } from './needles';
import { API_RULE_NEEDLES, checkApi } from './rules/apiRules';
import { checkCredentials } from './rules/credentials';
import { checkDevelopment, configuredEnvironment, type ConfiguredEnvironment } from './rules/development';
import { checkTokens, noRealDataNote } from './rules/tokenRules';
import { applySuppressions } from './suppress';
import { CANDIDATE_NEEDLES, findHit } from './tokens';
import type { Finding, RuleId, ScanOptions, Severity } from './types';

/** What a rule is, for documentation, SARIF and settings. */
export interface RuleInfo {
  id: RuleId;
  title: string;
  /** One paragraph, plain text. */
  description: string;
  defaultSeverity: Severity;
  /** The default in prose (Markdown, plain text), when prose is reported more gently. */
  proseSeverity?: Severity;
  /** How the default severity varies with context, when it does. */
  severityNote?: string;
}

/** The fields of a rule that is gentler in prose: its prose severity, and the note that says so. */
function gentlerInProse(proseSeverity: Severity): Pick<RuleInfo, 'proseSeverity' | 'severityNote'> {
  return { proseSeverity, severityNote: `${proseSeverity} in prose (Markdown, plain text)` };
}

/** Every rule, with its default severity. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'malformed-token': {
    id: 'malformed-token',
    title: 'Malformed Plaid token',
    description:
      'A value meant as a Plaid token whose type, environment or UUID is broken: a misspelt type, an environment Plaid does not have, or a tail that is not a lowercase RFC 4122 UUID.',
    defaultSeverity: 'warning',
  },
  'development-environment': {
    id: 'development-environment',
    title: 'Decommissioned Development environment',
    description:
      'A base URL, SDK constant, setting or token that still uses the Development environment, which Plaid decommissioned.',
    defaultSeverity: 'error',
    ...gentlerInProse('warning'),
  },
  'hardcoded-secret': {
    id: 'hardcoded-secret',
    title: 'Hard-coded Plaid secret',
    description: 'A Plaid secret written into source. Anyone who can read the file can call Plaid as you.',
    defaultSeverity: 'error',
  },
  'hardcoded-client-id': {
    id: 'hardcoded-client-id',
    title: 'Hard-coded Plaid client ID',
    description: 'A Plaid client_id written into source; it belongs in configuration next to the secret.',
    defaultSeverity: 'warning',
  },
  'hardcoded-token': {
    id: 'hardcoded-token',
    title: 'Hard-coded long-lived token',
    description: 'An access, processor, user or asset report token written into source. These tokens never expire.',
    defaultSeverity: 'error',
    severityNote: noRealDataNote(),
  },
  'expiring-token': {
    id: 'expiring-token',
    title: 'Hard-coded expiring token',
    description: 'A public or link token written into source. It expires within hours, so the code will break.',
    defaultSeverity: 'warning',
  },
  'environment-mismatch': {
    id: 'environment-mismatch',
    title: 'Token from another environment',
    description:
      'A token whose environment differs from the one the same file configures; a token works only in the environment that created it.',
    defaultSeverity: 'warning',
  },
  'deprecated-api': {
    id: 'deprecated-api',
    title: 'Deprecated Plaid API',
    description:
      'A call to an endpoint that Plaid marks deprecated, by path or by SDK method, or a deprecated field written in the request of a known call. The message names the successor when the API spec gives one.',
    defaultSeverity: 'warning',
  },
  'unknown-api-field': {
    id: 'unknown-api-field',
    title: 'Unknown Plaid request field',
    description:
      'A key written literally in the request of a known Plaid call that the request does not have, such as a misspelt access_token. Plaid rejects or ignores it.',
    defaultSeverity: 'warning',
  },
};

/** The default severity of every rule. */
export const DEFAULT_SEVERITIES = Object.fromEntries(
  Object.values(RULES).map((r) => [r.id, r.defaultSeverity]),
) as Record<RuleId, Severity>;

/** Scans a text and returns its findings, ordered by position. Never throws for any input string. */
export function scan(text: string, options: ScanOptions = {}): Finding[] {
  return applySuppressions(text, runRules(text, options));
}

/** What rules read about the whole file besides the text in front of them, so that a window of a file scans as the file does. */
export interface FileFacts {
  /** The environment the whole file configures, from `configuredEnvironment`. */
  configured: ConfiguredEnvironment | undefined;
  /** True when the whole file mentions Plaid anywhere. */
  mentionsPlaid: boolean;
}

/** The checks `scan` runs; each reports findings of one or more rules. */
export type CheckId = 'tokens' | 'development' | 'credentials' | 'api';

/** One check: what it reports, the literals every one of its findings holds, and how to run it. */
export interface RuleCheck {
  id: CheckId;
  /** The rules it reports. */
  rules: readonly RuleId[];
  /**
   * Literals every finding of the check contains; a text holding none of them is not checked. Derive them from the
   * data the check's patterns are built from. Leave undefined when no literal is certain: the check then always runs.
   */
  needles?: readonly Needle[];
  /**
   * A faster test that stands in for `needles` when a text is asked whether the check can find anything: false only
   * when the text holds no finding of the check. It must read a file's raw bytes (latin1) as its decoded text.
   */
  mayFind?: (text: string) => boolean;
  run(ctx: ScanContext, text: string, facts: FileFacts | undefined, options: ScanOptions): void;
}

/** The word `plaid`, in any case: what `mentionsPlaid` looks for. */
const PLAID_NEEDLE: Needle = { literal: 'plaid', ignoreCase: true };

/** Every check, in the order they run. */
export const CHECKS: readonly RuleCheck[] = [
  {
    id: 'tokens',
    rules: ['malformed-token', 'development-environment', 'hardcoded-token', 'expiring-token', 'environment-mismatch'],
    needles: CANDIDATE_NEEDLES,
    // Every candidate starts at a hit, and a hit is ASCII with ASCII neighbours, so bytes and text agree. Hyphens are
    // rare enough that looking for a hit costs less than testing the literals.
    mayFind: (text) => findHit(text, 0, text.length) !== undefined,
    run: (ctx, text, facts) => {
      let configured: ConfiguredEnvironment | undefined | null = facts !== undefined ? facts.configured : null;
      checkTokens(ctx, () => (configured === null ? (configured = configuredEnvironment(text)) : configured));
    },
  },
  {
    id: 'development',
    rules: ['development-environment'],
    // Hosts, SDK constants and settings all spell the environment's word, in one case or another.
    needles: decommissionedEnvironments.map((e) => ({ literal: e.environment.segment, ignoreCase: true })),
    run: (ctx) => checkDevelopment(ctx),
  },
  {
    id: 'credentials',
    rules: ['hardcoded-secret', 'hardcoded-client-id'],
    // A credential needs Plaid in its key or somewhere in the file.
    needles: [PLAID_NEEDLE],
    run: (ctx) => checkCredentials(ctx),
  },
  {
    id: 'api',
    rules: ['deprecated-api', 'unknown-api-field'],
    // Both report only in files that mention Plaid.
    needles: API_RULE_NEEDLES.map((literal) => ({ literal, ignoreCase: true })),
    run: (ctx, _text, _facts, options) => checkApi(ctx, options.api),
  },
];

const ALL_CHECKS: ReadonlySet<CheckId> = new Set(CHECKS.map((c) => c.id));
const NO_CHECKS: ReadonlySet<CheckId> = new Set();

/** The checks that always run: no needles and no test of their own. */
const ALWAYS: readonly CheckId[] = CHECKS.filter((c) => c.mayFind === undefined && needleRegExp(c.needles) === undefined).map((c) => c.id);
/** The checks with a test of their own. */
const TESTED = CHECKS.flatMap((c) => (c.mayFind !== undefined ? [{ id: c.id, mayFind: c.mayFind }] : []));
/** The other checks, grouped by their needles' expression: checks that share needles share one search. */
const NEEDLE_GROUPS = [
  ...CHECKS.filter((c) => c.mayFind === undefined && needleRegExp(c.needles) !== undefined)
    .reduce((groups, c) => {
      const source = needleRegExp(c.needles)!.source;
      groups.set(source, [...(groups.get(source) ?? []), c.id]);
      return groups;
    }, new Map<string, CheckId[]>()),
].map(([source, ids]) => ({ ids, re: new RegExp(source, 'g') }));
/** Every group's needles in one expression, one capture group per group, for the common answer "none" in one pass. */
const ANY_GROUP = new RegExp(NEEDLE_GROUPS.map((g) => `(${g.re.source})`).join('|') || '(?!)', 'g');

/**
 * The checks that can find anything in `text`: those whose needles it holds or whose own test allows it. Needles
 * are ASCII, so `text` may also be a file's raw bytes read one character per byte (latin1): an ASCII literal is in
 * the UTF-8 decoded text exactly when its bytes are in the file.
 */
export function checksNeeded(text: string): ReadonlySet<CheckId> {
  let needed: Set<CheckId> | undefined;
  const add = (id: CheckId) => (needed ??= new Set()).add(id);
  ALWAYS.forEach(add);
  for (const check of TESTED) if (check.mayFind(text)) add(check.id);
  ANY_GROUP.lastIndex = 0;
  const first = ANY_GROUP.exec(text);
  if (first !== null) {
    // No group's needle occurs before the first match, so the others are looked for from there on.
    NEEDLE_GROUPS.forEach((group, i) => {
      group.re.lastIndex = first.index;
      if (first[i + 1] !== undefined || group.re.test(text)) group.ids.forEach(add);
    });
  }
  return needed ?? NO_CHECKS;
}

/** `scan`, running only `checks`; the same findings as `scan` whenever `checks` includes `checksNeeded(text)`. */
export function scanChecks(text: string, options: ScanOptions, checks: ReadonlySet<CheckId>): Finding[] {
  if (checks.size === 0) return [];
  return applySuppressions(text, runRules(text, options, undefined, checks));
}

/**
 * Runs the rules over `text` and sorts the findings, without suppressions; `facts` stand in for the file's own,
 * `checks` limits which checks run.
 */
export function runRules(text: string, options: ScanOptions, facts?: FileFacts, checks: ReadonlySet<CheckId> = ALL_CHECKS): Finding[] {
  const findings: Finding[] = [];
  const ctx = createContext(text, options, RULES, findings);
  if (facts !== undefined) ctx.mentionsPlaid = () => facts.mentionsPlaid;
  for (const check of CHECKS) if (checks.has(check.id)) check.run(ctx, text, facts, options);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.rule.localeCompare(b.rule));
  return findings;
}
