/**
 * The Token lifecycle view in the Plaid sidebar: the lifecycle picture, then each token type's facts folded
 * underneath. Clicking a token opens its glossary entry.
 */
import * as vscode from 'vscode';
import { tokenEntries } from '../../server/src/engine';
import { tokenEndpointsHtml, tokenFactsHtml } from './factsHtml';
import type { EndpointLinks } from './glossaryDetail';
import { LIFECYCLE_STYLE, lifecycleSvg } from './lifecycleSvg';
import { asPageMessage, escapeHtml, LINK_SCRIPT, renderPage, WEBVIEW_OPTIONS } from './webview';

/** The view's id in package.json. */
export const LIFECYCLE_VIEW_ID = 'plaidLens.lifecycle';

/** Draws the lifecycle into the sidebar webview whenever VS Code resolves it. */
export class LifecycleViewProvider implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;

  constructor(
    private readonly openEntry: (id: string) => void,
    private readonly endpoints?: EndpointLinks,
  ) {}

  /** True once the view has been drawn and is on screen. */
  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = WEBVIEW_OPTIONS;
    view.webview.html = lifecyclePage(view.webview, this.endpoints);
    view.webview.onDidReceiveMessage((raw: unknown) => {
      const message = asPageMessage(raw);
      if (message?.type === 'openEntry') this.openEntry(message.id);
      if (message?.type === 'openEndpoint') this.endpoints?.openEndpoint(message.id);
    });
    view.onDidDispose(() => {
      this.view = undefined;
    });
  }
}

/**
 * The view's page: picture first, the facts of each token type below it, with the API endpoints that create, use,
 * rotate and revoke it when `endpoints` can say.
 */
export function lifecyclePage(webview: vscode.Webview, endpoints?: EndpointLinks): string {
  const around = (id: string) => endpoints?.tokenEndpoints(id);
  const facts = tokenEntries
    .map((entry) => {
      const calls = around(entry.id);
      return `<details data-entry-id="${escapeHtml(entry.id)}"><summary>${escapeHtml(entry.term)}</summary>
${tokenFactsHtml(entry)}${calls ? `<h3>API endpoints</h3>${tokenEndpointsHtml(calls)}` : ''}</details>`;
    })
    .join('\n');
  return renderPage(webview, {
    title: 'Token lifecycle',
    body: `<p class="muted intro">How each Plaid token is made, what it turns into, and how long it lives. Select a token to open its glossary entry.</p>
${lifecycleSvg({ endpoints: around })}
<h2>Create, rotate, revoke</h2>
${facts}`,
    style: `${LIFECYCLE_STYLE}
body { padding: 0 10px 12px; }
.intro { margin: 8px 0 0; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
details dl { grid-template-columns: 1fr; gap: 0; margin: 4px 0 10px 12px; }
details dt { margin-top: 6px; }
details h3 { font-size: 1em; margin: 10px 0 0 12px; }
details.more summary { font-weight: normal; }`,
    script: LINK_SCRIPT,
  });
}

/** Registers the view. */
export function registerLifecycleView(
  context: vscode.ExtensionContext,
  openEntry: (id: string) => void,
  endpoints?: EndpointLinks,
): LifecycleViewProvider {
  const provider = new LifecycleViewProvider(openEntry, endpoints);
  context.subscriptions.push(vscode.window.registerWebviewViewProvider(LIFECYCLE_VIEW_ID, provider));
  return provider;
}
