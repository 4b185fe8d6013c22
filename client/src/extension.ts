/**
 * Plaid Lens for VS Code: starts the language server and wires the sidebar views, the decoder, the status bar and
 * the commands. Holds no Plaid logic of its own: the server answers, or the engine and glossary data it shares.
 */
import * as vscode from 'vscode';
import type { DecodedToken } from '../../server/src/engine';
import { ApiCatalog } from './apiCatalog';
import { findApiEndpoint, registerApiCommands, type ApiTargets } from './apiCommands';
import { ApiEndpointPage } from './apiPage';
import { registerApiTree, type ApiNode, type ApiTreeProvider } from './apiTree';
import { registerCommands, showGlossaryEntry, type CommandTargets } from './commands';
import { registerDecoder } from './decoder';
import { registerGitHistory, type GitHistory } from './gitHistory';
import { GlossaryDetail, type EndpointLinks } from './glossaryDetail';
import { registerGlossaryTree, type GlossaryNode, type GlossaryTreeProvider } from './glossaryTree';
import { PlaidLensServer, type ServerStatus } from './languageClient';
import { registerLifecycleView } from './lifecycleView';
import { registerStatusBar } from './statusBar';
import { TokenIndex } from './tokenIndex';
import { registerTokensView, type TokensNode, type TokensTreeProvider } from './tokensView';
import { WorkspaceScan, type ScanSummary } from './workspaceScan';

/** What `activate` returns: the handles the extension-host tests drive the extension through. */
export interface PlaidLensApi {
  /** Decodes a token through the language server, masked. */
  decode(token: string): Promise<DecodedToken>;
  /** The server's state now. */
  serverStatus(): ServerStatus;
  /** Fires when the server's state changes. */
  onDidChangeServerStatus: vscode.Event<ServerStatus>;
  /** The server process's id while it runs. */
  serverProcessId(): number | undefined;
  /** The Glossary view's data. */
  glossaryTree: vscode.TreeDataProvider<GlossaryNode> & Pick<GlossaryTreeProvider, 'setFilter' | 'filter'>;
  /** The Tokens view's data. */
  tokensTree: vscode.TreeDataProvider<TokensNode> & Pick<TokensTreeProvider, 'refresh'>;
  /** Opens a glossary entry by id, term or code name; resolves to the id shown. */
  showGlossaryEntry(id: string): Promise<string | undefined>;
  /** The id of the entry on the glossary page, if it is open. */
  shownGlossaryEntry(): string | undefined;
  /** The API view's data. */
  apiTree: vscode.TreeDataProvider<ApiNode> & Pick<ApiTreeProvider, 'setFilter' | 'filter'>;
  /** Opens an endpoint's page by path, operationId or SDK name, as "Find API Endpoint" does; resolves to its path. */
  showApiEndpoint(query: string): Promise<string | undefined>;
  /** The path of the endpoint on the API page, if it is open. */
  shownApiEndpoint(): string | undefined;
  /** True once the API data has been read: it is read only when a view or page first needs it. */
  apiDataLoaded(): boolean;
  /** True while the Token Lifecycle view is drawn and on screen. */
  lifecycleViewVisible(): boolean;
  /** The last "Plaid: Scan Git History" run, for the Tokens view's History group. */
  gitHistory: Pick<GitHistory, 'findings' | 'uriOf'>;
  /** Scans the workspace through the language server as "Plaid: Scan Workspace" does, without the notification. */
  scanWorkspace(token?: vscode.CancellationToken): Promise<ScanSummary>;
}

let server: PlaidLensServer | undefined;

/** Starts Plaid Lens in a window. */
export function activate(context: vscode.ExtensionContext): PlaidLensApi {
  const output = vscode.window.createOutputChannel('Plaid Lens', { log: true });
  context.subscriptions.push(output);
  server = new PlaidLensServer(context, output);
  context.subscriptions.push(server);

  // The API data is read from the install folder when a view or page first needs it, not here.
  const catalog = ApiCatalog.of(context);
  const endpointLinks: EndpointLinks = {
    tokenEndpoints: (tokenId) => catalog.tokenEndpoints(tokenId),
    openEndpoint: (path) => void findApiEndpoint(apiTargets, path),
  };
  // Links inside the page go through showGlossaryEntry too, so the Glossary view follows the page.
  const detail = new GlossaryDetail((id) => openEntry(id), endpointLinks);
  context.subscriptions.push(detail);
  const glossary = registerGlossaryTree(context);
  const index = new TokenIndex().watchDocuments();
  context.subscriptions.push(index);
  const scanner = new WorkspaceScan(server, index);
  const targets: CommandTargets = { server, glossary, detail, scanner };
  const openEntry = (id: string): void => void showGlossaryEntry(targets, id);

  const apiPage = new ApiEndpointPage(catalog, openEntry);
  context.subscriptions.push(apiPage);
  const apiTargets: ApiTargets = { catalog, page: apiPage, tree: registerApiTree(context, catalog) };
  registerApiCommands(context, apiTargets);

  const lifecycle = registerLifecycleView(context, openEntry, endpointLinks);
  const gitHistory = registerGitHistory(context);
  const tokensTree = registerTokensView(context, index, gitHistory);
  const decoder = registerDecoder(context, server, openEntry);
  registerStatusBar(context, server);
  registerCommands(context, targets);

  const running = server;
  running.start().catch((error: unknown) => {
    output.error(`The Plaid Lens language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });

  return {
    decode: (token) => decoder.decode(token),
    serverStatus: () => running.status,
    onDidChangeServerStatus: running.onDidChangeStatus,
    serverProcessId: () => running.processId,
    glossaryTree: glossary.provider,
    tokensTree,
    gitHistory,
    showGlossaryEntry: (id) => showGlossaryEntry(targets, id),
    shownGlossaryEntry: () => detail.shownEntryId,
    apiTree: apiTargets.tree.provider,
    showApiEndpoint: (query) => findApiEndpoint(apiTargets, query),
    shownApiEndpoint: () => apiPage.shownEndpoint,
    apiDataLoaded: () => catalog.loaded,
    lifecycleViewVisible: () => lifecycle.visible,
    scanWorkspace: async (token) => {
      const cancellation = new vscode.CancellationTokenSource();
      try {
        return await scanner.scan({ report: () => undefined }, token ?? cancellation.token);
      } finally {
        cancellation.dispose();
      }
    },
  };
}

/** Stops the language server so the window closes without leaving it running. */
export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
