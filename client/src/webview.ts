/**
 * What every Plaid Lens webview shares: one page shell with a strict Content-Security-Policy (no remote resources,
 * scripts and styles only with this page's nonce), HTML escaping, and styles drawn from the editor theme.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Webview options for our pages: scripts on, and no local files, since every page is self-contained. */
export const WEBVIEW_OPTIONS: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

/** What a page is made of; `script` runs with the page's nonce, everything else is inert markup. */
export interface PageParts {
  title: string;
  body: string;
  /** Extra CSS for this page, added after the shared theme styles. */
  style?: string;
  /** Inline script; `acquireVsCodeApi` is available to it. */
  script?: string;
}

/** A complete HTML page for a webview, with the CSP that allows only this page's own inline style and script. */
export function renderPage(webview: vscode.Webview, parts: PageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const script = parts.script ? `<script nonce="${nonce}">${parts.script}</script>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(parts.title)}</title>
<style nonce="${nonce}">${THEME_STYLE}${parts.style ?? ''}</style>
</head>
<body>
${parts.body}
${script}
</body>
</html>`;
}

/**
 * Colours and fonts come from the theme's CSS variables, so every page follows light, dark and high-contrast
 * themes without a stylesheet of its own per theme.
 */
const THEME_STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: transparent; line-height: 1.5; padding: 0 16px 16px; }
h1 { font-size: 1.5em; font-weight: 600; margin: 0.8em 0 0.2em; }
h2 { font-size: 1.15em; font-weight: 600; margin: 1.4em 0 0.4em; border-bottom: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); padding-bottom: 0.2em; }
a, .link { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover, .link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; background: var(--vscode-textCodeBlock-background);
  padding: 1px 4px; border-radius: 3px; }
ul { padding-left: 1.4em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0; }
dt { color: var(--vscode-descriptionForeground); }
dd { margin: 0; }
.muted { color: var(--vscode-descriptionForeground); }
.summary { font-size: 1.05em; color: var(--vscode-descriptionForeground); margin-top: 0; }
.badge { display: inline-block; font-size: 0.8em; padding: 1px 7px; border-radius: 9px;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); vertical-align: middle; }
.badge.error { background: var(--vscode-inputValidation-errorBackground, var(--vscode-badge-background));
  border: 1px solid var(--vscode-inputValidation-errorBorder, transparent); color: var(--vscode-foreground); }
.badge.ok { background: transparent; border: 1px solid var(--vscode-testing-iconPassed, var(--vscode-charts-green)); color: var(--vscode-foreground); }
button { font-family: inherit; font-size: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background);
  border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
details.more { margin: 2px 0 0; }
details.more > summary { cursor: pointer; color: var(--vscode-textLink-foreground); }
`;

/**
 * A page script that turns clicks on `[data-entry]` elements (glossary links) into `{ type: 'openEntry', id }`
 * messages, on `[data-endpoint]` elements (API endpoint links) into `{ type: 'openEndpoint', id }`, on `[data-docs]`
 * elements into `{ type: 'openDocs' }` (the extension side knows the address; the page never names it), and on
 * `[data-command]` elements into `{ type: 'command', id }`.
 */
export const LINK_SCRIPT = `
const vscode = acquireVsCodeApi();
function activate(target) {
  const link = target.closest('[data-entry],[data-endpoint],[data-docs],[data-command]');
  if (!link) return false;
  if (link.dataset.entry) vscode.postMessage({ type: 'openEntry', id: link.dataset.entry });
  else if (link.dataset.endpoint) vscode.postMessage({ type: 'openEndpoint', id: link.dataset.endpoint });
  else if (link.hasAttribute('data-docs')) vscode.postMessage({ type: 'openDocs' });
  else vscode.postMessage({ type: 'command', id: link.dataset.command });
  return true;
}
document.addEventListener('click', (event) => { if (activate(event.target)) event.preventDefault(); });
document.addEventListener('keydown', (event) => {
  if ((event.key === 'Enter' || event.key === ' ') && activate(event.target)) event.preventDefault();
});
`;

/** A message a page sends to its extension side. */
export type PageMessage =
  | { type: 'openEntry'; id: string }
  | { type: 'openEndpoint'; id: string }
  | { type: 'command'; id: string }
  | { type: 'openDocs' }
  | { type: 'ready' };

/** Narrows an unknown message from a webview to a {@link PageMessage}; webviews are not trusted to be well-formed. */
export function asPageMessage(message: unknown): PageMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, id } = message as { type?: unknown; id?: unknown };
  if (type === 'ready' || type === 'openDocs') return { type };
  if ((type === 'openEntry' || type === 'openEndpoint' || type === 'command') && typeof id === 'string') return { type, id };
  return undefined;
}
