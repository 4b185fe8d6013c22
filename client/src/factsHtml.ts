/**
 * HTML for the structured facts of a glossary entry (token lifecycle, environment, credential), shared by the
 * glossary page, the lifecycle view and the decoder so each fact is worded the same way everywhere.
 */
import { getEntry, type GlossaryEntry } from '../../server/src/engine';
import type { ApiEndpoint, TokenEndpoints } from '../../server/src/engine/api';
import { prefixPattern } from './lifecycleSvg';
import { renderInline } from './markdown';
import { escapeHtml } from './webview';

/** A definition list of the lifecycle facts of a token type: lifetime, how it is obtained, exchanged, rotated, revoked. */
export function tokenFactsHtml(entry: GlossaryEntry): string {
  const token = entry.token;
  if (!token) return '';
  const rows: [string, string | undefined][] = [
    ['Shape', `<code>${escapeHtml(prefixPattern(token))}</code>`],
    ['Expires', renderInline(token.lifetime.text)],
    ['Obtained', md(token.obtained)],
    ['Exchanged', md(token.exchanged)],
    ['Rotated', md(token.rotated)],
    ['Revoked', md(token.revoked)],
    ['Storage', md(token.storage)],
    ['Leads to', flowHtml(entry)],
    ['Environment variable', `<code>${escapeHtml(token.envVar)}</code>`],
  ];
  return definitionList(rows);
}

/** A definition list of an environment's base URL, status and SDK constants. */
export function environmentFactsHtml(entry: GlossaryEntry): string {
  const env = entry.environment;
  if (!env) return '';
  const status =
    env.status === 'decommissioned'
      ? `decommissioned${env.decommissionedOn ? ` on ${escapeHtml(env.decommissionedOn)}` : ''}`
      : env.status === 'mode'
        ? 'a mode of another environment'
        : 'active';
  const constants = (env.sdkConstants ?? [])
    .map((c) => `<li><code>${escapeHtml(c.constant)}</code> <span class="muted">(${escapeHtml(c.sdk)}${c.removedIn ? `, removed in ${escapeHtml(c.removedIn)}` : ''})</span></li>`)
    .join('');
  return definitionList([
    ['Token segment', `<code>${escapeHtml(env.segment)}</code>`],
    ['Base URL', `<code>${escapeHtml(env.baseUrl)}</code>`],
    ['Status', status],
    ['In the SDKs', constants ? `<ul>${constants}</ul>` : undefined],
  ]);
}

/** A definition list of a key's shape and where it belongs. */
export function credentialFactsHtml(entry: GlossaryEntry): string {
  const credential = entry.credential;
  if (!credential) return '';
  return definitionList([
    ['Shape', `${credential.hexLength} hexadecimal characters`],
    ['Environment variable', `<code>${escapeHtml(credential.envVar)}</code>`],
  ]);
}

/** Links to other entries, as `data-entry` anchors the page script turns into messages. */
export function entryLink(id: string): string {
  const target = getEntry(id);
  const label = target?.term ?? id;
  return `<a class="link" data-entry="${escapeHtml(id)}" tabindex="0" role="link">${escapeHtml(label)}</a>`;
}

/** A link that opens an endpoint's API page, as a `data-endpoint` anchor the page script turns into a message. */
export function endpointLink(endpoint: Pick<ApiEndpoint, 'path' | 'deprecated'>): string {
  const mark = endpoint.deprecated ? ' <span class="muted">(deprecated)</span>' : '';
  return `<a class="link" data-endpoint="${escapeHtml(endpoint.path)}" tabindex="0" role="link"><code>${escapeHtml(endpoint.path)}</code></a>${mark}`;
}

/** How many endpoint links a row shows before folding the rest away: `uses` of an access token runs to dozens. */
const ENDPOINTS_SHOWN = 6;

/**
 * A definition list of the endpoints around a token type, from the API data: which create, rotate and revoke it, and
 * which use it (folded when long). Rows without an endpoint are left out.
 */
export function tokenEndpointsHtml(endpoints: TokenEndpoints): string {
  const row = (list: ApiEndpoint[]): string | undefined => {
    if (list.length === 0) return undefined;
    const links = list.map(endpointLink);
    if (links.length <= ENDPOINTS_SHOWN) return links.join('<br>');
    const rest = links.slice(ENDPOINTS_SHOWN);
    return `${links.slice(0, ENDPOINTS_SHOWN).join('<br>')}<details class="more"><summary>${rest.length} more</summary>${rest.join('<br>')}</details>`;
  };
  return definitionList([
    ['Created by', row(endpoints.creates)],
    ['Rotated by', row(endpoints.rotates)],
    ['Revoked by', row(endpoints.revokes)],
    [`Used by (${endpoints.uses.length})`, row(endpoints.uses)],
  ]);
}

function flowHtml(entry: GlossaryEntry): string | undefined {
  const flow = entry.token?.flow ?? [];
  if (flow.length === 0) return undefined;
  return flow.map((f) => `${entryLink(f.to)} <span class="muted">via</span> <code>${escapeHtml(f.via)}</code>`).join('<br>');
}

function md(text: string | undefined): string | undefined {
  return text === undefined ? undefined : renderInline(text);
}

/** A `<dl>` of term and HTML value pairs; a row whose value is undefined is left out. Terms are escaped here. */
export function definitionList(rows: [string, string | undefined][]): string {
  const items = rows
    .filter((row): row is [string, string] => row[1] !== undefined)
    .map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`)
    .join('\n');
  return `<dl>${items}</dl>`;
}
