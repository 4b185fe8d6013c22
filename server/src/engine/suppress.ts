/**
 * Suppression comments, in any comment syntax:
 * `plaid-lens-disable-next-line [rule …]`, `plaid-lens-disable-line [rule …]`, `plaid-lens-disable [rule …]`.
 */
import { commentSyntax, languageOf } from './language';
import type { Finding, RuleId } from './types';

const DIRECTIVE = /plaid-lens-disable(-next-line|-line)?(?![\w-])([^\n\r]*)/g;

interface Directive {
  /** Line the directive silences (or, for `disable`, the first line it silences). */
  line: number;
  scope: 'line' | 'rest-of-file';
  /** Rules silenced; empty means all rules. */
  rules: Set<string>;
}

/** Drops the findings that a suppression comment silences. */
export function applySuppressions(text: string, findings: Finding[]): Finding[] {
  if (findings.length === 0 || !text.includes('plaid-lens-disable')) return findings;
  const lineStarts = lineStartsOf(text);
  const directives = parseDirectives(text, lineStarts);
  if (directives.length === 0) return findings;
  return findings.filter((f) => {
    const line = lineOf(lineStarts, f.range.start);
    return !directives.some(
      (d) =>
        (d.scope === 'line' ? d.line === line : line >= d.line) && (d.rules.size === 0 || d.rules.has(f.rule)),
    );
  });
}

function parseDirectives(text: string, lineStarts: number[]): Directive[] {
  const directives: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = lineOf(lineStarts, m.index);
    const rules = ruleList(m[2]!);
    if (m[1] === '-next-line') directives.push({ line: line + 1, scope: 'line', rules });
    else if (m[1] === '-line') directives.push({ line, scope: 'line', rules });
    else directives.push({ line, scope: 'rest-of-file', rules });
  }
  return directives;
}

/**
 * The rules a directive names, read up to the end of its comment or a `--` that starts a reason. A misspelt name
 * stays in the set and matches no finding, so a typo silences nothing rather than everything.
 */
function ruleList(rest: string): Set<string> {
  const words = rest
    .replace(/(\*\/|-->).*$/, '')
    .replace(/(^|\s)--(\s.*)?$/, '')
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  return new Set(words);
}

/** Offsets at which each line starts (after `\n`, `\r\n` or a lone `\r`). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line of an offset, by binary search over line starts. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The comment that silences `rules` on the next line or in the whole file, in the file's comment syntax; undefined
 * for a file that cannot hold a comment (JSON) or whose comment syntax is unknown.
 */
export function disableComment(
  kind: 'next-line' | 'file',
  rules: RuleId[],
  fileName?: string,
  languageId?: string,
): string | undefined {
  const syntax = commentSyntax(languageOf(fileName, languageId));
  if (syntax === undefined) return undefined;
  const { open, close } = syntax;
  const directive = kind === 'next-line' ? 'plaid-lens-disable-next-line' : 'plaid-lens-disable';
  return `${open}${directive}${rules.length ? ' ' + rules.join(' ') : ''}${close}`;
}
