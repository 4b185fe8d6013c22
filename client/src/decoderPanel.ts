/**
 * The decoder's panel: a token's anatomy (type, environment, tail), every problem, and its lifecycle. The token is
 * shown masked. The raw token is posted to the page once and lives only in that page's memory, where "Reveal"
 * shows it on request; the extension side drops it as soon as it was delivered. Each render of the page carries
 * its own id, so a token goes only to the page drawn for it, never to an older page that reports ready late.
 */
import * as vscode from 'vscode';
import { describeUuidVariant, getEntry, plural, type DecodedToken, type TokenProblemKind } from '../../server/src/engine';
import { environmentFactsHtml, entryLink, tokenFactsHtml } from './factsHtml';
import { LIFECYCLE_STYLE, lifecycleSvg } from './lifecycleSvg';
import { renderInline } from './markdown';
import { asPageMessage, escapeHtml, LINK_SCRIPT, renderPage } from './webview';

/** The webview type of the decoder panel. */
export const DECODER_PANEL_TYPE = 'plaidLens.decoder';

type Segment = 'type' | 'environment' | 'tail';

const SEGMENT_OF: Record<TokenProblemKind, Segment> = {
  'unknown-type': 'type',
  'unknown-environment': 'environment',
  'decommissioned-environment': 'environment',
  'missing-uuid': 'tail',
  'uuid-length': 'tail',
  'uuid-not-hex': 'tail',
  'uuid-uppercase': 'tail',
  'uuid-version': 'tail',
  'uuid-variant': 'tail',
  'trailing-text': 'tail',
};

/**
 * Holds the raw token for the one page render it was shown with. A page asks for it by that render's id when it is
 * ready; a stale page (an earlier render whose `ready` arrives late) gets nothing, and the token is given out once.
 */
export class RawTokenHandoff {
  private render = 0;
  private raw: string | undefined;

  /** Keeps `raw` for a new render and returns that render's id, which the page sends back with `ready`. */
  offer(raw: string): string {
    this.render++;
    this.raw = raw;
    return String(this.render);
  }

  /** The raw token when `render` is the current render and the token was not handed out yet; then forgets it. */
  take(render: string | undefined): string | undefined {
    if (render !== String(this.render) || this.raw === undefined) return undefined;
    const raw = this.raw;
    this.raw = undefined;
    return raw;
  }

  /** Forgets the token, e.g. when the panel closes. */
  clear(): void {
    this.raw = undefined;
  }
}

/** One reusable panel that shows the last decoded token. */
export class DecoderPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The raw token waiting for the page of the current render to say it is ready. */
  private readonly handoff = new RawTokenHandoff();

  constructor(private readonly openEntry: (id: string) => void) {}

  /** Shows a decoded token; `raw` goes to the page only, for its Reveal button. */
  show(decoded: DecodedToken, raw: string): void {
    const panel = this.panel ?? this.createPanel();
    const render = this.handoff.offer(raw);
    panel.title = `Plaid token: ${decoded.masked}`;
    panel.webview.html = decoderPage(panel.webview, decoded, render);
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside);
  }

  dispose(): void {
    this.handoff.clear();
    this.panel?.dispose();
  }

  private createPanel(): vscode.WebviewPanel {
    // retainContextWhenHidden: the page's memory is the only place the raw token lives; a hidden tab must keep it.
    const panel = vscode.window.createWebviewPanel(DECODER_PANEL_TYPE, 'Plaid token', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = asPageMessage(raw);
      if (message?.type === 'ready') {
        const render = renderOf(raw);
        const token = this.handoff.take(render);
        if (token !== undefined) void panel.webview.postMessage({ type: 'token', value: token, render });
      }
      if (message?.type === 'openEntry') this.openEntry(message.id);
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.handoff.clear();
    });
    this.panel = panel;
    return panel;
  }
}

/** The render id a page's `ready` message carries; pages are not trusted to send one. */
function renderOf(message: unknown): string | undefined {
  const render = (message as { render?: unknown }).render;
  return typeof render === 'string' ? render : undefined;
}

/** The decoder page for one token, stamped with its render id; contains only masked text. */
export function decoderPage(webview: vscode.Webview, decoded: DecodedToken, render: string): string {
  const entry = decoded.entryId !== undefined ? getEntry(decoded.entryId) : undefined;
  const environment = decoded.environmentId !== undefined ? getEntry(decoded.environmentId) : undefined;
  const bad = new Set(decoded.problems.map((p) => SEGMENT_OF[p.kind]));
  const verdict = decoded.valid
    ? '<span class="badge ok">well-formed</span>'
    : `<span class="badge error">${plural(decoded.problems.length, 'problem')}</span>`;
  const segment = (kind: Segment, label: string, value: string, meaning: string) =>
    `<div class="segment ${kind}${bad.has(kind) ? ' bad' : ''}"><span class="label">${label}</span><code>${escapeHtml(value)}</code><span class="meaning">${meaning}</span></div>`;
  const anatomy = [
    segment('type', 'Type', decoded.type, entry ? entryLink(entry.id) : decoded.typeKnown ? 'a Plaid prefix' : 'not a Plaid token type'),
    '<div class="hyphen">-</div>',
    segment('environment', 'Environment', decoded.environment, environment ? entryLink(environment.id) : 'not a Plaid environment'),
    '<div class="hyphen">-</div>',
    segment('tail', 'Tail', decoded.tailMasked, escapeHtml(tailMeaning(decoded))),
  ].join('');
  const problems =
    decoded.problems.length === 0
      ? '<p>None: the type, environment and tail are all as Plaid issues them.</p>'
      : `<ul class="problems">${decoded.problems
          .map((p) => `<li><span class="segment-name">${SEGMENT_OF[p.kind]}</span> ${renderInline(p.message)}</li>`)
          .join('')}</ul>`;
  const lifecycle = entry?.token
    ? `${lifecycleSvg({ highlight: entry.id })}${tokenFactsHtml(entry)}`
    : '<p class="muted">Plaid Lens knows no lifecycle for this type.</p>';
  const body = `<h1>Decoded Plaid token ${verdict}</h1>
<div class="token-row"><code id="token" class="token-text">${escapeHtml(decoded.masked)}</code>
<button id="reveal" class="secondary" disabled title="Show the whole token in this panel">Reveal</button></div>
<p class="muted">Masked on screen. Decoded on this machine; nothing was sent anywhere. Reveal shows the whole token here until the panel closes.</p>
<h2>Anatomy</h2><div class="anatomy">${anatomy}</div>
<h2>Problems</h2>${problems}
<h2>Lifecycle${entry ? ` of the ${escapeHtml(entry.term.toLowerCase())}` : ''}</h2>${lifecycle}
${environment ? `<h2>Environment: ${escapeHtml(environment.term)}</h2>${environmentFactsHtml(environment)}` : ''}`;
  return renderPage(webview, {
    title: 'Decoded Plaid token',
    body: `<main data-masked="${escapeHtml(decoded.masked)}" data-render="${escapeHtml(render)}">${body}</main>`,
    style: `${LIFECYCLE_STYLE}${PAGE_STYLE}`,
    script: `${LINK_SCRIPT}${REVEAL_SCRIPT}`,
  });
}

function tailMeaning(decoded: DecodedToken): string {
  if (decoded.tailKind === 'opaque') return 'an opaque identifier';
  if (decoded.uuid === undefined) return 'not a well-formed UUID';
  const version = decoded.uuid.version === null ? 'UUID of unknown version' : `UUID version ${decoded.uuid.version}`;
  return `${version}, ${describeUuidVariant(decoded.uuid.variant)}`;
}

/** Keeps the raw token in one variable of the page; nothing persists it (no setState), and it is never logged. */
const REVEAL_SCRIPT = `
(() => {
  const tokenText = document.getElementById('token');
  const button = document.getElementById('reveal');
  const render = document.querySelector('main').dataset.render;
  const masked = tokenText.textContent;
  let raw;
  let shown = false;
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data && data.type === 'token' && data.render === render && typeof data.value === 'string') {
      raw = data.value;
      button.disabled = false;
    }
  });
  button.addEventListener('click', () => {
    if (raw === undefined) return;
    shown = !shown;
    tokenText.textContent = shown ? raw : masked;
    tokenText.classList.toggle('revealed', shown);
    button.textContent = shown ? 'Hide' : 'Reveal';
  });
  vscode.postMessage({ type: 'ready', render });
})();
`;

const PAGE_STYLE = `
main { max-width: 820px; }
.token-row { display: flex; align-items: center; gap: 12px; margin: 10px 0 4px; }
.token-text { font-size: 1.15em; padding: 4px 8px; word-break: break-all; }
.token-text.revealed { outline: 1px dashed var(--vscode-inputValidation-warningBorder, var(--vscode-focusBorder)); }
.anatomy { display: flex; align-items: stretch; flex-wrap: wrap; gap: 4px; }
.segment { display: flex; flex-direction: column; gap: 2px; padding: 8px 12px; border-radius: 4px; min-width: 120px;
  border: 1px solid var(--vscode-widget-border, var(--vscode-panel-border)); border-top-width: 3px; }
.segment.type { border-top-color: var(--vscode-charts-blue); }
.segment.environment { border-top-color: var(--vscode-charts-purple); }
.segment.tail { border-top-color: var(--vscode-charts-green); }
.segment.bad { border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-charts-red));
  background: var(--vscode-inputValidation-errorBackground, transparent); }
.segment .label { font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.05em; color: var(--vscode-descriptionForeground); }
.segment code { font-size: 1.1em; background: none; padding: 0; }
.hyphen { align-self: center; font-family: var(--vscode-editor-font-family); color: var(--vscode-descriptionForeground); }
ul.problems li { margin: 4px 0; }
.segment-name { display: inline-block; min-width: 90px; font-size: 0.8em; text-transform: uppercase; color: var(--vscode-descriptionForeground); }
`;
