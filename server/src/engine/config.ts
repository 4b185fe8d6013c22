/**
 * `.plaidlens.json`: parsing (comments and trailing commas allowed), validation with positioned errors, and which
 * severities apply to a path. Text in, values out; finding the file on disk is the host's job.
 */
import { createScanner, getLocation, parseTree, printParseErrorCode, SyntaxKind, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch/posix';
import { GLOB_OPTIONS, shown, validateConfigTree, type ConfigIssue, type FieldStep } from './configSchema';
import { LineIndex } from './lineIndex';
import type { RuleId, SeverityLevel } from './types';

/** Severities for the files that match `files`, e.g. `{ files: ['test/**'], rules: { 'hardcoded-token': 'off' } }`. */
export interface RuleOverride {
  files: string[];
  rules: Partial<Record<RuleId, SeverityLevel>>;
}

/** A valid `.plaidlens.json`. */
export interface PlaidLensConfig {
  rules: Partial<Record<RuleId, SeverityLevel>>;
  overrides: RuleOverride[];
  ignore: string[];
}

/** One problem in a config file, placed at a 1-based line and column (UTF-16 units) and a field path. */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  /** Where in the document, e.g. `overrides[1].files[0]`; empty for the document itself. */
  field: string;
  message: string;
}

/** The outcome of {@link parseConfig}: a config, or every error found. */
export type ConfigResult = { ok: true; config: PlaidLensConfig } | { ok: false; errors: ConfigError[] };

/** The configuration in force when there is no file: defaults everywhere, nothing ignored. */
export const EMPTY_CONFIG: PlaidLensConfig = Object.freeze({
  rules: Object.freeze({}),
  overrides: Object.freeze([]) as unknown as RuleOverride[],
  ignore: Object.freeze([]) as unknown as string[],
});

/**
 * The deepest nesting read. The schema needs four levels; the parser recurses, so a hostile file of a million `[`
 * would otherwise overflow the stack instead of getting an error.
 */
const MAX_DEPTH = 32;

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the property name',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the array',
  EndOfFileExpected: 'expected the end of the file after the top-level value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'a block comment is never closed',
  UnexpectedEndOfString: 'a string is never closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape in a string',
  InvalidEscapeCharacter: 'invalid escape character in a string',
  InvalidCharacter: 'a control character is not allowed in a string; escape it',
};

/** Parses and validates a config file's text; `file` is only used to name the file in errors. */
export function parseConfig(text: string, file: string): ConfigResult {
  // Editors hide a byte-order mark, so positions are counted without it.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const place = placer(body, file);
  if (body.trim() === '') {
    return { ok: false, errors: [place({ offset: 0, path: [], message: 'the file is empty; write {} for a configuration with no settings' })] };
  }
  const deep = nestingIssue(body);
  if (deep !== undefined) return { ok: false, errors: [place(deep)] };
  const parseErrors: ParseError[] = [];
  const root = parseTree(body, parseErrors, { allowTrailingComma: true, disallowComments: false });
  const [firstError] = parseErrors;
  if (firstError !== undefined) return { ok: false, errors: [place(syntaxIssue(body, firstError))] };
  if (root === undefined) return { ok: false, errors: [place({ offset: 0, path: [], message: 'expected a JSON object' })] };
  const { config, issues } = validateConfigTree(root);
  // Reading order, so a missing key reported at its object comes before the problems inside that object.
  const ordered = [...issues].sort((a, b) => a.offset - b.offset);
  return issues.length > 0 ? { ok: false, errors: ordered.map(place) } : { ok: true, config };
}

/** An issue at the first bracket nested deeper than {@link MAX_DEPTH}, found with the parser's flat scanner. */
function nestingIssue(body: string): ConfigIssue | undefined {
  const scanner = createScanner(body, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > MAX_DEPTH) return { offset: scanner.getTokenOffset(), path: [], message: `nested more than ${MAX_DEPTH} levels deep` };
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * The first syntax error only: after one, jsonc-parser's recovery tends to report follow-on errors (a single-quoted
 * key gives four) that point at text which is fine.
 */
function syntaxIssue(body: string, error: ParseError): ConfigIssue {
  const code = printParseErrorCode(error.error);
  const path = getLocation(body, error.offset).path;
  // A missing `}` or `]` belongs to the container, not to the last property read inside it.
  const closing = code === 'CloseBraceExpected' || code === 'CloseBracketExpected';
  return { offset: error.offset, path: closing ? path.slice(0, -1) : path, message: PARSE_MESSAGES[code] ?? code };
}

/** A function that turns offset-based issues into errors with line, column and field, for one text. */
function placer(body: string, file: string): (issue: ConfigIssue) => ConfigError {
  const lines = new LineIndex(body);
  return ({ offset, path, message }) => {
    const { line, column } = lines.positionAt(offset);
    return { file, line, column, field: fieldPath(path), message };
  };
}

/** `['overrides', 1, 'files', 0]` → `overrides[1].files[0]`; odd keys are quoted: `rules["a b"]`. */
function fieldPath(path: FieldStep[]): string {
  let result = '';
  for (const step of path) {
    if (typeof step === 'number') result += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) result += result === '' ? shown(step) : `.${shown(step)}`;
    else if (step !== '') result += `[${JSON.stringify(shown(step))}]`;
  }
  return result;
}

/** Formats an error the eslint way: `.plaidlens.json:3:12: rules.malformed-tokn: "malformed-tokn" is not a rule; …`. */
export function formatConfigError(e: ConfigError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.field === '' ? '' : `${e.field}: `}${e.message}`;
}

/** Severity per rule for a path relative to the config's folder (posix separators): config.rules, then each matching override in order. */
export function rulesForPath(config: PlaidLensConfig, relativePath: string): Partial<Record<RuleId, SeverityLevel>> {
  const matching = config.overrides.filter((o) => o.files.some((glob) => globMatches(glob, relativePath)));
  return mergeRules(config.rules, ...matching.map((o) => o.rules));
}

/** True when the relative path matches an `ignore` glob. */
export function isIgnoredPath(config: PlaidLensConfig, relativePath: string): boolean {
  return config.ignore.some((glob) => globMatches(glob, relativePath));
}

/** Merges severities: later layers win (used to put editor settings over the file). */
export function mergeRules(...layers: Partial<Record<RuleId, SeverityLevel>>[]): Partial<Record<RuleId, SeverityLevel>> {
  const merged: Partial<Record<RuleId, SeverityLevel>> = {};
  for (const layer of layers) {
    for (const [rule, severity] of Object.entries(layer) as [RuleId, SeverityLevel | undefined][]) {
      if (severity !== undefined) merged[rule] = severity;
    }
  }
  return merged;
}

/** A glob read the .gitignore way. */
interface CompiledGlob {
  /** Has a `/` before its end, so it is matched from the config's folder rather than at any depth. */
  anchored: boolean;
  /** Ends in `/`, so it names folders only. */
  foldersOnly: boolean;
  isMatch: (path: string) => boolean;
}

const compiled = new Map<string, CompiledGlob>();
/** Enough for any real config; the cache is dropped past it so a long-running server cannot grow without bound. */
const MAX_COMPILED = 512;

/** Compiles a glob once and remembers it; validated configs only hold globs that compile. */
function compileGlob(glob: string): CompiledGlob {
  let cached = compiled.get(glob);
  if (cached === undefined) {
    const foldersOnly = glob.endsWith('/');
    const trimmed = glob.replace(/\/+$/, '');
    const anchored = trimmed.includes('/');
    const pattern = trimmed.replace(/^(\.\/|\/)+/, '');
    cached = { anchored, foldersOnly, isMatch: picomatch(pattern === '' ? '**' : pattern, GLOB_OPTIONS) };
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, cached);
  }
  return cached;
}

/**
 * True when the glob matches the path or one of its folders, so `build` or `build/` covers `build/out/a.js`.
 * Unanchored globs are tried on each name in the path (`*.test.ts` matches `src/a.test.ts`); anchored ones on each
 * leading part of the path (`src/legacy` matches `src/legacy/a.ts`, not `lib/src/legacy/a.ts`).
 */
function globMatches(glob: string, relativePath: string): boolean {
  const { anchored, foldersOnly, isMatch } = compileGlob(glob);
  // Backslashes are read as separators so that a Windows-style relative path still matches.
  const names = relativePath.replace(/\\/g, '/').split('/').filter((name) => name !== '' && name !== '.');
  const last = foldersOnly ? names.length - 1 : names.length;
  for (let i = 1; i <= last; i++) {
    if (isMatch(anchored ? names.slice(0, i).join('/') : names[i - 1])) return true;
  }
  return false;
}
