/**
 * The token lifecycle as an SVG picture, drawn from the glossary data alone: one box per token type with its prefix
 * and lifetime, one arrow per `token.flow` edge labelled with the call or event that makes the next token. Colours
 * are CSS classes resolved against the editor theme, so the picture follows it.
 */
import { formatMinutes, getEntry, plural, tokenEntries, type GlossaryEntry, type TokenFacts } from '../../server/src/engine';
import type { TokenEndpoints } from '../../server/src/engine/api';
import { escapeHtml } from './webview';

type TokenEntry = GlossaryEntry & { token: TokenFacts };

/** A token type placed in the picture: `layer` is its row, `column` its place in the row. */
export interface LifecycleNode {
  entry: TokenEntry;
  layer: number;
  column: number;
  /** True for token types that no flow edge reaches or leaves. */
  standalone: boolean;
}

/** One exchange: `from` leads to `to` through `via` (an endpoint or a Link event). */
export interface LifecycleEdge {
  from: string;
  to: string;
  via: string;
}

/** The lifecycle graph of every token type in the glossary. */
export interface LifecycleGraph {
  nodes: LifecycleNode[];
  edges: LifecycleEdge[];
}

const NODE_WIDTH = 344;
const NODE_HEIGHT = 74;
/** The extra height of a box that also names its API endpoints. */
const ENDPOINTS_LINE = 18;
const ROW_GAP = 48;
const COLUMN_GAP = 20;
const MARGIN = 8;
const CAPTION_HEIGHT = 36;

/**
 * Orders the token types into rows: each flow edge points one or more rows down (longest path from the types no
 * edge reaches), and the types outside every flow come last, in a row of their own.
 */
export function lifecycleGraph(): LifecycleGraph {
  const ids = new Set(tokenEntries.map((e) => e.id));
  const edges: LifecycleEdge[] = tokenEntries.flatMap((entry) =>
    (entry.token.flow ?? []).filter((f) => ids.has(f.to) && f.to !== entry.id).map((f) => ({ from: entry.id, to: f.to, via: f.via })),
  );
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const layers = new Map<string, number>([...linked].map((id) => [id, 0]));
  // Longest-path layering; at most one pass per node, so a cycle in the data cannot loop forever.
  for (let pass = 0; pass < linked.size; pass++) {
    let moved = false;
    for (const e of edges) {
      const next = layers.get(e.from)! + 1;
      if (next > layers.get(e.to)! && next < linked.size) {
        layers.set(e.to, next);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const standaloneLayer = linked.size === 0 ? 0 : Math.max(...layers.values()) + 1;
  const columns = new Map<number, number>();
  const nodes = tokenEntries.map((entry): LifecycleNode => {
    const standalone = !linked.has(entry.id);
    const layer = standalone ? standaloneLayer : layers.get(entry.id)!;
    const column = columns.get(layer) ?? 0;
    columns.set(layer, column + 1);
    return { entry, layer, column, standalone };
  });
  return { nodes, edges };
}

/** `expires after 4 hours, 30 minutes in update mode`, or `never expires`. */
export function lifetimeLabel(lifetime: TokenFacts['lifetime']): string {
  if (lifetime.expiresAfterMinutes === null) return 'never expires';
  const update = lifetime.updateModeMinutes ? `, ${formatMinutes(lifetime.updateModeMinutes)} in update mode` : '';
  return `expires after ${formatMinutes(lifetime.expiresAfterMinutes)}${update}`;
}

/** The shape of a token of this type, e.g. `access-‹env›-‹uuid›`, with any other prefixes after it. */
export function prefixPattern(token: TokenFacts): string {
  const [first, ...others] = token.prefixes;
  const tail = token.tail === 'uuid' ? '‹uuid›' : '‹id›';
  const also = others.length > 0 ? `  (also ${others.map((p) => `${p}-`).join(', ')})` : '';
  return `${first}-‹env›-${tail}${also}`;
}

/** Options for {@link lifecycleSvg}. */
export interface LifecycleSvgOptions {
  /** An entry id to outline, e.g. the decoded token's type. */
  highlight?: string;
  /** The API endpoints around a token type; with it, each box counts them and its tooltip names them. */
  endpoints?: (tokenId: string) => TokenEndpoints | undefined;
}

/** The whole picture as an SVG element; nodes carry `data-entry` so a page can open the entry on click. */
export function lifecycleSvg(options: LifecycleSvgOptions = {}): string {
  const { nodes, edges } = lifecycleGraph();
  const calls = new Map(nodes.map((n) => [n.entry.id, options.endpoints?.(n.entry.id)]));
  const h = [...calls.values()].some(Boolean) ? NODE_HEIGHT + ENDPOINTS_LINE : NODE_HEIGHT;
  const rows = nodes.reduce((max, n) => Math.max(max, n.layer + 1), 0);
  const perRow = (layer: number) => nodes.filter((n) => n.layer === layer).length;
  const widest = Math.max(1, ...Array.from({ length: rows }, (_, layer) => perRow(layer)));
  const width = MARGIN * 2 + widest * NODE_WIDTH + (widest - 1) * COLUMN_GAP;
  const hasStandalone = nodes.some((n) => n.standalone);
  const rowTop = (layer: number, standalone: boolean) =>
    MARGIN + layer * (h + ROW_GAP) + (standalone ? CAPTION_HEIGHT - ROW_GAP / 2 : 0);
  const place = new Map(
    nodes.map((n) => {
      const offset = (width - (perRow(n.layer) * NODE_WIDTH + (perRow(n.layer) - 1) * COLUMN_GAP)) / 2;
      return [n.entry.id, { x: offset + n.column * (NODE_WIDTH + COLUMN_GAP), y: rowTop(n.layer, n.standalone), node: n }];
    }),
  );
  const height = Math.max(...[...place.values()].map((p) => p.y + h)) + MARGIN;
  const parts: string[] = [];
  for (const edge of edges) parts.push(edgeSvg(edge, place.get(edge.from)!, place.get(edge.to)!, h));
  if (hasStandalone) {
    const y = rowTop(rows - 1, true) - CAPTION_HEIGHT + 14;
    parts.push(`<line class="separator" x1="${MARGIN}" y1="${y - 10}" x2="${width - MARGIN}" y2="${y - 10}"/>`);
    parts.push(`<text class="caption" x="${MARGIN}" y="${y + 4}">Not exchanged into or out of another token</text>`);
  }
  for (const { x, y, node } of place.values()) {
    parts.push(nodeSvg(node, { x, y, h }, node.entry.id === options.highlight, calls.get(node.entry.id)));
  }
  parts.push(legendSvg(MARGIN, height + 4));
  return `<svg class="lifecycle" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height + 26}" role="img"
 aria-label="Plaid token lifecycle: ${escapeHtml(edges.map((e) => `${term(e.from)} to ${term(e.to)}`).join(', '))}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
<path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>
${parts.join('\n')}
</svg>`;
}

function term(id: string): string {
  return getEntry(id)?.term ?? id;
}

/** `endpoints: 6 create · 61 use · 1 rotate · 1 revoke`: how many endpoints do what with the token, zeros left out. */
export function endpointCountsLabel(calls: TokenEndpoints): string {
  const parts = [
    calls.creates.length > 0 ? `${calls.creates.length} create` : '',
    calls.uses.length > 0 ? `${calls.uses.length} use` : '',
    calls.rotates.length > 0 ? `${calls.rotates.length} rotate` : '',
    calls.revokes.length > 0 ? `${calls.revokes.length} revoke` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `endpoints: ${parts.join(' · ')}` : 'no endpoint takes or returns it';
}

/** The tooltip lines naming the endpoints that create, rotate and revoke a token; users are only counted. */
function endpointsTitle(calls: TokenEndpoints): string {
  const line = (label: string, list: TokenEndpoints['creates']) => (list.length > 0 ? `\n${label}: ${list.map((e) => e.path).join(', ')}` : '');
  const uses = calls.uses.length > 0 ? `\nUsed by ${plural(calls.uses.length, 'endpoint')}` : '';
  return `${line('Created by', calls.creates)}${line('Rotated by', calls.rotates)}${line('Revoked by', calls.revokes)}${uses}`;
}

function nodeSvg(node: LifecycleNode, box: { x: number; y: number; h: number }, highlighted: boolean, calls: TokenEndpoints | undefined): string {
  const { x, y, h } = box;
  const { entry } = node;
  const kind = entry.token.sensitivity === 'credential' ? 'credential' : 'short-lived';
  const lifetime = lifetimeLabel(entry.token.lifetime);
  const classes = ['node', kind, highlighted ? 'highlight' : ''].filter(Boolean).join(' ');
  return `<g class="${classes}" data-entry="${escapeHtml(entry.id)}" tabindex="0" role="button"
 aria-label="${escapeHtml(`${entry.term}: ${lifetime}. Open its glossary entry.`)}" transform="translate(${x} ${y})">
<title>${escapeHtml(`${entry.term} — ${entry.summary}${calls ? endpointsTitle(calls) : ''}`)}</title>
<rect class="box" width="${NODE_WIDTH}" height="${h}" rx="6"/>
<rect class="strip" width="5" height="${h}" rx="2"/>
<text class="term" x="16" y="23">${escapeHtml(entry.term)}</text>
<text class="kind" x="${NODE_WIDTH - 12}" y="22" text-anchor="end">${kind}</text>
<text class="pattern" x="16" y="44">${escapeHtml(prefixPattern(entry.token))}</text>
${entry.token.lifetime.expiresAfterMinutes === null ? '<text class="icon" x="15" y="64">∞</text>' : CLOCK}
<text class="lifetime" x="32" y="63">${escapeHtml(lifetime)}</text>
${calls ? `<text class="endpoints" x="16" y="${NODE_HEIGHT + 8}">${escapeHtml(endpointCountsLabel(calls))}</text>` : ''}
</g>`;
}

/** A small clock drawn with shapes: a text glyph for it is missing from many fonts. */
const CLOCK = '<g class="clock" transform="translate(22 59)"><circle r="5.5"/><path d="M0,-3.2 V0 H2.6"/></g>';

function edgeSvg(edge: LifecycleEdge, from: { x: number; y: number }, to: { x: number; y: number }, h: number): string {
  const label = `<title>${escapeHtml(`${term(edge.from)} → ${term(edge.to)} via ${edge.via}`)}</title>`;
  if (to.y > from.y + h && to.y - from.y <= h + ROW_GAP && Math.abs(to.x - from.x) < 1) {
    // The usual case: straight down to the next row, the label beside the arrow.
    const x = from.x + 48;
    const y1 = from.y + h;
    const y2 = to.y;
    return `<g class="edge">${label}<line x1="${x}" y1="${y1}" x2="${x}" y2="${y2 - 1}" marker-end="url(#arrow)"/>
<text class="via" x="${x + 12}" y="${(y1 + y2) / 2 + 4}">${escapeHtml(edge.via)}</text></g>`;
  }
  // Any other edge bends out to the right of both boxes, so it never crosses a box in between.
  const x1 = from.x + NODE_WIDTH;
  const y1 = from.y + h / 2;
  const x2 = to.x + NODE_WIDTH;
  const y2 = to.y + h / 2;
  const bend = Math.max(x1, x2) + 28;
  return `<g class="edge">${label}<path d="M${x1},${y1} C${bend},${y1} ${bend},${y2} ${x2 + 1},${y2}" marker-end="url(#arrow)"/>
<text class="via" x="${bend - 4}" y="${(y1 + y2) / 2}" text-anchor="end">${escapeHtml(edge.via)}</text></g>`;
}

function legendSvg(x: number, y: number): string {
  return `<g class="legend" transform="translate(${x} ${y})">
<rect class="swatch credential" width="10" height="10" y="2" rx="2"/><text x="16" y="11">credential</text>
<rect class="swatch short-lived" x="110" width="10" height="10" y="2" rx="2"/><text x="126" y="11">short-lived</text>
</g>`;
}

/** Styles for {@link lifecycleSvg}, all theme variables. */
export const LIFECYCLE_STYLE = `
svg.lifecycle { width: 100%; max-width: 460px; height: auto; display: block; margin: 8px 0; font-family: var(--vscode-font-family); }
svg.lifecycle .box { fill: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  stroke: var(--vscode-widget-border, var(--vscode-contrastBorder, var(--vscode-panel-border))); stroke-width: 1; }
svg.lifecycle .credential .strip, svg.lifecycle .swatch.credential { fill: var(--vscode-charts-red); }
svg.lifecycle .short-lived .strip, svg.lifecycle .swatch.short-lived { fill: var(--vscode-charts-yellow); }
svg.lifecycle .node { cursor: pointer; }
svg.lifecycle .node:hover .box, svg.lifecycle .node:focus .box { stroke: var(--vscode-focusBorder); }
svg.lifecycle .node:focus { outline: none; }
svg.lifecycle .node.highlight .box { stroke: var(--vscode-focusBorder); stroke-width: 2.5; }
svg.lifecycle text { fill: var(--vscode-foreground); font-size: 12px; }
svg.lifecycle .term { font-size: 14px; font-weight: 600; }
svg.lifecycle .kind, svg.lifecycle .caption, svg.lifecycle .legend text { fill: var(--vscode-descriptionForeground); font-size: 11px; }
svg.lifecycle .pattern { font-family: var(--vscode-editor-font-family); font-size: 12px; fill: var(--vscode-textPreformat-foreground, var(--vscode-foreground)); }
svg.lifecycle .lifetime { font-size: 12px; }
svg.lifecycle .endpoints { font-size: 11.5px; fill: var(--vscode-descriptionForeground); }
svg.lifecycle .icon { font-size: 15px; }
svg.lifecycle .clock circle, svg.lifecycle .clock path { fill: none; stroke: var(--vscode-foreground); stroke-width: 1.3; }
svg.lifecycle .edge line, svg.lifecycle .edge path { stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; fill: none; }
svg.lifecycle .arrowhead { fill: var(--vscode-descriptionForeground); }
svg.lifecycle .via { font-family: var(--vscode-editor-font-family); font-size: 11.5px; fill: var(--vscode-textLink-foreground); }
svg.lifecycle .separator { stroke: var(--vscode-widget-border, var(--vscode-panel-border)); stroke-dasharray: 4 3; }
`;
