/**
 * The API view: Plaid's endpoints grouped by product, each product with our one-line summary, deprecated endpoints
 * marked. A filter from the view title narrows the endpoints to those whose path, product, summary or any SDK
 * spelling contains the text. The data is read only when the view first asks for its rows.
 */
import * as vscode from 'vscode';
import type { ApiEndpoint, ApiIndex } from '../../server/src/engine/api';
import { maskText } from '../../server/src/engine';
import type { ApiCatalog } from './apiCatalog';

/** The view's id in package.json. */
export const API_VIEW_ID = 'plaidLens.api';
/** The command that opens an endpoint's page; its argument is the endpoint's path. */
export const SHOW_API_ENDPOINT_COMMAND = 'plaidLens.showApiEndpoint';
/** Set while a filter is active, so the view title shows "Clear Filter" and the empty view explains itself. */
const FILTERED_CONTEXT = 'plaidLens.apiFiltered';
/** The group of the endpoints whose docs URL names no product. */
const NO_PRODUCT = '';

/** A row of the API view. */
export type ApiNode =
  | { kind: 'product'; product: string; title: string }
  | { kind: 'endpoint'; endpoint: ApiEndpoint; parent: ApiNode & { kind: 'product' }; searchText: string };

type ProductNode = ApiNode & { kind: 'product' };
type EndpointNode = ApiNode & { kind: 'endpoint' };

/** Tree data for the API view; nodes are created once, on the first read, so `reveal` can find them again. */
export class ApiTreeProvider implements vscode.TreeDataProvider<ApiNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: { products: ProductNode[]; endpoints: Map<string, EndpointNode> } | undefined;
  private filterText = '';
  // Expanded product rows get new ids per filter, so a filter opens every group that has a match.
  private generation = 0;

  constructor(private readonly catalog: ApiCatalog) {}

  /** The current filter text ('' when none). */
  get filter(): string {
    return this.filterText;
  }

  /** Narrows the view to matching endpoints; '' shows everything again. */
  setFilter(text: string): void {
    this.filterText = text.trim();
    this.generation += 1;
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.filterText !== '');
    this.changed.fire();
  }

  /** The node of an endpoint, for `TreeView.reveal`. */
  nodeOf(path: string): ApiNode | undefined {
    return this.build()?.endpoints.get(path);
  }

  getChildren(node?: ApiNode): ApiNode[] {
    const nodes = this.build();
    if (nodes === undefined) return [];
    if (node === undefined) return nodes.products.filter((p) => this.endpointsOf(p).length > 0);
    if (node.kind === 'product') return this.endpointsOf(node);
    return [];
  }

  getParent(node: ApiNode): ApiNode | undefined {
    return node.kind === 'endpoint' ? node.parent : undefined;
  }

  getTreeItem(node: ApiNode): vscode.TreeItem {
    const index = this.catalog.get()!;
    if (node.kind === 'product') {
      const filtered = this.filterText !== '';
      const state = filtered ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
      const item = new vscode.TreeItem(node.title, state);
      item.id = filtered ? `product:${node.product}:${this.generation}` : `product:${node.product}`;
      item.iconPath = new vscode.ThemeIcon('package');
      const summary = index.productSummary(node.product);
      const count = this.endpointsOf(node).length;
      item.description = summary ? `${count} · ${summary}` : `${count}`;
      item.tooltip = new vscode.MarkdownString().appendMarkdown(`**${node.title}**\n\n`).appendText(summary ?? '');
      item.contextValue = 'apiProduct';
      return item;
    }
    const { endpoint } = node;
    const item = new vscode.TreeItem(endpoint.path, vscode.TreeItemCollapsibleState.None);
    item.id = `endpoint:${endpoint.path}`;
    item.iconPath = endpoint.deprecated
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon('symbol-method');
    item.description = endpointDescription(index, endpoint);
    item.tooltip = endpointTooltip(index, endpoint);
    item.accessibilityInformation = { label: `${endpoint.method} ${endpoint.path}${endpoint.deprecated ? ', deprecated' : ''}` };
    item.command = { command: SHOW_API_ENDPOINT_COMMAND, title: 'Open API Endpoint', arguments: [endpoint.path] };
    item.contextValue = endpoint.deprecated ? 'apiEndpoint.deprecated' : 'apiEndpoint';
    return item;
  }

  private build(): { products: ProductNode[]; endpoints: Map<string, EndpointNode> } | undefined {
    if (this.nodes !== undefined) return this.nodes;
    const index = this.catalog.get();
    if (index === undefined) return undefined;
    const products = new Map<string, ProductNode>();
    const endpoints = new Map<string, EndpointNode>();
    for (const endpoint of index.endpoints) {
      const product = endpoint.product ?? NO_PRODUCT;
      let parent = products.get(product);
      if (parent === undefined) {
        parent = { kind: 'product', product, title: productTitle(product) };
        products.set(product, parent);
      }
      endpoints.set(endpoint.path, { kind: 'endpoint', endpoint, parent, searchText: endpointSearchText(index, endpoint) });
    }
    // Products by title; the endpoints without a product go last, under "Other".
    const sorted = [...products.values()].sort((a, b) =>
      a.product === NO_PRODUCT ? 1 : b.product === NO_PRODUCT ? -1 : a.title.localeCompare(b.title),
    );
    this.nodes = { products: sorted, endpoints };
    return this.nodes;
  }

  private endpointsOf(product: ProductNode): EndpointNode[] {
    const wanted = squash(this.filterText);
    return [...this.build()!.endpoints.values()].filter(
      (node) => node.parent === product && (wanted === '' || node.searchText.includes(wanted)),
    );
  }
}

/** Words the title case below would get wrong. */
const TITLE_WORDS: Record<string, string> = { fdx: 'FDX', kyc: 'KYC', aml: 'AML', oauth: 'OAuth' };

/** `bank-transfers` → `Bank Transfers`, `kyc-aml-users` → `KYC AML Users`; no product → `Other`. */
export function productTitle(product: string): string {
  if (product === NO_PRODUCT) return 'Other';
  return product
    .split('-')
    .map((word) => TITLE_WORDS[word] ?? word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Every name the endpoint goes by: path, operationId, product and each SDK's method and request spellings. */
export function endpointNames(index: ApiIndex, endpoint: ApiEndpoint): string[] {
  const names = [endpoint.path, endpoint.operationId, endpoint.product ?? ''];
  for (const spelling of index.sdkSpellings(endpoint)) {
    names.push(spelling.method, spelling.call, spelling.requestClass ?? '', spelling.requestConstructor ?? '');
  }
  return [...new Set(names.filter((n) => n !== ''))];
}

/**
 * What a filter searches, computed once per endpoint: its names and our summary, ignoring case and the separators that
 * differ between spellings, so `transactions_sync`, `TransactionsSync` and `/transactions/sync` all find it.
 */
export function endpointSearchText(index: ApiIndex, endpoint: ApiEndpoint): string {
  const texts = [...endpointNames(index, endpoint), index.summary(endpoint) ?? ''];
  if (endpoint.deprecated) texts.push('deprecated');
  // A line break survives squash(), so a query never matches across two names.
  return texts.map(squash).join('\n');
}

/** True when the filter text is part of an endpoint's {@link endpointSearchText}. */
export function searchTextMatches(searchText: string, query: string): boolean {
  return searchText.includes(squash(query));
}

/** Lower case without the separators spellings differ by: `/`, `_`, `-`, `.`, `:` and spaces. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[ \t/_.:-]+/g, '');
}

/** `deprecated · use /credit/employment/get`, or our summary. */
function endpointDescription(index: ApiIndex, endpoint: ApiEndpoint): string {
  if (endpoint.deprecated) return endpoint.replacedBy ? `deprecated · use ${endpoint.replacedBy}` : 'deprecated';
  return index.summary(endpoint) ?? endpoint.operationId;
}

function endpointTooltip(index: ApiIndex, endpoint: ApiEndpoint): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString().appendCodeblock(`${endpoint.method} ${endpoint.path}`, 'text');
  const summary = index.summary(endpoint);
  if (summary) tooltip.appendText(`${summary}\n\n`);
  if (endpoint.deprecated) tooltip.appendText(`Deprecated${endpoint.replacedBy ? `: use ${endpoint.replacedBy}` : ''}.\n\n`);
  return tooltip.appendMarkdown(`\`${endpoint.operationId}\``);
}

/** The filter as the view title shows it: masked, since a pasted token is a likely thing to filter by. */
function shownFilter(filter: string): string {
  const masked = maskText(filter);
  return masked.length > 60 ? `${masked.slice(0, 59)}…` : masked;
}

/** Creates the API view and its filter commands. */
export function registerApiTree(
  context: vscode.ExtensionContext,
  catalog: ApiCatalog,
): { provider: ApiTreeProvider; view: vscode.TreeView<ApiNode> } {
  const provider = new ApiTreeProvider(catalog);
  const view = vscode.window.createTreeView(API_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const applyFilter = (text: string): void => {
    provider.setFilter(text);
    const shown = shownFilter(provider.filter);
    view.description = shown ? `“${shown}”` : undefined;
    view.message = shown && provider.getChildren().length === 0 ? `No endpoint matches “${shown}”.` : undefined;
  };
  // The data is read when the view is first drawn, not at activation; a read failure is said in the view.
  const explainFailure = (): void => {
    if (view.visible && catalog.error !== undefined) view.message = `The Plaid API data could not be read: ${catalog.error}`;
  };
  explainFailure();
  context.subscriptions.push(
    view,
    view.onDidChangeVisibility(explainFailure),
    vscode.commands.registerCommand('plaidLens.api.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter the Plaid API',
        prompt: 'Shows the endpoints whose path, product, summary or SDK names contain this text',
        placeHolder: 'e.g. transactions, transactions_sync, TransactionsSyncRequest, deprecated',
        value: provider.filter,
      });
      if (text !== undefined) applyFilter(text);
    }),
    vscode.commands.registerCommand('plaidLens.api.clearFilter', () => applyFilter('')),
  );
  return { provider, view };
}
