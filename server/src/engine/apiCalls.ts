/**
 * Finds Plaid API calls in source text: endpoint paths in strings (`'/transactions/sync'`,
 * `` `${PLAID_BASE_URL}/transactions/sync` ``, `"https://sandbox.plaid.com/item/get"`), SDK methods in all five SDKs
 * (`client.transactionsSync(`, `client.transactions_sync(`, `client.PlaidApi.TransactionsSync(`), and request
 * classes (`TransactionsSyncRequest(`, `Plaid::TransactionsSyncRequest.new(`, `plaid.NewTransactionsSyncRequest(`,
 * `const r: TransactionsSyncRequest = {`). Each reference says where its request's keys are written, if anywhere.
 */
import type { ApiEndpoint, ApiIndex } from './api';
import { readRequest, REQUEST_REACH, skipBlank, type KeyStyle, type RequestObject } from './apiObjects';
import type { OffsetRange, SourceLanguage } from './types';

/** What kind of code names the endpoint. */
export type ApiReferenceKind = 'path' | 'method' | 'request';

/** One place in the text that names an endpoint. */
export interface ApiReference {
  kind: ApiReferenceKind;
  endpoint: ApiEndpoint;
  /** The path, method name or class name as written (no quotes, no `Plaid::` or `plaid.`). */
  range: OffsetRange;
  /** Where the request's keys are written (a `{` or `(`), and how; absent when the call passes a variable. */
  request?: { open: number; style: KeyStyle };
  /** For a method call, the index of its `(`. */
  callOpen?: number;
}

/** How far before a path a reference looks for its host, quote or base-URL interpolation, in characters. */
export const PATH_LOOKBACK = 96;

// `/word/word…`, as Plaid's paths are written: lowercase words and underscores, at least two segments.
const PATH = /\/[a-z][a-z0-9_]*(?:\/[a-z0-9_]+)+\/?/g;
const QUOTES = `'"\``;

/**
 * Every API reference whose first character lies in `[from, to)`, in text order. A reference reads at most
 * {@link PATH_LOOKBACK} characters before itself and `REQUEST_REACH` after its bracket.
 */
export function findApiReferences(
  text: string,
  api: ApiIndex,
  language: SourceLanguage,
  from = 0,
  to = text.length,
): ApiReference[] {
  const refs: ApiReference[] = [];
  forEachMatch(PATH, text, from, to, (m) => {
    const ref = pathReference(text, api, m.index, m[0]);
    if (ref !== undefined) refs.push(ref);
  });
  // A method call's name is a plain identifier: one of a length no SDK name has is not even cut out of the text.
  for (const call of methodCallsIn(text, from, to, api.sdkNameLengths)) {
    const ref = methodReference(text, api, language, call.name, call.start, call.open);
    if (ref !== undefined) refs.push(ref);
  }
  for (const c of requestClassesIn(text, from, to)) {
    const ref = requestReference(text, api, language, c.name, c.start, c.goConstructor);
    if (ref !== undefined) refs.push(ref);
  }
  return refs.sort((a, b) => a.range.start - b.range.start);
}

/** A method call in the text: `.transactionsSync(`. */
export interface MethodCall {
  /** Where the method's name starts. */
  start: number;
  name: string;
  /** The index of the call's `(`. */
  open: number;
}

const DOT = 46;
/** A range of name lengths, from `shortest` to `longest` characters. */
export interface NameLengths {
  readonly shortest: number;
  readonly longest: number;
}

/** Names of any length. */
const ANY_LENGTH: NameLengths = { shortest: 1, longest: Infinity };

/**
 * The method calls `.name(` whose `.` lies at or after `from - 1` and before `to` and whose name starts at or after
 * `from`, as `\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(` finds them: read back from each `(`, which costs far less than
 * trying every `.` of the text. A window looks at most {@link MATCH_SPAN} characters past `to`. With `lengths`, only
 * the calls whose name is that long, e.g. `{ shortest: 7, longest: 60 }`.
 */
export function methodCallsIn(text: string, from = 0, to = text.length, lengths: NameLengths = ANY_LENGTH): MethodCall[] {
  const found: MethodCall[] = [];
  const limit = from === 0 && to >= text.length ? text.length : Math.min(text.length, to + MATCH_SPAN);
  for (let open = text.indexOf('(', from); open >= 0 && open < limit; open = text.indexOf('(', open + 1)) {
    let end = open;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    if (start === end || isDigit(text.charCodeAt(start)) || start < from) continue;
    if (end - start < lengths.shortest || end - start > lengths.longest) continue;
    let dot = start;
    while (dot > 0 && isSpace(text.charCodeAt(dot - 1))) dot--;
    dot--;
    if (dot < 0 || text.charCodeAt(dot) !== DOT || dot < from - 1 || dot >= to) continue;
    found.push({ start, name: text.slice(start, end), open });
  }
  return found;
}

/** `\s`: the blanks and line breaks the expression skips. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A request class named in the text: `TransactionsSyncRequest`, or Go's constructor `NewTransactionsSyncRequest`. */
export interface RequestClassName {
  /** Where the class name starts (after `New`). */
  start: number;
  name: string;
  /** True for Go's `New…` constructor. */
  goConstructor: boolean;
}

const REQUEST_SUFFIX = 'Request';
const GO_CONSTRUCTOR = 'New';

/**
 * The request classes whose word starts in `[from, to)`, as `\b(New)?([A-Z][A-Za-z0-9]*Request)\b` finds them in the
 * whole text: whole words of ASCII letters and digits that start with a capital and end in `Request`. Found from
 * each `Request`, a word far rarer than the capitals the expression would try.
 */
export function requestClassesIn(text: string, from = 0, to = text.length): RequestClassName[] {
  const found: RequestClassName[] = [];
  const limit = Math.min(text.length, to + MATCH_SPAN);
  for (let at = text.indexOf(REQUEST_SUFFIX, from); at >= 0 && at < limit; at = text.indexOf(REQUEST_SUFFIX, at + 1)) {
    const end = at + REQUEST_SUFFIX.length;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    let start = at;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    if (start < from || start >= to || !isUpper(text.charCodeAt(start))) continue;
    let alphanumeric = true;
    for (let i = start; i < at && alphanumeric; i++) alphanumeric = text.charCodeAt(i) !== UNDERSCORE;
    if (!alphanumeric) continue;
    // `[A-Z]`, any letters and digits, then `Request`: eight characters at least, after `New` for a constructor.
    const afterNew = start + GO_CONSTRUCTOR.length;
    if (text.startsWith(GO_CONSTRUCTOR, start) && isUpper(text.charCodeAt(afterNew)) && end - afterNew > REQUEST_SUFFIX.length) {
      found.push({ start: afterNew, name: text.slice(afterNew, end), goConstructor: true });
    } else if (end - start > REQUEST_SUFFIX.length) {
      found.push({ start, name: text.slice(start, end), goConstructor: false });
    }
  }
  return found;
}

const UNDERSCORE = 95;

/** `\w` without the `u` flag: ASCII letters, digits and `_`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Longer than any path, method call head or class name the patterns match. */
const MATCH_SPAN = 256;

/**
 * Calls `fn` with each match starting in `[from, to)`, offsets as in `text`. The search runs on a slice: run on the
 * whole text, a search for the next match would read on to the end of a large document after the last one.
 */
function forEachMatch(re: RegExp, text: string, from: number, to: number, fn: (m: RegExpExecArray) => void): void {
  const whole = from === 0 && to >= text.length;
  const haystack = whole ? text : text.slice(from, Math.min(text.length, to + MATCH_SPAN));
  const shift = whole ? 0 : from;
  re.lastIndex = 0;
  for (let m = re.exec(haystack); m !== null && m.index + shift < to; m = re.exec(haystack)) {
    m.index += shift;
    fn(m);
  }
}

/**
 * A base URL interpolated at the very start of a string: `` `${PLAID_BASE_URL}`` ``, `f"{base}`, `"#{host}`. An
 * interpolation further in (`` `/items/${id}/transactions/refresh` ``) is the app's own route, not Plaid's.
 */
const BASE_INTERPOLATION = /[`'"](?:\$|#)?\{[^{}`\n]{1,80}\}$/;

/**
 * A path counts when a quote, a Plaid host or a base URL interpolated at the string's start comes right before it,
 * and a quote or `?` after.
 */
function pathReference(text: string, api: ApiIndex, start: number, written: string): ApiReference | undefined {
  const end = start + written.length;
  const after = text[end];
  if (after === undefined || !(QUOTES.includes(after) || after === '?')) return undefined;
  const before = text[start - 1];
  const lookback = text.slice(Math.max(0, start - PATH_LOOKBACK), start);
  const quoted = before !== undefined && QUOTES.includes(before);
  if (!quoted && !/plaid\.com$/i.test(lookback) && !(before === '}' && BASE_INTERPOLATION.test(lookback))) return undefined;
  const endpoint = api.byPath(written);
  if (endpoint === undefined) return undefined;
  const ref: ApiReference = { kind: 'path', endpoint, range: { start, end: written.endsWith('/') ? end - 1 : end } };
  const body = rawBody(text, end + 1);
  if (body !== undefined) ref.request = body;
  return ref;
}

/** How far after a path a raw HTTP call's body may start, in characters. */
const BODY_REACH = 400;

/** How far after its first character anything a reference reads may lie: its body's start, then the body itself. */
export const REFERENCE_REACH = BODY_REACH + REQUEST_REACH + 256;
/** `json={` (Python requests, httpx) or `body: JSON.stringify({` (fetch, axios-style options), as the call's body. */
const RAW_BODY = /(?:\bjson\s*=\s*|\bbody\s*:\s*JSON\.stringify\(\s*)\{/;

/**
 * The literal body of a raw HTTP call whose URL string ends at `from`: `requests.post(url, json={…})`,
 * `fetch(url, { method: 'POST', body: JSON.stringify({…}) })`. Only within the same call: nothing between the URL and
 * the body may open or close a parenthesis or end a statement.
 */
function rawBody(text: string, from: number): { open: number; style: KeyStyle } | undefined {
  const window = text.slice(from, from + BODY_REACH);
  const m = RAW_BODY.exec(window);
  if (m === null || /[();]/.test(window.slice(0, m.index))) return undefined;
  return { open: from + m.index + m[0].length - 1, style: m[0].startsWith('json') ? 'dict' : 'object' };
}

/** `client.transactionsSync(`: the spelling must be the one this language's SDK uses. */
function methodReference(
  text: string,
  api: ApiIndex,
  language: SourceLanguage,
  name: string,
  start: number,
  open: number,
): ApiReference | undefined {
  const endpoint = api.bySdkName(name);
  if (endpoint === undefined || !spelledFor(language, name, endpoint, text, start)) return undefined;
  const ref: ApiReference = { kind: 'method', endpoint, range: { start, end: start + name.length }, callOpen: open };
  const first = skipBlank(text, open + 1, text.length, language);
  const style = literalStyle(language, text, first);
  if (style !== undefined) ref.request = { open: style === 'kwargs-paren' ? open : first, style: style === 'kwargs-paren' ? 'ruby' : style };
  return ref;
}

/** True when `name` is how the SDK of `language` spells the endpoint's method. */
function spelledFor(language: SourceLanguage, name: string, e: ApiEndpoint, text: string, start: number): boolean {
  const camel = e.operationId;
  switch (language) {
    case 'javascript':
    case 'typescript':
    case 'java':
      return name === camel;
    case 'python':
    case 'ruby':
      return name === snake(camel) && name.includes('_');
    case 'go':
      // Only through the client's PlaidApi service: Go's exported names are too common to trust alone.
      return /PlaidApi\s*\.\s*$/.test(text.slice(Math.max(0, start - 24), start)) && name === camel.charAt(0).toUpperCase() + camel.slice(1);
    default:
      return name === camel || (name === snake(camel) && name.includes('_'));
  }
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** How a literal request starts at `i`, the first thing inside a call's parentheses. */
function literalStyle(language: SourceLanguage, text: string, i: number): KeyStyle | 'kwargs-paren' | undefined {
  if (text[i] === '{') {
    if (language === 'python') return 'dict';
    if (language === 'ruby') return 'ruby';
    if (language === 'javascript' || language === 'typescript') return 'object';
    return undefined;
  }
  // Ruby keyword arguments straight in the call: `client.transactions_sync(access_token: t)`.
  if (language === 'ruby' && /^[a-z_]\w*:(?!:)/.test(text.slice(i, i + 64))) return 'kwargs-paren';
  return undefined;
}

/** `TransactionsSyncRequest(` and its spellings in each SDK; the request's keys where the language writes them. */
function requestReference(
  text: string,
  api: ApiIndex,
  language: SourceLanguage,
  name: string,
  start: number,
  goConstructor: boolean,
): ApiReference | undefined {
  const endpoint = api.bySdkName(name);
  if (endpoint === undefined || endpoint.requestType !== name) return undefined;
  const ref: ApiReference = { kind: 'request', endpoint, range: { start, end: start + name.length } };
  if (goConstructor) return language === 'go' || language === 'other' ? ref : undefined;
  const next = skipBlank(text, start + name.length, text.length, language);
  if (language === 'python' && text[next] === '(') ref.request = { open: next, style: 'kwargs' };
  if (language === 'ruby' && text.startsWith('.new', next)) {
    const open = skipBlank(text, next + 4, text.length, language);
    if (text[open] === '(') {
      const inner = skipBlank(text, open + 1, text.length, language);
      ref.request = text[inner] === '{' ? { open: inner, style: 'ruby' } : { open, style: 'ruby' };
    }
  }
  if (language === 'typescript' && /:\s*$/.test(text.slice(Math.max(0, start - 8), start)) && text[next] === '=') {
    const open = skipBlank(text, next + 1, text.length, language);
    if (text[open] === '{') ref.request = { open, style: 'object' };
  }
  return ref;
}

/** The keys written in a reference's request, when it has a literal one. */
export function requestOf(text: string, ref: ApiReference, language: SourceLanguage): RequestObject | undefined {
  return ref.request === undefined ? undefined : readRequest(text, ref.request.open, ref.request.style, language);
}
