/**
 * The API endpoint page: one webview panel, reused, showing an endpoint's method and path, product, deprecation and
 * successor, request fields, response fields, the tokens it takes and returns, each SDK's spelling and the docs link.
 * The docs open in the browser only when the user clicks the link; the page itself loads nothing.
 */
import * as vscode from 'vscode';
import type { ApiEndpoint, ApiField, ApiIndex } from '../../server/src/engine/api';
import type { SdkName } from '../../server/src/engine/apiNames';
import type { ApiCatalog } from './apiCatalog';
import { productTitle } from './apiTree';
import { definitionList, endpointLink, entryLink } from './factsHtml';
import { asPageMessage, escapeHtml, LINK_SCRIPT, renderPage, WEBVIEW_OPTIONS } from './webview';

/** The webview type of the endpoint page, also used to find it in tests. */
export const API_PANEL_TYPE = 'plaidLens.apiEndpoint';
/** The only addresses the docs link may open: Plaid's documentation site. */
const DOCS_PREFIX = 'https://plaid.com/docs/';

/** Shows API endpoints in a single reusable panel. */
export class ApiEndpointPage implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: ApiEndpoint | undefined;

  /** `openEntry` handles a click on a token's glossary link. */
  constructor(
    private readonly catalog: ApiCatalog,
    private readonly openEntry: (id: string) => void,
  ) {}

  /** The path of the endpoint on screen, if the panel is open. */
  get shownEndpoint(): string | undefined {
    return this.panel ? this.current?.path : undefined;
  }

  /** Opens (or reuses) the panel on the endpoint a path, operationId or SDK name stands for; false when none does. */
  show(query: string): boolean {
    const index = this.catalog.get();
    const endpoint = index?.find(query);
    if (index === undefined || endpoint === undefined) return false;
    const panel = this.panel ?? this.createPanel();
    this.current = endpoint;
    panel.title = `Plaid API: ${endpoint.path}`;
    panel.webview.html = endpointPage(panel.webview, index, endpoint);
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Active);
    return true;
  }

  /** Closes the panel. */
  dispose(): void {
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(API_PANEL_TYPE, 'Plaid API', vscode.ViewColumn.Active, {
      ...WEBVIEW_OPTIONS,
      enableFindWidget: true,
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = asPageMessage(raw);
      if (message?.type === 'openEndpoint') this.show(message.id);
      if (message?.type === 'openEntry') this.openEntry(message.id);
      if (message?.type === 'openDocs') void this.openDocs();
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.current = undefined;
    });
    this.panel = panel;
    return panel;
  }

  /** Opens the shown endpoint's docs in the browser: the address comes from the data, never from the page. */
  private async openDocs(): Promise<void> {
    const url = this.current?.docsUrl;
    if (url === undefined || !url.startsWith(DOCS_PREFIX)) return;
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }
}

/** The page of one endpoint. */
export function endpointPage(webview: vscode.Webview, index: ApiIndex, endpoint: ApiEndpoint): string {
  const summary = index.summary(endpoint);
  const product = endpoint.product ?? '';
  const productSummary = endpoint.product ? index.productSummary(endpoint.product) : undefined;
  const deprecatedBadge = endpoint.deprecated ? ' <span class="badge error">deprecated</span>' : '';
  const sections: string[] = [
    `<p class="muted category">${escapeHtml(productTitle(product))} · API endpoint</p>`,
    `<h1><span class="method">${escapeHtml(endpoint.method)}</span> <code class="path">${escapeHtml(endpoint.path)}</code>${deprecatedBadge}</h1>`,
  ];
  if (summary) sections.push(`<p class="summary">${escapeHtml(summary)}</p>`);
  if (endpoint.deprecated) sections.push(`<p class="deprecated">${deprecationHtml(index, endpoint)}</p>`);
  sections.push(
    definitionList([
      ['Product', `${escapeHtml(productTitle(product))}${productSummary ? ` <span class="muted">— ${escapeHtml(productSummary)}</span>` : ''}`],
      ['Status', endpoint.deprecated ? 'deprecated' : 'current'],
      ['Operation', `<code>${escapeHtml(endpoint.operationId)}</code>`],
      ['Request type', endpoint.requestType ? `<code>${escapeHtml(endpoint.requestType)}</code>` : undefined],
      ['Response type', endpoint.responseType ? `<code>${escapeHtml(endpoint.responseType)}</code>` : undefined],
    ]),
    `<h2>Request fields</h2>${requestFieldsHtml(endpoint.fields)}`,
    `<h2>Response fields</h2>${responseFieldsHtml(endpoint)}`,
    `<h2>Tokens</h2>${tokensHtml(endpoint)}`,
    `<h2>In the SDKs</h2>${sdkHtml(index, endpoint)}`,
    `<h2>Documentation</h2>${docsHtml(endpoint)}`,
  );
  return renderPage(webview, {
    title: `${endpoint.method} ${endpoint.path}`,
    body: `<main data-endpoint-path="${escapeHtml(endpoint.path)}">${sections.join('\n')}</main>`,
    style: PAGE_STYLE,
    script: LINK_SCRIPT,
  });
}

function deprecationHtml(index: ApiIndex, endpoint: ApiEndpoint): string {
  const successor = endpoint.replacedBy ? index.byPath(endpoint.replacedBy) : undefined;
  if (successor) return `Deprecated: use ${endpointLink(successor)} instead.`;
  if (endpoint.replacedBy) return `Deprecated: use <code>${escapeHtml(endpoint.replacedBy)}</code> instead.`;
  return 'Deprecated. The spec names no successor; see the documentation.';
}

/** Required fields first, each group in the spec's order. */
function requiredFirst(fields: ApiField[]): ApiField[] {
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}

/** The request fields as a table, required first, with each object field's own fields (one level) beneath it. */
export function requestFieldsHtml(fields: ApiField[]): string {
  if (fields.length === 0) return '<p class="muted">This request has no fields.</p>';
  const rows = requiredFirst(fields).flatMap((field) => [
    fieldRow(field, undefined),
    ...requiredFirst(field.fields ?? []).map((nested) => fieldRow(nested, field.name)),
  ]);
  return `<table class="fields request"><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Values</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function fieldRow(field: ApiField, parent: string | undefined): string {
  const name = parent
    ? `<span class="muted">${escapeHtml(parent)}.</span>${escapeHtml(field.name)}`
    : escapeHtml(field.name);
  const classes = [parent ? 'nested' : '', field.deprecated ? 'deprecated' : ''].filter(Boolean).join(' ');
  return `<tr${classes ? ` class="${classes}"` : ''} data-field="${escapeHtml(parent ? `${parent}.${field.name}` : field.name)}">
<td><code>${name}</code></td><td><code>${escapeHtml(field.type)}</code></td><td>${field.required ? 'required' : ''}</td>
<td>${fieldValuesHtml(field)}</td></tr>`;
}

/** Enum values, default, bounds and deprecation of one field. */
function fieldValuesHtml(field: ApiField): string {
  const parts: string[] = [];
  if (field.deprecated) {
    const instead = field.replacedBy ? `: use <code>${escapeHtml(field.replacedBy)}</code>` : '';
    parts.push(`<span class="badge error">deprecated</span>${instead}`);
  }
  if (field.enum && field.enum.length > 0) {
    parts.push(`one of ${field.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' ')}`);
  }
  if (field.default !== undefined) parts.push(`default <code>${escapeHtml(JSON.stringify(field.default))}</code>`);
  const bounds = boundsText(field);
  if (bounds) parts.push(bounds);
  return parts.join('<br>');
}

/** `1 to 500`, `at least 1`, `at most 500`. */
function boundsText(field: ApiField): string | undefined {
  const { minimum: min, maximum: max } = field;
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return undefined;
}

function responseFieldsHtml(endpoint: ApiEndpoint): string {
  if (endpoint.responseFields.length === 0) return '<p class="muted">The response has no fields.</p>';
  const rows = endpoint.responseFields.map(
    (f) => `<tr data-field="${escapeHtml(f.name)}"><td><code>${escapeHtml(f.name)}</code></td><td><code>${escapeHtml(f.type)}</code></td></tr>`,
  );
  return `<table class="fields response"><thead><tr><th>Field</th><th>Type</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function tokensHtml(endpoint: ApiEndpoint): string {
  if (endpoint.takes.length === 0 && endpoint.returns.length === 0) {
    return '<p class="muted">This call neither takes nor returns a Plaid token.</p>';
  }
  const links = (ids: string[]) => (ids.length > 0 ? ids.map(entryLink).join(', ') : undefined);
  return definitionList([
    ['Takes', links(endpoint.takes)],
    ['Returns', links(endpoint.returns)],
  ]);
}

const SDK_TITLES: Record<SdkName, string> = { node: 'Node', python: 'Python', ruby: 'Ruby', go: 'Go', java: 'Java' };

function sdkHtml(index: ApiIndex, endpoint: ApiEndpoint): string {
  const spellings = index.sdkSpellings(endpoint);
  if (spellings.length === 0) return '<p class="muted">Plaid\'s SDKs have no method for this endpoint.</p>';
  const rows = spellings.map((s) => {
    const request = s.requestConstructor ?? s.requestClass;
    return `<tr data-sdk="${s.sdk}"><td>${SDK_TITLES[s.sdk]}</td><td><code>${escapeHtml(s.call)}</code></td>
<td>${request ? `<code>${escapeHtml(request)}</code>` : '<span class="muted">no request model</span>'}</td></tr>`;
  });
  return `<table class="sdks"><thead><tr><th>SDK</th><th>Call</th><th>Request</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function docsHtml(endpoint: ApiEndpoint): string {
  if (endpoint.docsUrl === undefined || !endpoint.docsUrl.startsWith(DOCS_PREFIX)) {
    return '<p class="muted">The spec gives no documentation page for this endpoint.</p>';
  }
  return `<p><a class="link docs" data-docs tabindex="0" role="link">${escapeHtml(endpoint.docsUrl)}</a></p>
<p class="muted">Opens in your browser. Plaid Lens itself connects to nothing.</p>`;
}

/** Like the glossary page, the page scrolls inside <main> so a newly shown endpoint starts at its top. */
const PAGE_STYLE = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
main { height: 100%; overflow-y: auto; box-sizing: border-box; padding: 0 20px 16px; }
main > * { max-width: 900px; }
.category { margin: 1.2em 0 0; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.8em; }
h1 .method { font-size: 0.75em; font-weight: 600; padding: 1px 6px; border-radius: 3px; vertical-align: middle;
  border: 1px solid var(--vscode-charts-blue); color: var(--vscode-charts-blue); }
h1 code.path { font-size: 1em; background: none; padding: 0; }
p.deprecated { border-left: 3px solid var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow)); padding-left: 8px; }
table { border-collapse: collapse; width: 100%; margin: 4px 0; }
th { text-align: left; font-weight: 600; color: var(--vscode-descriptionForeground); }
th, td { padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); }
tr.nested td:first-child { padding-left: 18px; }
tr.deprecated td:first-child code { text-decoration: line-through; }
td code { word-break: break-word; }
`;
