/**
 * `plaidLens.*` settings: pulled per resource with `workspace/configuration`, checked field by field, and cached
 * per document by the caller. A wrong value costs that field its default and one warning, never the server.
 */
import type { Connection } from 'vscode-languageserver/node';
import { maskText, RULE_IDS, SEVERITY_LEVELS, type RuleId, type SeverityLevel } from './engine';
import type { Logger } from './log';
import { SETTINGS_SECTION, type PlaidLensSettings, type TraceLevel } from './protocol';

/** The settings in force when the client says nothing. */
export const DEFAULT_SETTINGS: Readonly<PlaidLensSettings> = Object.freeze({
  enable: true,
  rules: Object.freeze({}),
  maxFileSizeKB: 1024,
  trace: Object.freeze({ server: 'off' as TraceLevel }),
});

const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];
const RULE_SET = new Set<string>(RULE_IDS);
const LEVEL_SET = new Set<string>(SEVERITY_LEVELS);

/** Checked settings and a sentence for each value that was replaced by its default. */
export interface SettingsCheck {
  settings: PlaidLensSettings;
  problems: string[];
}

/** Checks raw `plaidLens` settings as a client sent them; anything of the wrong type falls back to its default. */
export function checkSettings(raw: unknown): SettingsCheck {
  const problems: string[] = [];
  const settings: PlaidLensSettings = { ...DEFAULT_SETTINGS, rules: {}, trace: { ...DEFAULT_SETTINGS.trace } };
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isPlainObject(raw)) {
    problems.push(`"${SETTINGS_SECTION}" must be an object of settings, not ${shown(raw)}; using the defaults.`);
    return { settings, problems };
  }
  if (raw.enable !== undefined && raw.enable !== null) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else problems.push(wrongType('enable', 'true or false', raw.enable, String(DEFAULT_SETTINGS.enable)));
  }
  if (raw.maxFileSizeKB !== undefined && raw.maxFileSizeKB !== null) {
    const size = raw.maxFileSizeKB;
    if (typeof size === 'number' && Number.isFinite(size) && size > 0) settings.maxFileSizeKB = size;
    else problems.push(wrongType('maxFileSizeKB', 'a positive number of KiB', size, String(DEFAULT_SETTINGS.maxFileSizeKB)));
  }
  if (raw.rules !== undefined && raw.rules !== null) settings.rules = checkRules(raw.rules, problems);
  if (raw.trace !== undefined && raw.trace !== null) settings.trace = { server: checkTrace(raw.trace, problems) };
  return { settings, problems };
}

function checkRules(raw: unknown, problems: string[]): Partial<Record<RuleId, SeverityLevel>> {
  const rules: Partial<Record<RuleId, SeverityLevel>> = {};
  if (!isPlainObject(raw)) {
    problems.push(wrongType('rules', 'an object such as {"hardcoded-secret": "error"}', raw, 'the severities of .plaidlens.json and the rule defaults'));
    return rules;
  }
  for (const [rule, level] of Object.entries(raw)) {
    if (!RULE_SET.has(rule)) {
      problems.push(`"${SETTINGS_SECTION}.rules" names ${shown(rule)}, which is not a rule (rules: ${RULE_IDS.join(', ')}); it is ignored.`);
    } else if (typeof level !== 'string' || !LEVEL_SET.has(level)) {
      problems.push(wrongType(`rules.${rule}`, `one of ${SEVERITY_LEVELS.join(', ')}`, level, 'the severity from .plaidlens.json or the rule default'));
    } else {
      rules[rule as RuleId] = level as SeverityLevel;
    }
  }
  return rules;
}

function checkTrace(raw: unknown, problems: string[]): TraceLevel {
  const level = isPlainObject(raw) ? raw.server : raw;
  if (level === undefined || level === null) return DEFAULT_SETTINGS.trace.server;
  if (typeof level === 'string' && (TRACE_LEVELS as readonly string[]).includes(level)) return level as TraceLevel;
  problems.push(wrongType('trace.server', `one of ${TRACE_LEVELS.join(', ')}`, level, DEFAULT_SETTINGS.trace.server));
  return DEFAULT_SETTINGS.trace.server;
}

function wrongType(field: string, expected: string, value: unknown, fallback: string): string {
  return `The setting "${SETTINGS_SECTION}.${field}" must be ${expected}, not ${shown(value)}; using ${fallback}.`;
}

/** A short, masked rendering of a user's value: settings may hold a pasted secret. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : `${Array.isArray(value) ? 'an array' : typeof value} ${JSON.stringify(value) ?? ''}`.trim();
  const masked = maskText(text);
  return masked.length > 60 ? `${masked.slice(0, 57)}…` : masked;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Pulls settings from the client. Clients without `workspace/configuration` push them with
 * `workspace/didChangeConfiguration` instead; those pushed values are kept here for them.
 */
export class SettingsSource {
  private pushed: unknown;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly canPull: () => boolean,
  ) {}

  /** Remembers settings a client pushed, and lets each problem be reported once more. */
  configurationChanged(pushedSettings: unknown): void {
    this.warned.clear();
    if (isPlainObject(pushedSettings)) this.pushed = pushedSettings[SETTINGS_SECTION];
  }

  /** The checked settings for a resource (a document URI), or for the whole window without one. */
  async fetch(scopeUri?: string): Promise<PlaidLensSettings> {
    let raw: unknown = this.pushed;
    if (this.canPull()) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
      } catch (error) {
        this.logger.error('Could not read the plaidLens settings; using the defaults', error);
        raw = undefined;
      }
    }
    const { settings, problems } = checkSettings(raw);
    for (const problem of problems) this.warnOnce(problem);
    return settings;
  }

  private warnOnce(problem: string): void {
    if (this.warned.has(problem)) return;
    this.warned.add(problem);
    this.logger.warnUser(`Plaid Lens: ${problem}`);
  }
}
