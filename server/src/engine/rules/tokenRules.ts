/**
 * Rules about token literals: malformed-token, development-environment (for tokens), hardcoded-token,
 * expiring-token and environment-mismatch. Each candidate is taken apart once and every rule reads the result.
 */
import type { ScanContext } from '../context';
import { environmentEntries, environmentSegments, getEntry, termInSentence } from '../glossary';
import { envReadExpression } from '../language';
import { findMeantCandidates, problemsOf, toTokenRef, type TokenCandidate } from '../tokens';
import { describeLifetime } from '../lifetime';
import type { FixData, OffsetRange, Replacement, Severity, TokenProblem } from '../types';
import { developmentMessage, developmentReplacements, type ConfiguredEnvironment } from './development';

/** hardcoded-token's severity for a token of an environment that holds no real data (Sandbox). */
const NO_REAL_DATA_SEVERITY: Severity = 'warning';

/** How hardcoded-token's default varies, for the rule catalogue, e.g. `warning for Sandbox tokens`. */
export function noRealDataNote(): string {
  const terms = environmentEntries.filter((e) => !e.environment.realData).map((e) => e.term);
  return `${NO_REAL_DATA_SEVERITY} for ${terms.join(' and ')} tokens`;
}

/**
 * Runs the token rules over every candidate in the text that is meant as a token. `configured` is asked only when a
 * token of a known type and environment needs it: most files have none, and reading the whole file costs a pass.
 */
export function checkTokens(ctx: ScanContext, configured: () => ConfiguredEnvironment | undefined): void {
  for (const c of findMeantCandidates(ctx.text)) {
    const problems = problemsOf(c);
    checkMalformed(ctx, c, problems);
    checkDevelopment(ctx, c);
    // A broken value is no working credential: one verdict, malformed-token, is enough for it.
    if (problems.length === 0) checkLiteral(ctx, c);
    checkMismatch(ctx, c, configured);
  }
}

function checkMalformed(ctx: ScanContext, c: TokenCandidate, problems: TokenProblem[]): void {
  const severity = ctx.severity('malformed-token');
  if (!severity) return;
  const token = toTokenRef(c);
  for (const problem of problems) {
    const fix = fixFor(c, problem);
    ctx.report({
      rule: 'malformed-token',
      severity,
      range: problem.range,
      message: `Malformed Plaid token ${token.masked}: ${problem.message}${/[.?]$/.test(problem.message) ? '' : '.'}`,
      token,
      ...(fix ? { fix } : {}),
    });
  }
}

function fixFor(c: TokenCandidate, problem: TokenProblem): FixData | undefined {
  if (problem.kind === 'uuid-uppercase') return { kind: 'lowercase', title: 'Lowercase the UUID', range: problem.range };
  const replacements: Replacement[] = [];
  if (problem.kind === 'unknown-environment') {
    for (const env of c.suggestedEnvs) replacements.push(replace(problem.range, env, c.suggestedEnvs.length === 1));
  } else if (problem.suggestion !== undefined) {
    replacements.push(replace(problem.range, problem.suggestion, true));
  }
  return replacements.length ? { kind: 'replace', replacements } : undefined;
}

function checkDevelopment(ctx: ScanContext, c: TokenCandidate): void {
  const env = environmentSegments.get(c.environment);
  if (env?.environment.status !== 'decommissioned') return;
  const severity = ctx.severity('development-environment');
  if (!severity) return;
  const token = toTokenRef(c);
  ctx.report({
    rule: 'development-environment',
    severity,
    range: c.envRange,
    message: `${token.masked} belongs to the ${developmentMessage()} The token no longer works.`,
    deprecated: true,
    token,
    fix: { kind: 'replace', replacements: developmentReplacements(c.envRange, c.environment) },
  });
}

/** hardcoded-token for long-lived credentials, expiring-token for public and link tokens. */
function checkLiteral(ctx: ScanContext, c: TokenCandidate): void {
  // Prefixes outside the glossary's terms (`third-party-user`) borrow the facts of the entry they belong to.
  const entry = c.known?.entry ?? (c.known?.other?.entry ? getEntry(c.known.other.entry) : undefined);
  const facts = c.known?.tail === 'uuid' ? entry?.token : undefined;
  if (!entry || !facts || !c.envKnown || !c.uuid.shaped || ctx.privateEnvFile) return;
  const token = toTokenRef(c);
  const entryTerm = termInSentence(entry);
  if (facts.sensitivity === 'credential') {
    // A token of test data opens no one's bank account, so it is reported more gently.
    const realData = environmentSegments.get(c.environment)?.environment.realData ?? true;
    const severity = ctx.severity('hardcoded-token', realData ? undefined : NO_REAL_DATA_SEVERITY);
    if (!severity) return;
    const fix = moveToEnv(ctx, c, facts.envVar);
    ctx.report({
      rule: 'hardcoded-token',
      severity,
      range: c.range,
      message: `Hard-coded ${entryTerm} ${token.masked}: it never expires and grants access to data; read it from a secret store or the ${facts.envVar} environment variable.`,
      token,
      ...(fix ? { fix } : {}),
    });
    return;
  }
  const severity = ctx.severity('expiring-token');
  if (!severity) return;
  ctx.report({
    rule: 'expiring-token',
    severity,
    range: c.range,
    message: `Hard-coded ${entryTerm} ${token.masked}: it expires ${describeLifetime(facts.lifetime)}, so code that relies on this value will break. Create one at run time instead.`,
    token,
  });
}

function checkMismatch(ctx: ScanContext, c: TokenCandidate, configuredEnvironment: () => ConfiguredEnvironment | undefined): void {
  if (!c.known || !c.envKnown) return;
  const configured = configuredEnvironment();
  if (!configured || c.environment === configured.segment) return;
  // A Development token is already reported on the same segment by development-environment.
  if (environmentSegments.get(c.environment)?.environment.status === 'decommissioned') return;
  const severity = ctx.severity('environment-mismatch');
  if (!severity) return;
  const token = toTokenRef(c);
  ctx.report({
    rule: 'environment-mismatch',
    severity,
    range: c.envRange,
    message: `${token.masked} belongs to ${c.environment}, but this file configures ${configured.segment} (${configured.evidence}); a token only works in the environment that created it.`,
    token,
  });
}

/** A move-to-environment fix, when the token is a quoted literal in a language that can read the environment. */
function moveToEnv(ctx: ScanContext, c: TokenCandidate, envVar: string): FixData | undefined {
  const replacement = envReadExpression(ctx.language, envVar);
  const literal = quotedLiteral(ctx.text, c.range);
  if (!replacement || !literal) return undefined;
  return { kind: 'move-to-env', envVar, literal, value: c.range, replacement };
}

/** The quoted literal around a value (`"…"`, `'…'` or a backquoted string without interpolation), if any. */
export function quotedLiteral(text: string, value: OffsetRange): OffsetRange | undefined {
  const open = text[value.start - 1];
  if (open !== '"' && open !== "'" && open !== '`') return undefined;
  if (text[value.end] !== open) return undefined;
  // An escaped quote (`\"`) belongs to a string around this one: replacing it would break that string.
  if (text[value.start - 2] === '\\') return undefined;
  return { start: value.start - 1, end: value.end + 1 };
}

function replace(range: OffsetRange, text: string, preferred: boolean): Replacement {
  return { title: `Replace with \`${text}\``, range, text, preferred };
}
