/**
 * Suppression comments, in any comment syntax:
 * `plaid-lens-disable-next-line [rule …]`, `plaid-lens-disable-line [rule …]`, `plaid-lens-disable [rule …]`.
 */
import { commentSyntax, languageOf } from './language';
import { LineIndex } from './lineIndex';
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
  const lines = new LineIndex(text);
  const directives = parseDirectives(text, lines);
  if (directives.length === 0) return findings;
  return findings.filter((f) => {
    const line = lines.lineOf(f.range.start);
    return !directives.some(
      (d) =>
        (d.scope === 'line' ? d.line === line : line >= d.line) && (d.rules.size === 0 || d.rules.has(f.rule)),
    );
  });
}

function parseDirectives(text: string, lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const line = lines.lineOf(m.index);
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
