/**
 * The scanner: runs every rule over a text and returns the findings in document order.
 */
import { createContext } from './context';
import { checkApi } from './rules/apiRules';
import { checkCredentials } from './rules/credentials';
import { checkDevelopment, configuredEnvironment, type ConfiguredEnvironment } from './rules/development';
import { checkTokens, noRealDataNote } from './rules/tokenRules';
import { applySuppressions } from './suppress';
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

/** Runs every rule over `text` and sorts the findings, without suppressions; `facts` stand in for the file's own. */
export function runRules(text: string, options: ScanOptions, facts?: FileFacts): Finding[] {
  const findings: Finding[] = [];
  const ctx = createContext(text, options, RULES, findings);
  if (facts !== undefined) ctx.mentionsPlaid = () => facts.mentionsPlaid;
  checkTokens(ctx, facts !== undefined ? facts.configured : configuredEnvironment(text));
  checkDevelopment(ctx);
  checkCredentials(ctx);
  checkApi(ctx, options.api);
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.rule.localeCompare(b.rule));
  return findings;
}
