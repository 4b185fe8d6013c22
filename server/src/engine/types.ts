/**
 * The engine's public data types. Plain values only: no editor, protocol or file-system types.
 */
import type { ApiIndex } from './api';

/** Stable rule identifiers; they appear in diagnostics, config files, suppression comments and SARIF. */
export const RULE_IDS = [
  'malformed-token',
  'development-environment',
  'hardcoded-secret',
  'hardcoded-client-id',
  'hardcoded-token',
  'expiring-token',
  'environment-mismatch',
  'deprecated-api',
  'unknown-api-field',
] as const;

/** One of {@link RULE_IDS}, e.g. `'hardcoded-secret'`. */
export type RuleId = (typeof RULE_IDS)[number];

/** How loudly a finding is reported. `off` is only valid in configuration, never on a finding. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Every severity a user may configure, quietest first. */
export const SEVERITY_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;

/** A severity as written in configuration: a {@link Severity} or `off`. */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** What kind of text a file holds, which decides some default severities (prose is gentler). */
export type FileKind = 'code' | 'config' | 'prose';

/** A source language, as far as the engine needs one: it picks comment syntax and environment reads. */
export type SourceLanguage =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'java'
  | 'ruby'
  | 'shell'
  | 'dotenv'
  | 'yaml'
  | 'toml'
  | 'ini'
  | 'conf'
  | 'json'
  | 'jsonc'
  | 'markdown'
  | 'html'
  | 'xml'
  | 'css'
  | 'sql'
  | 'plaintext'
  | 'other';

/** Options for one call to {@link scan}. */
export interface ScanOptions {
  /** File name or path, used to guess the language and file kind, e.g. `src/plaid.ts` or `.env.staging`. */
  fileName?: string;
  /** An editor language id when known (`typescript`, `python`, `dotenv`…); wins over the file name. */
  languageId?: string;
  /** Severity per rule after configuration; a rule set to `off` is not run. Missing rules use their defaults. */
  rules?: Partial<Record<RuleId, SeverityLevel>>;
  /** The API glossary, for the rules about API calls (`deprecated-api`, `unknown-api-field`); they skip without it. */
  api?: ApiIndex;
}

/** A half-open range of UTF-16 offsets into the scanned text: `[start, end)`. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** One replacement the user may choose, e.g. `production` for `prod`. */
export interface Replacement {
  /** Short title for the quick fix, e.g. "Replace with `production`". */
  title: string;
  /** The range to replace. */
  range: OffsetRange;
  /** The new text. Never a secret. */
  text: string;
  /** True when this is clearly the right fix. */
  preferred: boolean;
}

/** Data a host needs to offer a fix, carried with the finding so no cache is needed. */
export type FixData =
  | {
      kind: 'replace';
      replacements: Replacement[];
    }
  | {
      /** Lowercase the text in `range` (a UUID written in uppercase); the text itself is not carried. */
      kind: 'lowercase';
      title: string;
      range: OffsetRange;
    }
  | {
      kind: 'move-to-env';
      /** The environment variable to read, e.g. `PLAID_SECRET`. */
      envVar: string;
      /** The literal to replace, including its quotes when quoted. */
      literal: OffsetRange;
      /** The bare value inside the literal (what goes into `.env`). */
      value: OffsetRange;
      /** The expression that reads the variable in this file's language, e.g. `process.env.PLAID_SECRET`. */
      replacement: string;
    };

/** One problem the engine found. Messages never contain a secret or token whole. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The faulty part: a token's bad segment, a whole secret, a URL. */
  range: OffsetRange;
  /** A sentence the user can act on, with any secret masked. */
  message: string;
  /** True for findings about something deprecated (the Development environment, a deprecated endpoint or field). */
  deprecated?: boolean;
  /** Present when the engine knows a fix. */
  fix?: FixData;
  /** The token this finding is about, when there is one (for hovers and the Tokens view). */
  token?: TokenRef;
}

/** A token found in text, with its place and its masked form. */
export interface TokenRef {
  /** The whole token's range. */
  range: OffsetRange;
  /** The recognised type prefix (`access`, `asset-report`…) or the raw segment when unknown. */
  type: string;
  /** The environment segment as written (`sandbox`, `prod`…). */
  environment: string;
  /** Masked for display, e.g. `access-sandbox-…4f2a`. */
  masked: string;
}

/** UUID variants by the high bits of the clock-sequence nibble; Plaid issues `rfc4122` only. */
export type UuidVariant = 'rfc4122' | 'ncs' | 'microsoft' | 'future';

/** Kinds of structural problem {@link decodeToken} reports. */
export type TokenProblemKind =
  | 'unknown-type'
  | 'unknown-environment'
  | 'decommissioned-environment'
  | 'missing-uuid'
  | 'uuid-length'
  | 'uuid-not-hex'
  | 'uuid-uppercase'
  | 'uuid-version'
  | 'uuid-variant'
  | 'trailing-text';

/** One thing wrong with a token, with the segment it concerns (offsets into the decoded string). */
export interface TokenProblem {
  kind: TokenProblemKind;
  message: string;
  range: OffsetRange;
  /** A suggested replacement for the segment, e.g. `production`. */
  suggestion?: string;
}

/** The anatomy of one token string. */
export interface DecodedToken {
  /** The input, masked. The decoder never returns the input whole. */
  masked: string;
  /** Glossary entry id of the token type, e.g. `access-token`, when known. */
  entryId?: string;
  /** The type prefix as written. */
  type: string;
  /** True when the type prefix is one Plaid issues. */
  typeKnown: boolean;
  /** The environment segment as written. */
  environment: string;
  /** Glossary entry id of the environment, e.g. `sandbox`, when known. */
  environmentId?: string;
  /** The tail after `[type]-[environment]-`. Masked, since it is the secret part. */
  tailMasked: string;
  /** What kind of tail the type uses. */
  tailKind: 'uuid' | 'opaque';
  /** Parsed UUID facts, when the tail is UUID-shaped. */
  uuid?: { version: number | null; variant: UuidVariant | null };
  /** Every structural problem; empty for a well-formed token. */
  problems: TokenProblem[];
  /** True when there are no problems. */
  valid: boolean;
}
