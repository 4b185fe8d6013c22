/**
 * The API commands: "Plaid: Find API Endpoint", a quick pick that finds an endpoint by its path or by any SDK's name
 * for it, and the command the API view's rows run to open an endpoint's page. Both select the endpoint in the view.
 */
import * as vscode from 'vscode';
import type { ApiEndpoint, ApiIndex } from '../../server/src/engine/api';
import { maskText } from '../../server/src/engine';
import type { ApiCatalog } from './apiCatalog';
import type { ApiEndpointPage } from './apiPage';
import { productTitle, SHOW_API_ENDPOINT_COMMAND, type ApiNode, type ApiTreeProvider } from './apiTree';

/** The command id in package.json. */
export const FIND_API_ENDPOINT_COMMAND = 'plaidLens.findApiEndpoint';

/** What the API commands act on. */
export interface ApiTargets {
  catalog: ApiCatalog;
  page: ApiEndpointPage;
  tree: { provider: ApiTreeProvider; view: vscode.TreeView<ApiNode> };
}

/** Registers the API commands. */
export function registerApiCommands(context: vscode.ExtensionContext, targets: ApiTargets): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIND_API_ENDPOINT_COMMAND, (query?: unknown) => findApiEndpoint(targets, query)),
    vscode.commands.registerCommand(SHOW_API_ENDPOINT_COMMAND, (query?: unknown) => findApiEndpoint(targets, query)),
  );
}

/**
 * Opens an endpoint's page and selects it in the API view. `query` may be a path, an operationId or an SDK name;
 * without one, a quick pick asks. Returns the path shown.
 */
export async function findApiEndpoint(targets: ApiTargets, query?: unknown): Promise<string | undefined> {
  const index = targets.catalog.get();
  if (index === undefined) {
    void vscode.window.showErrorMessage(`Plaid: the API data could not be read: ${targets.catalog.error ?? 'unknown error'}`);
    return undefined;
  }
  const endpoint = typeof query === 'string' ? index.find(query) : await pickEndpoint(index);
  if (endpoint === undefined) {
    if (typeof query === 'string') {
      void vscode.window.showWarningMessage(`Plaid Lens knows no API endpoint “${maskText(query).slice(0, 60)}”.`);
    }
    return undefined;
  }
  targets.page.show(endpoint.path);
  await revealInTree(targets.tree, endpoint.path);
  return endpoint.path;
}

type EndpointItem = vscode.QuickPickItem & { endpoint: ApiEndpoint };

/** One quick pick row: the path, the SDK names VS Code's own matching searches, and what it is for. */
function itemOf(index: ApiIndex, endpoint: ApiEndpoint): EndpointItem {
  const spellings = index.sdkSpellings(endpoint);
  const names = new Set([endpoint.operationId, ...spellings.map((s) => s.method)]);
  if (endpoint.requestType) names.add(endpoint.requestType);
  const what = [productTitle(endpoint.product ?? ''), index.summary(endpoint)].filter(Boolean).join(' · ');
  return {
    label: endpoint.deprecated ? `$(warning) ${endpoint.path}` : endpoint.path,
    description: [...names].join('  '),
    detail: endpoint.deprecated ? `Deprecated${endpoint.replacedBy ? `: use ${endpoint.replacedBy}` : ''} · ${what}` : what,
    endpoint,
  };
}

/**
 * Every endpoint in a quick pick. VS Code matches the path and the names in the description as typed; a name that
 * stands for one endpoint exactly (`transactionsSync`, `Plaid::TransactionsSyncRequest`, a full URL) also keeps that
 * endpoint in the list and makes it the active row, so Enter opens it even when a longer name matched too
 * (`processorTransactionsSync`) and VS Code's sort put that one first.
 */
async function pickEndpoint(index: ApiIndex): Promise<ApiEndpoint | undefined> {
  const all = index.endpoints.map((endpoint) => itemOf(index, endpoint));
  const pick = vscode.window.createQuickPick<EndpointItem>();
  pick.title = 'Find a Plaid API endpoint';
  pick.placeholder = 'A path or an SDK name, e.g. /transactions/sync, transactionsSync, TransactionsSyncRequest';
  pick.matchOnDescription = true;
  pick.items = all;
  let exact: EndpointItem | undefined;
  const changed = pick.onDidChangeValue((value) => {
    const found = value.trim() === '' ? undefined : index.find(value);
    if (found !== exact?.endpoint) {
      exact = found ? { ...all.find((i) => i.endpoint === found)!, alwaysShow: true } : undefined;
      pick.items = exact ? [exact, ...all.filter((i) => i.endpoint !== found)] : all;
    }
    // VS Code moves the focus to the first row on every keystroke; give it back to the exact match.
    if (exact) pick.activeItems = [exact];
  });
  try {
    return await new Promise<ApiEndpoint | undefined>((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.endpoint ?? pick.activeItems[0]?.endpoint);
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    changed.dispose();
    pick.dispose();
  }
}

/** Selects the endpoint in the API view without taking focus from its page; the filter goes if it hides it. */
async function revealInTree(tree: ApiTargets['tree'], path: string): Promise<void> {
  const node = tree.provider.nodeOf(path);
  if (node === undefined) return;
  const parent = tree.provider.getParent(node);
  if (parent && !tree.provider.getChildren(parent).includes(node)) await vscode.commands.executeCommand('plaidLens.api.clearFilter');
  try {
    await tree.view.reveal(node, { select: true, focus: false, expand: true });
  } catch {
    // The sidebar may be closed and its view not yet created; the endpoint page is open either way.
  }
}
