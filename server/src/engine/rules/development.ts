/**
 * The development-environment rule for everything but tokens: base URLs, SDK constants and `PLAID_ENV`-style
 * settings. Also finds which environment a file configures, for environment-mismatch.
 */
import type { ScanContext } from '../context';
import { activeEnvironments, decommissionedEnvironments, environmentEntries } from '../glossary';
import { escapeRegExp } from '../regexp';
import type { OffsetRange, Replacement } from '../types';

/** The one environment a file configures, and what shows it (for messages). */
export interface ConfiguredEnvironment {
  segment: string;
  evidence: string;
}

const development = decommissionedEnvironments[0];
/** The decommissioned environment's word as tokens, hosts and settings write it: `development`. */
const developmentWord = development?.environment.segment ?? '';
const host = (url: string) => url.replace(/^https:\/\//, '');

/**
 * `PLAID_ENV=development`, `plaid_env: "development"`, `"PLAID_ENVIRONMENT": "development"`, `plaidEnv = 'development'`,
 * and `development` as the fallback of a read, which is what runs whenever the variable is unset:
 * `os.getenv('PLAID_ENV', 'development')`, `process.env.PLAID_ENV || 'development'`, `${PLAID_ENV:-development}`.
 */
const ENV_SETTING = new RegExp(
  String.raw`(?<![A-Za-z0-9_])plaid[_-]?env(?:ironment)?["']?(?:\s*(?::|=>|:=|=|(?:[\])]\s*)?(?:,|\|\||\?\?|\bor\b))|:-)\s*["']?(${escapeRegExp(developmentWord)})(?![A-Za-z0-9_])`,
  'gi',
);

/** What a written SDK constant stands for. */
interface ConstantMeaning {
  /** The environment segment, e.g. `sandbox`. */
  segment: string;
  /** The SDK that spells the constant so, e.g. `plaid-node`. */
  sdk: string;
}

/** Every spelling of every environment's SDK constants, from the glossary. */
const constantMeanings = new Map<string, ConstantMeaning>(
  environmentEntries
    .filter((env) => env.environment.status !== 'mode')
    .flatMap((env) =>
      (env.environment.sdkConstants ?? []).flatMap((c) =>
        [...constantVariants(c.constant)].map((v) => [v, { segment: env.environment.segment, sdk: c.sdk }] as const),
      ),
    ),
);

/** One pass finds every environment's constants; a map lookup says which one matched. */
const ALL_CONSTANTS = alternationRegExp([...constantMeanings.keys()]);

/** The Development constants only, for the rule (gated on the text containing the word at all). */
const DEVELOPMENT_CONSTANTS = alternationRegExp(
  [...constantMeanings].filter(([, m]) => m.segment === development?.environment.segment).map(([v]) => v),
);

/** Matches any of `literals` as a whole name: not inside a longer identifier, a member chain or a Ruby `::` path. */
function alternationRegExp(literals: string[]): RegExp {
  const alternatives = [...literals].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![A-Za-z0-9_.])(?<!::)(?:${alternatives.join('|')})(?![A-Za-z0-9_])`, 'g');
}

function constantVariants(constant: string): Set<string> {
  const variants = new Set([constant]);
  const parts = constant.split('.');
  const last = parts[parts.length - 1]!;
  if (/^[a-z]+$/.test(last)) {
    const head = parts.slice(0, -1).join('.');
    variants.add(`${head}['${last}']`).add(`${head}["${last}"]`);
  }
  if (constant.includes('"')) variants.add(constant.replace(/"/g, "'"));
  // `plaid.Environment.Development` is also written `Environment.Development` after `from plaid import Environment`.
  if (parts.length >= 3 && /^[a-z]/.test(parts[0]!)) variants.add(parts.slice(1).join('.'));
  return variants;
}

/** The sentence every Development finding shares, with the date from the glossary. */
export function developmentMessage(): string {
  const on = development?.environment.decommissionedOn ?? 'an earlier date';
  const active = activeEnvironments.map((e) => `${e.term} (${e.environment.baseUrl})`).join(' or ');
  return `${development?.term ?? 'Decommissioned'} environment, decommissioned on ${on}; use ${active}.`;
}

/** Replacements that swap the environment word in `range` for each active environment, keeping its case. */
export function developmentReplacements(range: OffsetRange, written: string): Replacement[] {
  return activeEnvironments.map((env) => {
    const word = env.environment.segment;
    const text = /^[A-Z]/.test(written) ? word[0]!.toUpperCase() + word.slice(1) : word;
    return { title: `Switch to ${env.term} (\`${text}\`)`, range, text, preferred: false };
  });
}

/** Reports Development URLs, SDK constants and settings. */
export function checkDevelopment(ctx: ScanContext): void {
  // The word without its first letter matches `development` and `Development` alike, in one cheap pass.
  if (!development || !ctx.text.includes(developmentWord.slice(1))) return;
  const severity = ctx.severity('development-environment');
  if (!severity) return;
  const report = (range: OffsetRange, what: string, wordRange: OffsetRange, word: string) =>
    ctx.report({
      rule: 'development-environment',
      severity,
      range,
      message: `${what} points at the ${developmentMessage()}`,
      deprecated: true,
      fix: { kind: 'replace', replacements: developmentReplacements(wordRange, word) },
    });

  const devHost = host(development.environment.baseUrl);
  for (let at = ctx.text.indexOf(devHost); at >= 0; at = ctx.text.indexOf(devHost, at + devHost.length)) {
    if (at > 0 && /[A-Za-z0-9-]/.test(ctx.text[at - 1]!)) continue;
    if (/[A-Za-z0-9-]/.test(ctx.text[at + devHost.length] ?? '')) continue;
    const start = ctx.text.startsWith('https://', at - 8) ? at - 8 : ctx.text.startsWith('http://', at - 7) ? at - 7 : at;
    report({ start, end: at + devHost.length }, `\`${devHost}\``, { start: at, end: at + developmentWord.length }, developmentWord);
  }
  for (const m of ctx.text.matchAll(DEVELOPMENT_CONSTANTS)) {
    // `ApiClient.Development` or `Environment.Development` alone could be anyone's enum; Plaid's need Plaid nearby.
    if (!/plaid/i.test(m[0]) && !ctx.mentionsPlaid()) continue;
    const sdk = constantMeanings.get(m[0])!.sdk;
    const wordAt = m[0].toLowerCase().lastIndexOf(developmentWord);
    const range = { start: m.index, end: m.index + m[0].length };
    const wordRange = { start: m.index + wordAt, end: m.index + wordAt + developmentWord.length };
    report(range, `The ${sdk} constant \`${m[0]}\``, wordRange, m[0].slice(wordAt, wordAt + developmentWord.length));
  }
  for (const m of ctx.text.matchAll(ENV_SETTING)) {
    const valueAt = m.index + m[0].length - m[1]!.length;
    const range = { start: valueAt, end: valueAt + m[1]!.length };
    report(range, `The setting \`${m[0].slice(0, m[0].search(/[^A-Za-z0-9_-]/))}\` = \`${m[1]}\``, range, m[1]!);
  }
}

/**
 * The environment the file configures through a base URL or an SDK constant, when there is exactly one.
 * Files that mention several (a switch over environments) configure none in particular.
 */
export function configuredEnvironment(text: string): ConfiguredEnvironment | undefined {
  if (!text.includes('plaid') && !text.includes('Plaid')) return undefined;
  const seen = new Map<string, string>();
  for (const env of environmentHosts) {
    if (text.includes(env.host)) seen.set(env.segment, env.host);
  }
  for (const m of text.matchAll(ALL_CONSTANTS)) {
    const segment = constantMeanings.get(m[0])!.segment;
    if (!seen.has(segment)) seen.set(segment, m[0]);
  }
  if (seen.size !== 1) return undefined;
  const [segment, evidence] = [...seen][0]!;
  return { segment, evidence: `\`${evidence}\`` };
}

/** Per environment that is not a mode: its host. */
const environmentHosts = environmentEntries
  .filter((env) => env.environment.status !== 'mode')
  .map((env) => ({ segment: env.environment.segment, host: host(env.environment.baseUrl) }));
