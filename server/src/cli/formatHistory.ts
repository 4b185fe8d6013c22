/**
 * Reports of `plaid-lens history`: each finding with the commit that introduced it (short and full hash, author,
 * date), the path and line in that commit, and whether HEAD still holds the value. Messages are the engine's,
 * already masked; no report holds a value or a snippet of a file.
 */
import { plural } from '../engine';
import type { FileResult, Totals } from '../files/report';
import type { ReportFormat } from './args';
import { buildSarif, type SarifOptions } from './formatSarif';
import { summaryLine } from './formatText';
import type { HistoryFinding } from './historyCommand';
import { printable } from './output';

/** Characters of a short commit hash. */
export const SHORT_HASH = 8;

/** One finding in the JSON report. */
export interface JsonHistoryFinding {
  commit: string;
  shortCommit: string;
  author: string;
  date: string;
  /** From the repository root, in that commit. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  message: string;
  presentAtHead: boolean;
}

/** Adds up the findings for the summary and the exit code. */
export function historyTotals(findings: readonly HistoryFinding[]): Totals {
  const totals: Totals = { files: 0, errors: 0, warnings: 0, notes: 0 };
  for (const { finding } of findings) {
    if (finding.severity === 'error') totals.errors++;
    else if (finding.severity === 'warning') totals.warnings++;
    else totals.notes++;
  }
  return totals;
}

/** Renders the report in `format`. */
export function formatHistory(findings: readonly HistoryFinding[], format: ReportFormat, sarif: SarifOptions): string {
  if (format === 'json') return JSON.stringify(findings.map(jsonFinding), null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(historySarif(findings, sarif), null, 2) + '\n';
  return historyText(findings);
}

function jsonFinding(f: HistoryFinding): JsonHistoryFinding {
  const { rule, severity, message, line, column, endLine, endColumn } = f.finding;
  return { commit: f.commit, shortCommit: f.commit.slice(0, SHORT_HASH), author: f.author, date: f.date, path: f.path, line, column, endLine, endColumn, rule, severity, message, presentAtHead: f.presentAtHead };
}

/** Text: a heading per commit and file, a row per finding, then the summary. */
function historyText(findings: readonly HistoryFinding[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < findings.length; ) {
    const first = findings[i]!;
    const rows: string[][] = [];
    for (; i < findings.length && findings[i]!.commit === first.commit && findings[i]!.path === first.path; i++) {
      const f = findings[i]!;
      rows.push([`${f.finding.line}:${f.finding.column}`, f.finding.severity, f.finding.message.replace(/\s*[\r\n]+\s*/g, ' '), f.finding.rule, f.presentAtHead ? 'still in HEAD' : 'not in HEAD']);
    }
    const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
    const heading = `${first.commit.slice(0, SHORT_HASH)} ${first.date.slice(0, 10)} ${printable(first.author)}  ${printable(first.path)}`;
    blocks.push([heading, ...rows.map((r) => `  ${r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('  ')}`)].join('\n'));
  }
  const totals = historyTotals(findings);
  const commits = new Set(findings.map((f) => f.commit)).size;
  const summary = findings.length === 0 ? '✔ No problems found in the history scanned.' : `${summaryLine(totals)} in ${plural(commits, 'commit')}`;
  return [...blocks, summary].join('\n\n') + '\n';
}

/** SARIF as `scan` writes it, each result carrying its commit in `properties` and a fingerprint by value. */
function historySarif(findings: readonly HistoryFinding[], options: SarifOptions): object {
  const files: FileResult[] = findings.map((f) => ({ absPath: f.absPath, displayPath: f.path, findings: [f.finding] }));
  const log = buildSarif(files, options) as { runs: { results: { properties?: object }[] }[] };
  log.runs[0]!.results.forEach((result, i) => {
    const f = findings[i]!;
    result.properties = { commit: f.commit, shortCommit: f.commit.slice(0, SHORT_HASH), author: f.author, date: f.date, presentAtHead: f.presentAtHead };
  });
  return log;
}
