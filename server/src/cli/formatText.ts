/**
 * The default, eslint-like report: each file's path, then aligned `line:col  severity  message  rule` rows, then
 * one summary line.
 */
import { plural } from '../engine';
import type { FileResult, LocatedFinding, Totals } from '../files/report';
import { printable } from './output';

/** Renders the text report; paths are shown as the results hold them (relative to the working directory). */
export function formatText(results: readonly FileResult[], totals: Totals): string {
  const blocks = results.filter((r) => r.findings.length > 0).map((r) => fileBlock(r.displayPath, r.findings));
  return [...blocks, summaryLine(totals)].join('\n\n') + '\n';
}

/** `✖ 3 problems (2 errors, 1 warning)`, or a tick and the number of files when there is nothing to report. */
export function summaryLine(totals: Totals): string {
  const problems = totals.errors + totals.warnings + totals.notes;
  if (problems === 0) return `✔ No problems found in ${plural(totals.files, 'file')}.`;
  const parts = [plural(totals.errors, 'error'), plural(totals.warnings, 'warning')];
  if (totals.notes > 0) parts.push(plural(totals.notes, 'note'));
  return `✖ ${plural(problems, 'problem')} (${parts.join(', ')})`;
}

function fileBlock(displayPath: string, findings: readonly LocatedFinding[]): string {
  const rows = findings.map((f) => [`${f.line}:${f.column}`, f.severity, oneLine(f.message), f.rule]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const lines = rows.map((row) => `  ${row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')}`);
  return [printable(displayPath), ...lines].join('\n');
}

/** Keeps a multi-line message on its row. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

