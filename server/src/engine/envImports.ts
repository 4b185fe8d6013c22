/**
 * The import an environment read needs, so that "Move to environment variable" leaves code that runs: Python's
 * `os.environ[…]` needs `import os` and Go's `os.Getenv(…)` needs `"os"`. Pure text work: a file's text in, the
 * edit that adds the import out.
 */
import type { OffsetRange, SourceLanguage } from './types';

/** An edit that adds an import: `range` (empty for an insertion) becomes `text`. */
export interface ImportEdit {
  range: OffsetRange;
  text: string;
}

/**
 * The edit that imports what the language's environment read needs, or undefined when the file already imports it,
 * when the language needs nothing (JavaScript's `process.env`, Java's `System.getenv`, Ruby's `ENV`), or when the
 * text gives no place to put it (Go without a package clause).
 */
export function envReadImport(language: SourceLanguage, text: string): ImportEdit | undefined {
  switch (language) {
    case 'python':
      return pythonOsImport(text);
    case 'go':
      return goOsImport(text);
    default:
      return undefined;
  }
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset where the line after the one holding `offset` starts (the text's end on the last line). */
function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The line that starts at `start`, without its line break. */
function lineFrom(text: string, start: number): string {
  const next = nextLineStart(text, start);
  return text.slice(start, next).replace(/\r?\n$/, '');
}

function insertion(at: number, text: string): ImportEdit {
  return { range: { start: at, end: at }, text };
}

// ---- Python ----

/** A top-level `import os`, `import os.path` or `import sys, os`: each binds the name `os` (`import os as o` does not). */
const PYTHON_IMPORTS_OS = /^import[ \t]+(?:[\w.]+(?:[ \t]+as[ \t]+\w+)?[ \t]*,[ \t]*)*os(?:\.[\w.]+)?[ \t]*(?:[,#;\r]|$)/m;
const PYTHON_IMPORT = /^(?:import|from)[ \t]/;
const PYTHON_STRING = /^[rRuUbBfF]{0,2}("""|'''|"|')/;

function pythonOsImport(text: string): ImportEdit | undefined {
  if (PYTHON_IMPORTS_OS.test(text)) return undefined;
  const at = pythonImportSpot(text);
  const eol = eolOf(text);
  // After a last line without a line break, the import needs a line of its own.
  const lead = at === text.length && text !== '' && !text.endsWith('\n') ? eol : '';
  return insertion(at, `${lead}import os${eol}`);
}

/**
 * Where a new top-level import goes: after the last import of the file's opening run of imports or, without one,
 * after its leading comments (shebang, encoding line) and docstring. The walk stops at the first other statement,
 * so a `from __future__` import stays first and nothing lands inside a function or a conditional.
 */
function pythonImportSpot(text: string): number {
  let spot = 0;
  let statements = 0;
  for (let pos = 0; pos < text.length; ) {
    const line = lineFrom(text, pos);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (trimmed !== '' && statements === 0) spot = nextLineStart(text, pos);
      pos = nextLineStart(text, pos);
      continue;
    }
    if (statements === 0 && PYTHON_STRING.test(line)) {
      const end = pythonStringEnd(text, pos);
      if (end < 0) break;
      pos = spot = nextLineStart(text, end);
    } else if (PYTHON_IMPORT.test(line)) {
      pos = spot = pythonLogicalLineEnd(text, pos);
    } else {
      break;
    }
    statements++;
  }
  return spot;
}

/** The offset just past the string literal (a docstring) that starts at `start`, or -1 when it never closes. */
function pythonStringEnd(text: string, start: number): number {
  const open = PYTHON_STRING.exec(text.slice(start, start + 8))!;
  const quote = open[1]!;
  for (let i = start + open[0].length; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && text[i] === '\n') return -1;
  }
  return -1;
}

/** Where the line after an import statement starts, past parenthesised names and backslash continuations. */
function pythonLogicalLineEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      const newline = text.indexOf('\n', i);
      if (newline < 0) return text.length;
      i = newline - 1;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (c === '\\') {
      i += text.startsWith('\r\n', i + 1) ? 2 : 1;
    } else if (c === '\n' && depth === 0) {
      return i + 1;
    }
  }
  return text.length;
}

// ---- Go ----

/** Go's import keyword, for the declarations this module writes. */
const IMPORT = 'import';
/** The spec that imports package `os` under its own name. */
const OS_SPEC = '"os"';
/** An import spec that binds the name `os`. */
const GO_OS_SPEC = /^(?:os[ \t]+)?"os"$/;
const GO_IMPORT = /^import\b[ \t]*/gm;
const GO_SINGLE_SPEC = /^(?:[\w.]+[ \t]+)?"[^"\n]*"/;
const GO_PACKAGE = /^package[ \t]+\w+[^\n\r]*/m;

/** One import declaration: a parenthesised block of specs, or a declaration of one spec. */
type GoImportDecl =
  | { kind: 'block'; open: number; close: number; specs: string[] }
  | { kind: 'single'; range: OffsetRange; spec: string };

function goOsImport(text: string): ImportEdit | undefined {
  const decls = goImportDecls(text);
  const specs = decls.flatMap((d) => (d.kind === 'block' ? d.specs : [d.spec]));
  if (specs.some((s) => GO_OS_SPEC.test(s))) return undefined;
  const eol = eolOf(text);
  const block = decls.find((d): d is Extract<GoImportDecl, { kind: 'block' }> => d.kind === 'block');
  if (block !== undefined) return insertIntoBlock(text, block);
  const single = decls[0];
  if (single?.kind === 'single') {
    const sorted = goPath(single.spec) < 'os' ? [single.spec, OS_SPEC] : [OS_SPEC, single.spec];
    return { range: single.range, text: [`${IMPORT} (`, ...sorted.map((s) => `\t${s}`), ')'].join(eol) };
  }
  const pkg = GO_PACKAGE.exec(text);
  if (pkg === null) return undefined;
  return insertion(pkg.index + pkg[0].length, `${eol}${eol}${IMPORT} ${OS_SPEC}`);
}

/** The import path of a spec: `"net/http"` for `h "net/http"`. */
function goPath(spec: string): string {
  return /"([^"]*)"/.exec(spec)?.[1] ?? spec;
}

function goImportDecls(text: string): GoImportDecl[] {
  const decls: GoImportDecl[] = [];
  for (const m of text.matchAll(GO_IMPORT)) {
    const after = m.index + m[0].length;
    if (text[after] === '(') {
      const close = goClosingParen(text, after + 1);
      if (close < 0) continue;
      decls.push({ kind: 'block', open: after, close, specs: goBlockSpecs(text.slice(after + 1, close)) });
      continue;
    }
    const spec = GO_SINGLE_SPEC.exec(text.slice(after, after + 300));
    if (spec !== null) decls.push({ kind: 'single', range: { start: m.index, end: after + spec[0].length }, spec: spec[0] });
  }
  return decls;
}

/** The `)` that closes an import block whose contents start at `from`, past strings and comments; -1 if none. */
function goClosingParen(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      while (++i < text.length && text[i] !== '"' && text[i] !== '\n') if (text[i] === '\\') i++;
    } else if (c === '`') {
      i = text.indexOf('`', i + 1);
      if (i < 0) return -1;
    } else if (text.startsWith('//', i)) {
      i = text.indexOf('\n', i);
      if (i < 0) return -1;
    } else if (text.startsWith('/*', i)) {
      i = text.indexOf('*/', i + 2);
      if (i < 0) return -1;
      i++;
    } else if (c === ')') {
      return i;
    }
  }
  return -1;
}

/** The specs of a block's contents, without comments: `f "fmt"`, `"os"`. */
function goBlockSpecs(contents: string): string[] {
  return contents
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/[^\n]*/g, '')
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Adds `"os"` to a block in gofmt's order: before the first spec of the block's first group whose path sorts after
 * `os`, else at the end of that group. A new line holding one spec is valid anywhere inside the parentheses.
 */
function insertIntoBlock(text: string, block: Extract<GoImportDecl, { kind: 'block' }>): ImportEdit {
  const eol = eolOf(text);
  const firstLine = nextLineStart(text, block.open);
  // A block on one line, parentheses and specs together: the new spec goes first, ended by a semicolon.
  if (firstLine > block.close) return insertion(block.open + 1, `${OS_SPEC}; `);
  let indent = '\t';
  let seenSpec = false;
  for (let pos = firstLine; pos <= block.close; pos = nextLineStart(text, pos)) {
    const line = lineFrom(text, pos);
    const spec = line.replace(/\/\/.*$/, '').trim();
    const closes = nextLineStart(text, pos) > block.close;
    if (closes || (spec === '' && line.trim() === '' && seenSpec)) return insertion(pos, `${indent}${OS_SPEC}${eol}`);
    if (spec === '') continue;
    const lineIndent = /^[ \t]*/.exec(line)![0];
    if (goPath(spec) > 'os') return insertion(pos, `${lineIndent}${OS_SPEC}${eol}`);
    indent = lineIndent;
    seenSpec = true;
  }
  return insertion(firstLine, `\t${OS_SPEC}${eol}`);
}
