/**
 * The glossary entry page: one webview panel, reused, showing an entry's summary, body, names in code, facts and
 * related entries. Related entries are links that replace the page's content with theirs.
 */
import * as vscode from 'vscode';
import { CATEGORY_TITLES, getEntry, type GlossaryEntry } from '../../server/src/engine';
import type { TokenEndpoints } from '../../server/src/engine/api';
import { credentialFactsHtml, entryLink, environmentFactsHtml, tokenEndpointsHtml, tokenFactsHtml } from './factsHtml';
import { renderMarkdown } from './markdown';
import { asPageMessage, escapeHtml, LINK_SCRIPT, renderPage, WEBVIEW_OPTIONS } from './webview';

/** The webview type of the entry page, also used to find it in tests. */
export const GLOSSARY_PANEL_TYPE = 'plaidLens.glossaryEntry';

/** Commands a page may ask for by id; anything else a page sends is ignored. */
const PAGE_COMMANDS = new Set(['plaidLens.showLifecycle']);

/** What a page needs from the API data: the endpoints around a token type, and a way to open one. */
export interface EndpointLinks {
  /** The endpoints that create, use, rotate and revoke a token type; undefined when the data cannot be read. */
  tokenEndpoints(tokenId: string): TokenEndpoints | undefined;
  /** Opens an endpoint's page by its path. */
  openEndpoint(path: string): void;
}

/** Shows glossary entries in a single reusable panel. */
export class GlossaryDetail implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: string | undefined;

  /**
   * `openLink` handles a click on a related entry; by default the page just shows it. With `endpoints`, token pages
   * list the API endpoints around the token.
   */
  constructor(
    private readonly openLink: (id: string) => void = (id) => void this.show(id),
    private readonly endpoints?: EndpointLinks,
  ) {}

  /** The id of the entry on screen, if the panel is open. */
  get shownEntryId(): string | undefined {
    return this.panel ? this.current : undefined;
  }

  /** Opens (or reuses) the panel on the entry with this id; returns false for an unknown id. */
  show(id: string): boolean {
    const entry = getEntry(id);
    if (!entry) return false;
    const panel = this.panel ?? this.createPanel();
    this.current = entry.id;
    panel.title = `Plaid: ${entry.term}`;
    const around = entry.token ? this.endpoints?.tokenEndpoints(entry.id) : undefined;
    panel.webview.html = entryPage(panel.webview, entry, around);
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Active);
    return true;
  }

  /** Closes the panel. */
  dispose(): void {
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(GLOSSARY_PANEL_TYPE, 'Plaid glossary', vscode.ViewColumn.Active, {
      ...WEBVIEW_OPTIONS,
      enableFindWidget: true,
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = asPageMessage(raw);
      if (message?.type === 'openEntry') this.openLink(message.id);
      if (message?.type === 'openEndpoint') this.endpoints?.openEndpoint(message.id);
      if (message?.type === 'command' && PAGE_COMMANDS.has(message.id)) void vscode.commands.executeCommand(message.id);
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.current = undefined;
    });
    this.panel = panel;
    return panel;
  }
}

/** The page of one entry; a token type's page lists `endpoints`, the API calls around it, when given. */
export function entryPage(webview: vscode.Webview, entry: GlossaryEntry, endpoints?: TokenEndpoints): string {
  const sections: string[] = [
    `<p class="muted category">${escapeHtml(CATEGORY_TITLES[entry.category])}</p>`,
    `<h1>${escapeHtml(entry.term)}</h1>`,
    `<p class="summary">${escapeHtml(entry.summary)}</p>`,
    `<div class="body">${renderMarkdown(entry.body)}</div>`,
  ];
  if (entry.token) {
    sections.push(
      `<h2>Lifecycle</h2>${tokenFactsHtml(entry)}`,
      `<p><a class="link" data-command="plaidLens.showLifecycle" tabindex="0" role="link">See every token's lifecycle</a></p>`,
    );
    if (endpoints) sections.push(`<h2>API endpoints</h2>${tokenEndpointsHtml(endpoints)}`);
  }
  if (entry.environment) sections.push(`<h2>Environment</h2>${environmentFactsHtml(entry)}`);
  if (entry.credential) sections.push(`<h2>Key</h2>${credentialFactsHtml(entry)}`);
  if (entry.codeNames.length > 0) {
    const names = entry.codeNames.map((n) => `<li><code>${escapeHtml(n)}</code></li>`).join('');
    sections.push(`<h2>Names in code</h2><ul class="names">${names}</ul>`);
  }
  if (entry.related.length > 0) {
    sections.push(`<h2>Related</h2><ul class="related">${entry.related.map((id) => `<li>${entryLink(id)}</li>`).join('')}</ul>`);
  }
  return renderPage(webview, {
    title: entry.term,
    body: `<main data-entry-id="${escapeHtml(entry.id)}">${sections.join('\n')}</main>`,
    style: PAGE_STYLE,
    script: LINK_SCRIPT,
  });
}

/**
 * The page scrolls inside <main>, not the window: VS Code restores the window's scroll position when the content is
 * replaced, and a newly opened entry must start at its top.
 */
const PAGE_STYLE = `
html, body { height: 100%; margin: 0; padding: 0; overflow: hidden; }
main { height: 100%; overflow-y: auto; box-sizing: border-box; padding: 0 20px 16px; }
main > * { max-width: 760px; }
.category { margin: 1.2em 0 0; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.8em; }
ul.names { display: flex; flex-wrap: wrap; gap: 6px 10px; list-style: none; padding: 0; }
ul.related { columns: 2; }
`;
