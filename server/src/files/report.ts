/**
 * What a scan produces, in plain values that can cross a worker boundary: findings located by line and column,
 * and notes about files that could not be scanned. The formatters read only these.
 */
import type { RuleId, Severity } from '../engine';

/** One finding with 1-based line/column positions; `endColumn` is exclusive, as in SARIF. */
export interface LocatedFinding {
  rule: RuleId;
  severity: Severity;
  /** Already masked by the engine. */
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The flagged text passed through the masking function; only ever used to fingerprint a finding. */
  maskedText: string;
  /** True for findings about something deprecated (the Development environment). */
  deprecated?: true;
  /** A salted hash of the flagged value, when the scan asked for one (`ScanLimits.valueSalt`); never the value. */
  valueHash?: string;
}

/** A token in a file, masked (its raw text never leaves the thread that read the file), placed like a finding. */
export interface LocatedToken {
  /** The type prefix, e.g. `access`. */
  type: string;
  /** The environment segment as written, e.g. `sandbox`. */
  environment: string;
  /** e.g. `access-sandbox-…4f2a`. */
  masked: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Why a file was not scanned, or could only be read in part. */
export interface FileNote {
  /** `skipped`: left out on purpose (binary, too large); `unreadable`: could not be read; `failed`: the scan itself failed. */
  kind: 'skipped' | 'unreadable' | 'failed';
  /** A sentence naming the reason, never the file's content. */
  reason: string;
}

/** The outcome for one file. */
export interface FileResult {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the working directory, as shown to the user. */
  displayPath: string;
  findings: LocatedFinding[];
  /** The file's tokens, when the scan asked for them (`ScanLimits.listTokens`). */
  tokens?: LocatedToken[];
  note?: FileNote;
}

/** Counts that decide the summary line and the exit code. */
export interface Totals {
  /** Files actually scanned (not skipped, not failed). */
  files: number;
  errors: number;
  warnings: number;
  /** `info` and `hint` findings. */
  notes: number;
}

/** Adds up the findings of every file. */
export function totalsOf(results: readonly FileResult[]): Totals {
  const totals: Totals = { files: 0, errors: 0, warnings: 0, notes: 0 };
  for (const result of results) {
    if (result.note === undefined) totals.files++;
    for (const finding of result.findings) {
      if (finding.severity === 'error') totals.errors++;
      else if (finding.severity === 'warning') totals.warnings++;
      else totals.notes++;
    }
  }
  return totals;
}
