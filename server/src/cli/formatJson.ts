/**
 * The `--format json` report: one entry per file with findings. Positions and masked messages only; never a
 * snippet of the file, so no secret can slip into it.
 */
import type { FileResult } from '../files/report';

/** One finding in the JSON report. */
export interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** One file in the JSON report; `file` is relative to the working directory. */
export interface JsonFileReport {
  file: string;
  findings: JsonFinding[];
}

/** Renders the JSON report (files without findings are left out). */
export function formatJson(results: readonly FileResult[]): string {
  const files: JsonFileReport[] = results
    .filter((r) => r.findings.length > 0)
    .map((r) => ({
      file: r.displayPath,
      findings: r.findings.map(({ rule, severity, line, column, endLine, endColumn, message }) => ({
        rule,
        severity,
        line,
        column,
        endLine,
        endColumn,
        message,
      })),
    }));
  return JSON.stringify(files, null, 2) + '\n';
}
