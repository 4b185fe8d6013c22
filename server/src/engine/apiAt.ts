/**
 * What the API glossary knows at one offset, for hovers and completion: an endpoint named there, a request key, or
 * a place inside a known call's request where a field name or an enum value is being typed. Looks only at the text
 * within a request's reach before the offset, so the cost does not grow with the document.
 */
import type { ApiEndpoint, ApiField, ApiIndex } from './api';
import { findApiReferences, REFERENCE_REACH, type ApiReference } from './apiCalls';
import { REQUEST_REACH, skipStringOrComment, type KeyStyle } from './apiObjects';
import type { OffsetRange, SourceLanguage } from './types';

/** Something the hover can describe. */
export type ApiHoverTarget =
  | { kind: 'endpoint'; endpoint: ApiEndpoint; range: OffsetRange }
  | { kind: 'field'; endpoint: ApiEndpoint; field: ApiField; /** `options.count` for a nested one. */ name: string; range: OffsetRange };

/** Where completion is asked for inside a known call's request. */
export type ApiCompletionTarget =
  | {
      kind: 'field';
      endpoint: ApiEndpoint;
      /** The fields that fit here: the request's, or a nested object's. */
      fields: ApiField[];
      /** Keys already written at this level. */
      written: string[];
      /** The part of a name typed so far, which a completion replaces. */
      range: OffsetRange;
      style: KeyStyle;
      /** True when the name is being typed inside quotes (a dict key). */
      quoted: boolean;
    }
  | { kind: 'enum'; endpoint: ApiEndpoint; field: ApiField; range: OffsetRange; quoted: boolean };

/** The endpoint or request field under `offset`, if any. */
export function apiHoverAt(text: string, offset: number, api: ApiIndex, language: SourceLanguage): ApiHoverTarget | undefined {
  const refs = nearbyReferences(text, offset, api, language);
  const named = refs.find((r) => r.range.start <= offset && offset <= r.range.end);
  if (named !== undefined) return { kind: 'endpoint', endpoint: named.endpoint, range: named.range };
  for (const ref of refs.reverse()) {
    const state = walkRequest(text, ref, offset, language);
    if (state === undefined) continue;
    const key = state.keyAt;
    if (key === undefined) return undefined;
    const parent = state.parentKey === undefined ? undefined : ref.endpoint.fields.find((f) => f.name === state.parentKey);
    const fields = parent === undefined ? ref.endpoint.fields : parent.fields ?? [];
    const field = fields.find((f) => f.name === key.name);
    if (field === undefined) return { kind: 'endpoint', endpoint: ref.endpoint, range: key.range };
    const name = parent === undefined ? field.name : `${parent.name}.${field.name}`;
    return { kind: 'field', endpoint: ref.endpoint, field, name, range: key.range };
  }
  return undefined;
}

/** What may be completed at `offset`, if it lies inside a known call's request. */
export function apiCompletionAt(text: string, offset: number, api: ApiIndex, language: SourceLanguage): ApiCompletionTarget | undefined {
  for (const ref of nearbyReferences(text, offset, api, language).reverse()) {
    const state = walkRequest(text, ref, offset, language);
    if (state === undefined) continue;
    const e = ref.endpoint;
    const parent = state.parentKey === undefined ? undefined : e.fields.find((f) => f.name === state.parentKey);
    if (state.parentKey !== undefined && parent?.fields === undefined) return undefined;
    const fields = parent?.fields ?? e.fields;
    if (state.at === 'key') {
      return { kind: 'field', endpoint: e, fields, written: state.written, range: state.range, style: state.style, quoted: state.quoted };
    }
    if (state.at === 'value' && state.valueKey !== undefined) {
      const field = fields.find((f) => f.name === state.valueKey);
      if (field?.enum === undefined) return undefined;
      return { kind: 'enum', endpoint: e, field, range: state.range, quoted: state.quoted };
    }
    return undefined;
  }
  return undefined;
}

function nearbyReferences(text: string, offset: number, api: ApiIndex, language: SourceLanguage): ApiReference[] {
  return findApiReferences(text, api, language, Math.max(0, offset - REFERENCE_REACH), Math.min(text.length, offset + 1));
}

interface WalkState {
  style: KeyStyle;
  /** `key` where a field name may be typed, `value` inside a value, `other` anywhere else. */
  at: 'key' | 'value' | 'other';
  range: OffsetRange;
  quoted: boolean;
  written: string[];
  valueKey?: string;
  parentKey?: string;
  keyAt?: { name: string; range: OffsetRange };
}

interface Level {
  bracket: string;
  /** True for the request itself and for an object written as a key's value right below it. */
  object: boolean;
  /** For a nested object, the key it is the value of. */
  parent?: string;
  /** The key of the entry being read at this level, once its `:` or `=` has been seen. */
  entryKey?: string;
  keys: string[];
  entryStart: number;
  keyRanges: { name: string; range: OffsetRange }[];
}

const KEY_CHARS = /[A-Za-z0-9_$]/;

/**
 * Reads a reference's request from its bracket to `offset` and says where `offset` is: undefined when it is not
 * inside the request at all (or the request is not literal).
 */
function walkRequest(text: string, ref: ApiReference, offset: number, language: SourceLanguage): WalkState | undefined {
  const req = ref.request;
  if (req === undefined || offset <= req.open || offset > req.open + REQUEST_REACH) return undefined;
  const style = req.style;
  const stack: Level[] = [{ bracket: text[req.open]!, object: true, keys: [], entryStart: req.open + 1, keyRanges: [] }];
  let i = req.open + 1;
  while (i < offset) {
    const top = stack[stack.length - 1]!;
    const c = text[i]!;
    const skipped = skipStringOrComment(text, i, text.length, language);
    if (skipped !== i) {
      if (skipped > offset || (skipped === offset && !closedString(text, i, skipped))) return inString(text, stack, i, offset, style);
      // A comment where an entry starts belongs to no entry: the next key starts after it.
      if (!`'"\``.includes(c) && /^\s*$/.test(text.slice(top.entryStart, i))) top.entryStart = skipped;
      else noteQuotedKey(text, top, i, skipped, style);
      i = skipped;
      continue;
    }
    if (c === '{' || c === '(' || c === '[') {
      const nested = c === '{' && stack.length === 1 && top.entryKey !== undefined;
      stack.push({ bracket: c, object: nested, ...(nested ? { parent: top.entryKey } : {}), keys: [], entryStart: i + 1, keyRanges: [] });
    } else if (c === '}' || c === ')' || c === ']') {
      stack.pop();
      if (stack.length === 0) return undefined;
    } else if (c === ',') {
      // A shorthand property (`{ access_token, … }`) is a key written too.
      const shorthand = style === 'object' && top.object && top.entryKey === undefined ? /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(top.entryStart, i)) : null;
      if (shorthand !== null) {
        const start = top.entryStart + shorthand[0].indexOf(shorthand[1]!);
        setKey(top, shorthand[1]!, { start, end: start + shorthand[1]!.length });
      }
      top.entryStart = i + 1;
      delete top.entryKey;
    } else if ((c === ':' || c === '=') && top.object) noteKey(text, top, i, style);
    i++;
  }
  const top = stack[stack.length - 1]!;
  const written = top.keys;
  const parentKey = stack.length === 2 && stack[1]!.object ? stack[1]!.parent : undefined;
  const hover = keyUnder(text, offset, top);
  const base = { style, quoted: false, written, ...(parentKey !== undefined ? { parentKey } : {}), ...(hover ? { keyAt: hover } : {}) };
  if (!top.object) return { ...base, at: 'other', range: { start: offset, end: offset } };
  const between = text.slice(top.entryStart, offset);
  const typed = /[A-Za-z_$][\w$]*$/.exec(between);
  const before = typed === null ? between : between.slice(0, typed.index);
  if (/^\s*$/.test(before)) {
    const start = typed === null ? offset : offset - typed[0].length;
    return { ...base, at: 'key', range: { start, end: wordEnd(text, offset) } };
  }
  return { ...base, at: 'value', range: { start: offset, end: offset } };
}

/** The key written under `offset` at this level, for hovers. */
function keyUnder(text: string, offset: number, top: Level): { name: string; range: OffsetRange } | undefined {
  const found = top.keyRanges.find((k) => k.range.start <= offset && offset <= k.range.end);
  if (found !== undefined) return found;
  let start = offset;
  while (start > 0 && KEY_CHARS.test(text[start - 1]!)) start--;
  const end = wordEnd(text, offset);
  if (start === end || !/^\s*$/.test(text.slice(top.entryStart, start))) return undefined;
  if (!/^\s*(:(?!:)|=(?!=))/.test(text.slice(end, end + 4))) return undefined;
  return { name: text.slice(start, end), range: { start, end } };
}

function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && KEY_CHARS.test(text[end]!)) end++;
  return end;
}

/** Records the key that a `:` or `=` at `i` ends, when it is written at the entry's start. */
function noteKey(text: string, top: Level, i: number, style: KeyStyle): void {
  if (top.entryKey !== undefined) return;
  if (style === 'kwargs' && (text[i] !== '=' || text[i + 1] === '=')) return;
  if (style !== 'kwargs' && text[i] === '=' && text[i + 1] !== '>') return;
  if (text[i] === ':' && (text[i + 1] === ':' || text[i - 1] === ':')) return;
  const m = /^\s*:?([A-Za-z_$][\w$]*)\s*$/.exec(text.slice(top.entryStart, i));
  if (m === null) return;
  const start = top.entryStart + m[0].indexOf(m[1]!);
  setKey(top, m[1]!, { start, end: start + m[1]!.length });
}

function setKey(top: Level, name: string, range: OffsetRange): void {
  top.entryKey = name;
  top.keys.push(name);
  top.keyRanges.push({ name, range });
}

/** Records a quoted key: `'access_token':` or `"access_token" =>`. */
function noteQuotedKey(text: string, top: Level, start: number, end: number, style: KeyStyle): void {
  if (!top.object || top.entryKey !== undefined || style === 'kwargs' || !/^\s*$/.test(text.slice(top.entryStart, start))) return;
  if (!/^\s*(:(?!:)|=>)/.test(text.slice(end, end + 4))) return;
  setKey(top, text.slice(start + 1, end - 1), { start: start + 1, end: end - 1 });
}

function closedString(text: string, start: number, end: number): boolean {
  return end - start >= 2 && text[end - 1] === text[start];
}

/** `offset` falls inside the string that starts at `start`: a quoted key, or a value (maybe an array item). */
function inString(text: string, stack: Level[], start: number, offset: number, style: KeyStyle): WalkState | undefined {
  const top = stack[stack.length - 1]!;
  const range = { start: start + 1, end: stringEnd(text, start, offset) };
  const parentKey = stack.length >= 2 && stack[1]!.object ? stack[1]!.parent : undefined;
  const base = { style, quoted: true, range, ...(parentKey !== undefined ? { parentKey } : {}) };
  if (top.object && top.entryKey === undefined && style !== 'kwargs' && /^\s*$/.test(text.slice(top.entryStart, start))) {
    const name = text.slice(range.start, range.end);
    return { ...base, written: top.keys, at: 'key', keyAt: { name, range } };
  }
  // A value of the entry's key, or an item of an array written as that value.
  const owner = top.object ? top : top.bracket === '[' ? stack[stack.length - 2] : undefined;
  if (owner?.object && owner.entryKey !== undefined && stack.indexOf(owner) <= 1) {
    return { ...base, written: owner.keys, at: 'value', valueKey: owner.entryKey };
  }
  return undefined;
}

function stringEnd(text: string, start: number, offset: number): number {
  const quote = text[start];
  let j = offset;
  while (j < text.length && text[j] !== quote && text[j] !== '\n') j++;
  return j;
}

/**
 * The range of an endpoint path being typed in a string (`'/trans|'`, `` `${BASE}/item/| ``), for path completion;
 * undefined elsewhere. Reads only the current line.
 */
export function apiPathCompletionAt(text: string, offset: number): OffsetRange | undefined {
  let start = offset;
  while (start > 0 && /[a-z0-9_/]/.test(text[start - 1]!)) start--;
  // After a host (`…plaid.com/`) the walk stops inside its last label: the path starts at the first slash.
  const slash = text.indexOf('/', start);
  if (slash < 0 || slash >= offset) return undefined;
  start = slash;
  const before = text[start - 1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const head = text.slice(Math.max(lineStart, start - 96), start);
  const quoted = before === "'" || before === '"' || before === '`';
  if (!quoted && !/plaid\.com$/i.test(head) && !/[`'"](?:\$|#)?\{[^{}`\n]{1,80}\}$/.test(head)) return undefined;
  let end = offset;
  while (end < text.length && /[a-z0-9_/]/.test(text[end]!)) end++;
  return { start, end };
}
