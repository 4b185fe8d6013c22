/**
 * Completion from the API glossary: request field names inside a known call's request (required first, fields
 * already written left out), enum values where a field has them, and endpoint paths in a string that starts with
 * `/`. Each item carries its type and a short line of documentation.
 */
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { apiIndexFor } from './apiData';
import { languageOf, type OffsetRange } from './engine';
import type { ApiField, ApiIndex } from './engine/api';
import { apiCompletionAt, apiPathCompletionAt, type ApiCompletionTarget } from './engine/apiAt';
import { fieldNotes } from './engine/apiDescribe';

/** Characters after which clients should ask for completion. */
export const COMPLETION_TRIGGERS = ["'", '"', '/', '{', '(', ','];

/** The completion list at an offset, or null when the API glossary has nothing to offer there. */
export function completionAt(document: TextDocument, offset: number): CompletionList | null {
  const text = document.getText();
  const api = apiIndexFor(text);
  if (api === undefined) return null;
  const language = languageOf(document.uri, document.languageId);
  const target = apiCompletionAt(text, offset, api, language);
  const range = (r: OffsetRange): Range => ({ start: document.positionAt(r.start), end: document.positionAt(r.end) });
  if (target !== undefined) {
    const items = target.kind === 'field' ? fieldItems(target, range(target.range)) : enumItems(target, range(target.range));
    return { isIncomplete: false, items };
  }
  const path = apiPathCompletionAt(text, offset);
  if (path !== undefined) return { isIncomplete: false, items: pathItems(api, range(path)) };
  return null;
}

function fieldItems(target: Extract<ApiCompletionTarget, { kind: 'field' }>, range: Range): CompletionItem[] {
  const written = new Set(target.written);
  const fields = target.fields.filter((f) => !written.has(f.name));
  return fields.map((f) => {
    const insert = target.quoted ? f.name : keyText(f, target.style);
    const item: CompletionItem = {
      label: f.name,
      kind: CompletionItemKind.Field,
      detail: `${f.type}${f.required ? ' (required)' : ''}`,
      documentation: fieldDocumentation(f, target.endpoint.path),
      // Required fields first, then the rest, each in the spec's order.
      sortText: `${f.required ? 0 : 1}${String(target.fields.indexOf(f)).padStart(3, '0')}`,
      filterText: f.name,
      textEdit: { range, newText: insert },
      insertTextFormat: InsertTextFormat.PlainText,
    };
    if (f.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

/** How a key is written in each style: `cursor: `, `cursor=`, `'cursor': `. */
function keyText(field: ApiField, style: Extract<ApiCompletionTarget, { kind: 'field' }>['style']): string {
  switch (style) {
    case 'kwargs':
      return `${field.name}=`;
    case 'dict':
      return `'${field.name}': `;
    default:
      return `${field.name}: `;
  }
}

function fieldDocumentation(field: ApiField, path: string): string {
  const notes = fieldNotes(field);
  return `${field.name} (${field.type}) of ${path}${notes ? `: ${notes}` : ''}`;
}

function enumItems(target: Extract<ApiCompletionTarget, { kind: 'enum' }>, range: Range): CompletionItem[] {
  const values = target.field.enum ?? [];
  return values.map((value, i) => ({
    label: String(value),
    kind: CompletionItemKind.EnumMember,
    detail: target.field.type,
    documentation: `An allowed value of ${target.field.name} for ${target.endpoint.path}`,
    sortText: String(i).padStart(4, '0'),
    textEdit: { range, newText: target.quoted ? String(value) : JSON.stringify(value) },
  }));
}

function pathItems(api: ApiIndex, range: Range): CompletionItem[] {
  return api.endpoints.map((e) => {
    const summary = api.summary(e);
    const item: CompletionItem = {
      label: e.path,
      kind: CompletionItemKind.Value,
      detail: `${e.method} · ${e.product ?? 'no product'}${e.deprecated ? ' · deprecated' : ''}`,
      documentation: summary ?? `${e.operationId}: ${e.fields.filter((f) => f.required).map((f) => f.name).join(', ') || 'no required fields'}`,
      textEdit: { range, newText: e.path },
    };
    if (e.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}
