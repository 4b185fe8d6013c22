/**
 * What every rule needs to know about the text it scans, computed once per scan.
 */
import { fileKindOf, languageOf } from './language';
import type { FileKind, Finding, RuleId, ScanOptions, Severity, SeverityLevel, SourceLanguage } from './types';

/** Per-scan facts shared by the rules. */
export interface ScanContext {
  text: string;
  language: SourceLanguage;
  kind: FileKind;
  /**
   * The severity a finding gets: the configured one when the user set it, else `contextual` (a rule's default for
   * this finding, e.g. warning for a Sandbox token), else the rule's prose default in prose, else the rule's
   * default. Undefined when the rule is off.
   */
  severity(rule: RuleId, contextual?: Severity): Severity | undefined;
  /** True when the rule runs at all. */
  enabled(rule: RuleId): boolean;
  /**
   * True for `.env`, `.env.local` and `.env.*.local`: the private, git-ignored files where credentials belong.
   * Committed siblings such as `.env.example` are not private.
   */
  privateEnvFile: boolean;
  /** True when the text mentions Plaid anywhere (computed on first use). */
  mentionsPlaid(): boolean;
  report(finding: Finding): void;
}

/** A rule's default severities, as the rule catalogue declares them. */
export interface SeverityDefaults {
  defaultSeverity: Severity;
  /** The default in prose (Markdown, plain text), when it differs from `defaultSeverity`. */
  proseSeverity?: Severity;
}

const PRIVATE_ENV_FILE = /(^|[\\/])\.env(\.local|\.[\w-]+\.local)?$/;

/** True for the private dotenv files where credentials are meant to live. */
export function isPrivateEnvFile(fileName: string | undefined): boolean {
  return fileName !== undefined && PRIVATE_ENV_FILE.test(fileName);
}

/** Builds the context for one scan; findings are collected into `sink`. */
export function createContext(
  text: string,
  options: ScanOptions,
  defaults: Readonly<Record<RuleId, SeverityDefaults>>,
  sink: Finding[],
): ScanContext {
  const language = languageOf(options.fileName, options.languageId);
  const kind = fileKindOf(language);
  const configured: Partial<Record<RuleId, SeverityLevel>> = options.rules ?? {};
  let plaid: boolean | undefined;
  return {
    text,
    language,
    kind,
    privateEnvFile: isPrivateEnvFile(options.fileName),
    severity(rule, contextual) {
      const level = configured[rule];
      if (level === 'off') return undefined;
      const info = defaults[rule];
      return level ?? contextual ?? (kind === 'prose' ? info.proseSeverity : undefined) ?? info.defaultSeverity;
    },
    enabled(rule) {
      return configured[rule] !== 'off';
    },
    mentionsPlaid() {
      plaid ??= /plaid/i.test(text);
      return plaid;
    },
    report(finding) {
      sink.push(finding);
    },
  };
}
