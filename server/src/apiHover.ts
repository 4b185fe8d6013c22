/**
 * Hovers from the API glossary: an endpoint named by path, SDK method or request class, a field written in a known
 * call's request, and the endpoints around a token type. Markdown for clients that render it, plain text otherwise.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { apiIndexFor } from './apiData';
import type { SourceLanguage } from './engine';
import type { ApiEndpoint, ApiIndex } from './engine/api';
import { apiHoverAt } from './engine/apiAt';
import { endpointMarkdown, endpointPlainText } from './engine/apiDescribe';

/** The API hover at an offset, or undefined when no endpoint or request field is there. */
export function apiHover(document: TextDocument, text: string, offset: number, language: SourceLanguage, markdown: boolean): Hover | undefined {
  const api = apiIndexFor(text);
  if (api === undefined) return undefined;
  const target = apiHoverAt(text, offset, api, language);
  if (target === undefined) return undefined;
  const options = target.kind === 'field' ? { field: target.name, noSdk: true } : {};
  const value = markdown ? endpointMarkdown(api, target.endpoint, options) : endpointPlainText(api, target.endpoint, options);
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
    range: { start: document.positionAt(target.range.start), end: document.positionAt(target.range.end) },
  };
}

/** How many endpoints a token hover names per role before it only counts them. */
const NAMED = 3;

/** The endpoints that create, rotate, revoke and use a token type, as Markdown lines; empty without API data. */
export function tokenEndpointLines(api: ApiIndex | undefined, tokenId: string): string[] {
  if (api === undefined) return [];
  const found = api.tokenEndpoints(tokenId);
  const list = (label: string, endpoints: ApiEndpoint[]): string[] => {
    if (endpoints.length === 0) return [];
    // The endpoints we summarise are the most used: name those first.
    const paths = [...endpoints].sort((a, b) => Number(api.summary(b) !== undefined) - Number(api.summary(a) !== undefined));
    const named = paths.slice(0, NAMED).map((e) => `\`${e.path}\``).join(', ');
    const more = paths.length > NAMED ? ` and ${paths.length - NAMED} more` : '';
    return [`- **${label}:** ${named}${more}`];
  };
  const lines = [
    ...list('Created by', found.creates),
    ...list('Rotated by', found.rotates),
    ...list('Revoked by', found.revokes),
    ...list('Used by', found.uses),
  ];
  return lines.length === 0 ? [] : ['', '**Endpoints**', ...lines];
}
