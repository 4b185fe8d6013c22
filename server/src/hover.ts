/**
 * Hovers, all written from the glossary data: a token's anatomy and lifecycle, a glossary term's summary with a
 * link to its entry, and what became of the Development environment. Tokens are shown masked only.
 */
import { MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  activeEnvironments,
  decodeToken,
  describeUuidVariant,
  environmentEntries,
  getEntry,
  languageOf,
  termAt,
  tokenAt,
  type DecodedToken,
  type Finding,
  type GlossaryEntry,
  type OffsetRange,
  type SdkConstant,
  type SourceLanguage,
} from './engine';
import { apiIndexFor } from './apiData';
import { apiHover, tokenEndpointLines } from './apiHover';
import { ShowGlossaryEntryCommand } from './protocol';

/** How the client shows hovers. */
export interface HoverOptions {
  /** The client renders Markdown (its `hover.contentFormat` allows it); otherwise plain text is sent. */
  markdown: boolean;
  /** The client runs `command:` links (the VS Code extension says so in its initialization options). */
  commandLinks: boolean;
}

/**
 * The hover at an offset: a token first, then an API endpoint or request field, then a Development finding, then a
 * glossary term; null when none.
 */
export function hoverAt(
  document: TextDocument,
  offset: number,
  findings: readonly Finding[] | undefined,
  options: HoverOptions,
): Hover | null {
  const text = document.getText();
  const show = (range: OffsetRange, markdown: string) => hover(document, range, markdown, options);
  const token = tokenAt(text, offset);
  if (token !== undefined) {
    const decoded = decodeToken(text.slice(token.range.start, token.range.end));
    const endpoints = decoded.entryId !== undefined ? tokenEndpointLines(apiIndexFor(text), decoded.entryId) : [];
    return show(token.range, [tokenMarkdown(decoded, options.commandLinks), ...endpoints].join('\n'));
  }
  const language = languageOf(document.uri, document.languageId);
  const api = apiHover(document, text, offset, language, options.markdown);
  if (api !== undefined) {
    // A path that is also a glossary term (`/item/remove`) gets the term's summary and link under the endpoint.
    const term = termAt(text, offset);
    if (term === undefined) return api;
    const extra = termMarkdown(term.entry, options.commandLinks);
    const contents = api.contents as MarkupContent;
    return { ...api, contents: { ...contents, value: `${contents.value}\n\n---\n\n${options.markdown ? extra : plainText(extra)}` } };
  }
  const development = findings?.find(
    (f) => f.rule === 'development-environment' && f.range.start <= offset && offset <= f.range.end,
  );
  if (development !== undefined) return show(development.range, developmentMarkdown(language, options.commandLinks));
  const term = termAt(text, offset);
  if (term === undefined) return null;
  const markdown =
    term.entry.environment?.status === 'decommissioned'
      ? developmentMarkdown(language, options.commandLinks)
      : termMarkdown(term.entry, options.commandLinks);
  return show(term.range, markdown);
}

function hover(document: TextDocument, range: OffsetRange, markdown: string, options: HoverOptions): Hover {
  return {
    contents: options.markdown
      ? { kind: MarkupKind.Markdown, value: markdown }
      : { kind: MarkupKind.PlainText, value: plainText(markdown) },
    range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
  };
}

/** Our hover Markdown without its markup: emphasis and code marks dropped, links reduced to their text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1');
}

/** A token's anatomy, its problems and its lifecycle, as Markdown. */
export function tokenMarkdown(decoded: DecodedToken, commandLinks = true): string {
  const entry = decoded.entryId !== undefined ? getEntry(decoded.entryId) : undefined;
  const environment = decoded.environmentId !== undefined ? getEntry(decoded.environmentId) : undefined;
  const lines = [`**${entry?.term ?? 'Plaid token'}** \`${decoded.masked}\``, ''];
  if (entry !== undefined) lines.push(entry.summary, '');
  lines.push(
    `- **Type:** \`${decoded.type}\`${decoded.typeKnown ? (entry ? ` (${entry.term})` : '') : ' (not a type Plaid issues)'}`,
    `- **Environment:** \`${decoded.environment}\`${environment ? ` (${environment.term}${environmentStatus(environment)})` : ' (not a Plaid environment)'}`,
    `- **Tail:** ${uuidLine(decoded)}`,
  );
  if (decoded.problems.length > 0) {
    lines.push('', '**Problems**', ...decoded.problems.map((p) => `- ${p.message}`));
  }
  const facts = entry?.token;
  if (facts !== undefined) {
    lines.push('', '**Lifecycle**');
    lines.push(`- **Obtained:** ${facts.obtained}`);
    if (facts.exchanged !== undefined) lines.push(`- **Exchanged:** ${facts.exchanged}`);
    lines.push(`- **Expires:** ${facts.lifetime.text}`);
    if (facts.rotated !== undefined) lines.push(`- **Rotate:** ${facts.rotated}`);
    lines.push(`- **Revoke:** ${facts.revoked}`, `- **Store:** ${facts.storage}`);
  }
  if (entry !== undefined) lines.push('', glossaryLink(entry, commandLinks));
  return lines.join('\n');
}

function environmentStatus(entry: GlossaryEntry): string {
  const facts = entry.environment;
  return facts?.status === 'decommissioned' ? `, decommissioned on ${facts.decommissionedOn ?? 'an earlier date'}` : '';
}

function uuidLine(decoded: DecodedToken): string {
  if (decoded.tailKind === 'opaque') return `\`${decoded.tailMasked}\` (an opaque identifier, not a UUID)`;
  if (decoded.uuid === undefined) return `\`${decoded.tailMasked}\` (not a well-formed UUID)`;
  const version = decoded.uuid.version === null ? 'unknown version' : `version ${decoded.uuid.version}`;
  return `UUID \`${decoded.tailMasked}\`, ${version}, ${describeUuidVariant(decoded.uuid.variant)}`;
}

/** A glossary term's summary and a link that opens its entry. */
export function termMarkdown(entry: GlossaryEntry, commandLinks = true): string {
  return [`**${entry.term}**`, '', entry.summary, '', glossaryLink(entry, commandLinks)].join('\n');
}

/** When and why Development went and what replaces it, with the SDK spelling of the document's language. */
export function developmentMarkdown(language: SourceLanguage, commandLinks = true): string {
  const development = environmentEntries.find((e) => e.environment.status === 'decommissioned');
  if (development === undefined) return '';
  const facts = development.environment;
  const lines = [`**${development.term}**: decommissioned on ${facts.decommissionedOn ?? 'an earlier date'}`, '', development.body];
  const removed = constantFor(facts.sdkConstants, language);
  if (removed !== undefined) {
    const replacements = activeEnvironments
      .map((e) => constantFor(e.environment.sdkConstants, language))
      .filter((c): c is SdkConstant => c !== undefined)
      .map((c) => `\`${c.constant}\``);
    const since = removed.removedIn !== undefined ? ` was removed in ${removed.sdk} ${removed.removedIn}` : ` is gone from ${removed.sdk}`;
    lines.push('', `\`${removed.constant}\`${since}; use ${replacements.join(' or ')}.`);
  }
  const urls = activeEnvironments.map((e) => `${e.term}: \`${e.environment.baseUrl}\``);
  lines.push('', `Base URLs: ${urls.join(', ')}.`, '', glossaryLink(development, commandLinks));
  return lines.join('\n');
}

/** The SDK constant for a language; TypeScript uses the JavaScript SDK. */
function constantFor(constants: readonly SdkConstant[] | undefined, language: SourceLanguage): SdkConstant | undefined {
  const sdkLanguage = language === 'typescript' ? 'javascript' : language;
  return constants?.find((c) => c.language === sdkLanguage);
}

/**
 * Where to read more: a command link that opens the entry in the glossary view where the client runs command links,
 * else the CLI command that prints it.
 */
export function glossaryLink(entry: GlossaryEntry, commandLinks = true): string {
  if (!commandLinks) return `More: \`plaid-lens glossary ${entry.id}\``;
  const args = encodeURIComponent(JSON.stringify([entry.id]));
  return `[Open “${entry.term}” in the Plaid glossary](command:${ShowGlossaryEntryCommand.id}?${args})`;
}
