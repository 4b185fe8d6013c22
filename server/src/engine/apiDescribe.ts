/**
 * Lays out an endpoint's facts for people: the hover (Markdown or plain text) and `plaid-lens glossary`. Every fact
 * comes from the API glossary data; this file only arranges it.
 */
import type { ApiEndpoint, ApiField, ApiIndex } from './api';
import { getEntry, termInSentence } from './glossary';

/** How many enum values a row shows before it says how many more there are. */
const ENUM_SHOWN = 6;

/** Request fields with the required ones first, each group in the spec's order. */
export function fieldsRequiredFirst(fields: readonly ApiField[]): ApiField[] {
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** What a field's row says besides its name and type: required, allowed values, default, bounds, deprecation. */
export function fieldNotes(field: ApiField): string {
  const notes: string[] = [];
  if (field.required) notes.push('required');
  if (field.deprecated) notes.push(field.replacedBy ? `deprecated, use ${field.replacedBy}` : 'deprecated');
  if (field.enum !== undefined) {
    const shown = field.enum.slice(0, ENUM_SHOWN).map((v) => JSON.stringify(v)).join(', ');
    const more = field.enum.length > ENUM_SHOWN ? `, … (${field.enum.length} in all)` : '';
    notes.push(`one of ${shown}${more}`);
  }
  if (field.default !== undefined) notes.push(`default ${JSON.stringify(field.default)}`);
  if (field.minimum !== undefined && field.maximum !== undefined) notes.push(`${field.minimum}–${field.maximum}`);
  else if (field.minimum !== undefined) notes.push(`≥ ${field.minimum}`);
  else if (field.maximum !== undefined) notes.push(`≤ ${field.maximum}`);
  if (field.fields !== undefined) notes.push(`fields ${field.fields.map((f) => f.name).join(', ')}`);
  return notes.join('; ');
}

/** `access token` for `access-token`, the id itself when the glossary has no such entry. */
function tokenName(id: string): string {
  const entry = getEntry(id);
  return entry === undefined ? id : termInSentence(entry);
}

/** `takes an access token; returns a public token`, or undefined when it does neither. */
export function tokenLine(e: ApiEndpoint): string | undefined {
  const parts: string[] = [];
  if (e.takes.length > 0) parts.push(`takes ${e.takes.map(tokenName).join(', ')}`);
  if (e.returns.length > 0) parts.push(`returns ${e.returns.map(tokenName).join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** `Deprecated: use /x instead.`, `Deprecated.`, or undefined. */
export function deprecationLine(e: ApiEndpoint): string | undefined {
  if (!e.deprecated) return undefined;
  return e.replacedBy !== undefined ? `Deprecated: use ${e.replacedBy} instead.` : 'Deprecated.';
}

/** Options for {@link endpointMarkdown}. */
export interface DescribeOptions {
  /** Highlight one request field, e.g. the one under the cursor: `cursor`. */
  field?: string;
  /** Leave out the SDK spellings, e.g. in a short hover. */
  noSdk?: boolean;
}

/** The endpoint as Markdown: title, status, fields table (required first), response, tokens, SDKs, docs link. */
export function endpointMarkdown(api: ApiIndex, e: ApiEndpoint, options: DescribeOptions = {}): string {
  const lines: string[] = [];
  const product = e.product !== undefined ? ` · ${e.product}` : '';
  lines.push(`**${e.method} ${e.path}**${product}${e.deprecated ? ' · ⚠️ deprecated' : ''}`);
  const summary = api.summary(e);
  if (summary !== undefined) lines.push('', summary);
  const deprecation = deprecationLine(e);
  if (deprecation !== undefined) lines.push('', deprecation.replace(/(\/[\w/]+)/, '`$1`'));
  const focus = options.field !== undefined ? fieldByPath(e, options.field) : undefined;
  if (focus !== undefined) lines.push('', `\`${options.field}\` · ${focus.type}${fieldNotes(focus) ? ` · ${fieldNotes(focus)}` : ''}`);
  if (e.fields.length > 0) {
    lines.push('', '| field | type | notes |', '|---|---|---|');
    for (const f of fieldsRequiredFirst(e.fields)) lines.push(`| \`${f.name}\` | ${escapeCell(f.type)} | ${escapeCell(fieldNotes(f))} |`);
  }
  if (e.responseFields.length > 0) lines.push('', `Response: ${e.responseFields.map((f) => `\`${f.name}\``).join(', ')}`);
  const tokens = tokenLine(e);
  if (tokens !== undefined) lines.push('', `Tokens: ${tokens}`);
  if (!options.noSdk) {
    const spellings = api.sdkSpellings(e);
    if (spellings.length > 0) lines.push('', `SDKs: ${spellings.map((s) => `${s.sdk} \`${s.method}\``).join(' · ')}`);
  }
  if (e.docsUrl !== undefined) lines.push('', `[Plaid docs](${e.docsUrl})`);
  return lines.join('\n');
}

/** The endpoint as plain text, for clients that do not render Markdown and for the CLI. */
export function endpointPlainText(api: ApiIndex, e: ApiEndpoint, options: DescribeOptions = {}): string {
  const lines: string[] = [];
  lines.push(`${e.method} ${e.path} (${e.operationId}${e.product !== undefined ? `, ${e.product}` : ''})`);
  const summary = api.summary(e);
  if (summary !== undefined) lines.push(summary);
  const deprecation = deprecationLine(e);
  if (deprecation !== undefined) lines.push(deprecation);
  const focus = options.field !== undefined ? fieldByPath(e, options.field) : undefined;
  if (focus !== undefined) lines.push(`${options.field}: ${focus.type}${fieldNotes(focus) ? `; ${fieldNotes(focus)}` : ''}`);
  if (e.fields.length > 0) {
    lines.push('', 'Request fields');
    lines.push(...aligned(fieldsRequiredFirst(e.fields).map((f) => [f.name, f.type, fieldNotes(f)])));
  }
  if (e.responseFields.length > 0) {
    lines.push('', 'Response fields');
    lines.push(...aligned(e.responseFields.map((f) => [f.name, f.type, ''])));
  }
  const tokens = tokenLine(e);
  if (tokens !== undefined) lines.push('', `Tokens: ${tokens}`);
  if (!options.noSdk) {
    const spellings = api.sdkSpellings(e);
    if (spellings.length > 0) {
      lines.push('', 'SDKs');
      lines.push(...aligned(spellings.map((s) => [s.sdk, s.call, s.requestConstructor ?? s.requestClass ?? ''])));
    }
  }
  if (e.docsUrl !== undefined) lines.push('', `Docs: ${e.docsUrl}`);
  return lines.join('\n');
}

/** A request field by name, or `parent.child` for one nested level. */
export function fieldByPath(e: ApiEndpoint, name: string): ApiField | undefined {
  const [top, nested] = name.split('.');
  const field = e.fields.find((f) => f.name === top);
  return nested === undefined ? field : field?.fields?.find((f) => f.name === nested);
}

function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
