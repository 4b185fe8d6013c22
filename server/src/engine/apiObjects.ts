/**
 * Reads the keys written literally in a request at a call: a JavaScript object literal, a Python dict or keyword
 * arguments, a Ruby hash or keyword arguments. Only keys written right there count; spreads, computed keys, `**kwargs`
 * and variables are skipped, since their keys cannot be known without running the code.
 */
import type { OffsetRange, SourceLanguage } from './types';

/** How the keys of a request are written. */
export type KeyStyle = 'object' | 'dict' | 'kwargs' | 'ruby';

/** One key written in a request. */
export interface RequestKey {
  name: string;
  /** The name itself, inside any quotes. */
  range: OffsetRange;
  /** The object written as this key's value, when it is one (`options: { … }`). */
  nested?: RequestObject;
}

/** The keys of one request object or argument list. */
export interface RequestObject {
  style: KeyStyle;
  /** From the opening bracket to just past the closing one (or to where reading stopped). */
  range: OffsetRange;
  /** False when reading stopped before the closing bracket (the text ends, or the object is too long to read). */
  closed: boolean;
  keys: RequestKey[];
}

/** How far past its opening bracket a request is read, so that the cost and reach of a call stay bounded. */
export const REQUEST_REACH = 8192;

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const IDENT_START = /[A-Za-z_$]/;
const IDENT = /[A-Za-z0-9_$]/;

/** Reads the request whose opening bracket (`{` or `(`) is at `open`; nested objects one level deep. */
export function readRequest(text: string, open: number, style: KeyStyle, language: SourceLanguage, nest = 1): RequestObject {
  const limit = Math.min(text.length, open + REQUEST_REACH);
  const closer = CLOSERS[text[open] ?? ''] ?? '}';
  const keys: RequestKey[] = [];
  let depth = 0;
  let entry = true;
  let i = open + 1;
  while (i < limit) {
    if (entry && depth === 0) {
      i = skipBlank(text, i, limit, language);
      const key = readKey(text, i, limit, style);
      entry = false;
      if (key !== undefined) {
        const k: RequestKey = { name: key.name, range: key.range };
        const value = skipBlank(text, key.next, limit, language);
        if (nest > 0 && text[value] === '{') {
          k.nested = readRequest(text, value, style === 'kwargs' ? 'dict' : style, language, nest - 1);
          i = k.nested.range.end;
        } else i = key.next;
        keys.push(k);
        continue;
      }
      continue;
    }
    const c = text[i]!;
    const skipped = skipStringOrComment(text, i, limit, language);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return { style, range: { start: open, end: i + 1 }, closed: c === closer, keys };
      depth--;
    } else if (c === ',' && depth === 0) entry = true;
    i++;
  }
  return { style, range: { start: open, end: i }, closed: false, keys };
}

/** A key at `i` in the given style, with where its value starts; undefined when the entry has no literal key. */
function readKey(text: string, i: number, limit: number, style: KeyStyle): { name: string; range: OffsetRange; next: number } | undefined {
  const c = text[i];
  if (c === undefined || i >= limit) return undefined;
  if (c === '"' || c === "'") {
    const end = text.indexOf(c, i + 1);
    if (end < 0 || end >= limit || /[\\\n\r]/.test(text.slice(i + 1, end))) return undefined;
    const name = text.slice(i + 1, end);
    if (!/^[A-Za-z_][\w.-]*$/.test(name)) return undefined;
    const after = skipSpaces(text, end + 1, limit);
    const sep = style === 'ruby' ? text.startsWith('=>', after) || text[end + 1] === ':' : text[after] === ':' && style !== 'kwargs';
    if (!sep) return undefined;
    const next = text.startsWith('=>', after) ? after + 2 : after + 1;
    return { name, range: { start: i + 1, end }, next };
  }
  if (style === 'ruby' && c === ':' && IDENT_START.test(text[i + 1] ?? '')) {
    const end = identEnd(text, i + 1, limit);
    const after = skipSpaces(text, end, limit);
    if (!text.startsWith('=>', after)) return undefined;
    return { name: text.slice(i + 1, end), range: { start: i + 1, end }, next: after + 2 };
  }
  if (!IDENT_START.test(c) || style === 'dict') return undefined;
  const end = identEnd(text, i, limit);
  const name = text.slice(i, end);
  if (style === 'ruby') {
    // `name: value`, never `Name::Const`.
    if (text[end] !== ':' || text[end + 1] === ':') return undefined;
    return { name, range: { start: i, end }, next: end + 1 };
  }
  const after = skipSpaces(text, end, limit);
  if (style === 'kwargs') {
    if (text[after] !== '=' || text[after + 1] === '=') return undefined;
    return { name, range: { start: i, end }, next: after + 1 };
  }
  // JavaScript: `name: value`, or shorthand `{ name, … }` (a literal key too); never `get x()` or `name() {}`.
  if (text[after] === ':') return { name, range: { start: i, end }, next: after + 1 };
  if (text[after] === ',' || text[after] === '}') return { name, range: { start: i, end }, next: after };
  return undefined;
}

function identEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && IDENT.test(text[j]!)) j++;
  return j;
}

function skipSpaces(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && /\s/.test(text[j]!)) j++;
  return j;
}

/** Skips whitespace and comments. */
export function skipBlank(text: string, i: number, limit: number, language: SourceLanguage): number {
  let j = i;
  for (;;) {
    j = skipSpaces(text, j, limit);
    const after = isComment(text, j, language) ? skipStringOrComment(text, j, limit, language) : j;
    if (after === j) return j;
    j = after;
  }
}

function hashComments(language: SourceLanguage): boolean {
  return language === 'python' || language === 'ruby' || language === 'shell' || language === 'yaml';
}

function isComment(text: string, i: number, language: SourceLanguage): boolean {
  if (hashComments(language)) return text[i] === '#';
  return text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*');
}

/** The index just past a string or comment starting at `i`, or `i` when none starts there. */
export function skipStringOrComment(text: string, i: number, limit: number, language: SourceLanguage): number {
  const c = text[i];
  if (isComment(text, i, language)) {
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      return end < 0 || end >= limit ? limit : end + 2;
    }
    const end = text.indexOf('\n', i);
    return end < 0 || end >= limit ? limit : end;
  }
  if (c !== '"' && c !== "'" && c !== '`') return i;
  if (language === 'python' && text.startsWith(c.repeat(3), i)) {
    const end = text.indexOf(c.repeat(3), i + 3);
    return end < 0 || end >= limit ? limit : end + 3;
  }
  for (let j = i + 1; j < limit; j++) {
    const d = text[j];
    if (d === '\\') j++;
    else if (d === c) return j + 1;
    else if ((d === '\n' || d === '\r') && c !== '`') return j;
  }
  return limit;
}
