/**
 * `plaid-lens glossary`: every entry by category, or the entry that best matches a term; an API endpoint for a path,
 * an operationId or an SDK name (`/transactions/sync`, `transactionsSync`, `TransactionsSyncRequest`).
 */
import { apiIndex } from '../apiData';
import type { ApiEndpoint, ApiIndex } from '../engine/api';
import { endpointPlainText } from '../engine/apiDescribe';
import { CATEGORY_TITLES, entries, findEntry, type GlossaryCategory, type GlossaryEntry } from '../engine';
import { maskText } from '../engine/mask';
import { EXIT, type GlossaryArgs } from './args';
import { entryFactRows, table } from './describe';
import type { Output } from './output';

/** Prints the glossary or one entry; returns 1 when nothing matches the term. */
export function runGlossary(args: GlossaryArgs, output: Output): number {
  if (args.term === undefined) {
    output.print(args.json ? JSON.stringify(entries, null, 2) : glossaryListText(entries));
    return EXIT.ok;
  }
  const api = loadApi(output);
  const endpoint = api?.find(args.term);
  if (api !== undefined && endpoint !== undefined) {
    output.print(args.json ? JSON.stringify(endpointJson(api, endpoint), null, 2) : endpointPlainText(api, endpoint));
    return EXIT.ok;
  }
  const entry = findEntry(args.term);
  if (entry === undefined) {
    // The term is echoed masked: someone may have pasted a credential by mistake.
    output.note(`error: no glossary entry matches "${maskText(args.term)}"; run \`plaid-lens glossary\` to list them all`);
    return EXIT.problems;
  }
  output.print(args.json ? JSON.stringify(entry, null, 2) : [entryText(entry), ...tokenEndpointText(api, entry)].join('\n'));
  return EXIT.ok;
}

/** Every entry under its category's title: `  id  Term: summary`. */
export function glossaryListText(all: readonly GlossaryEntry[]): string {
  const categories = Object.keys(CATEGORY_TITLES) as GlossaryCategory[];
  const sections = categories
    .map((category) => ({ category, members: all.filter((e) => e.category === category) }))
    .filter((section) => section.members.length > 0)
    .map(({ category, members }) =>
      [CATEGORY_TITLES[category], ...table(members.map((e) => [e.id, `${e.term}: ${e.summary}`] as const))].join('\n'),
    );
  return sections.join('\n\n');
}

/** One entry in full: title, summary, Markdown body, facts, names in code, related entries. */
export function entryText(entry: GlossaryEntry): string {
  const lines = [`${entry.term} (${entry.id}, ${CATEGORY_TITLES[entry.category]})`, '', entry.summary, '', entry.body.trim()];
  const facts = table(entryFactRows(entry));
  if (facts.length > 0) lines.push('', 'Facts', ...facts);
  lines.push('', ...table([
    ['In code', entry.codeNames.join(', ')],
    ['Related', entry.related.join(', ')],
  ], ''));
  return lines.join('\n');
}

/** The API index, or undefined with a note when its data cannot be read (the glossary still works). */
function loadApi(output: Output): ApiIndex | undefined {
  try {
    return apiIndex();
  } catch (err) {
    output.note(`warning: the API glossary is unavailable: ${maskText((err as Error).message)}`);
    return undefined;
  }
}

/** An endpoint's facts as JSON: the data, our summary, and how each SDK spells it. */
export function endpointJson(api: ApiIndex, e: ApiEndpoint): object {
  const summary = api.summary(e);
  return { ...e, ...(summary !== undefined ? { summary } : {}), sdk: api.sdkSpellings(e) };
}

/** For a token type, the endpoints that create, rotate, revoke and use it, from the API data. */
function tokenEndpointText(api: ApiIndex | undefined, entry: GlossaryEntry): string[] {
  if (api === undefined || entry.token === undefined) return [];
  const found = api.tokenEndpoints(entry.id);
  const paths = (list: ApiEndpoint[]): string | undefined => (list.length === 0 ? undefined : list.map((e) => e.path).join(', '));
  return ['', 'Endpoints', ...table([
    ['Created by', paths(found.creates)],
    ['Rotated by', paths(found.rotates)],
    ['Revoked by', paths(found.revokes)],
    ['Used by', found.uses.length === 0 ? undefined : `${found.uses.length} endpoints, e.g. ${found.uses.slice(0, 5).map((e) => e.path).join(', ')}`],
  ])];
}
