/**
 * The Plaid Lens language server: wires the connection to one module per feature. Loaded by `server.ts`, the entry
 * point, it starts itself; the transport comes from the command line (`--stdio` for most editors, `--node-ipc` for
 * the VS Code client).
 */
// First: the V8 settings must apply before anything else loads.
import { favourSizeOnceLoaded } from './v8Settings';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { apiEndpoint, listApi, tokenEndpoints } from './apiRequests';
import { codeActions, resolveCodeAction } from './codeActions';
import { executeCommand, glossaryEntry, listGlossary, SERVER_COMMANDS } from './commands';
import { CONFIG_FILE_NAME, ConfigFiles } from './configFiles';
import { COMPLETION_TRIGGERS, completionAt } from './completion';
import { clientFeatures, type ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStates, recordingDocuments } from './documents';
import { hoverAt } from './hover';
import { guardNotification, guardRequest, Logger } from './log';
import {
  ApiEndpointRequest,
  ApiListRequest,
  GlossaryEntryRequest,
  GlossaryListRequest,
  ScanWorkspaceRequest,
  TokenEndpointsRequest,
  type TraceLevel,
} from './protocol';
import { SettingsSource } from './settings';
import { connect } from './transport';
import { WorkspaceFolders } from './workspace';
import type { WorkspaceScanner } from './workspaceScan';

// vscode-languageserver would also serve over --socket or --pipe; those open a connection this server never makes.
const refused = process.argv.find((arg) => /^--(socket|pipe)(=|$)/.test(arg));
if (refused !== undefined) {
  process.stderr.write(`plaid-lens: ${refused.split('=')[0]} is not supported; use --stdio or --node-ipc\n`);
  process.exit(2);
}

favourSizeOnceLoaded();
const connection = connect();
const states = new DocumentStates();
// Each change is also kept as offsets, so that the next diagnose run re-scans only around it.
const documents = new TextDocuments(recordingDocuments(states));
const logger = new Logger(connection);
const context: ServerContext = {
  connection,
  documents,
  logger,
  states,
  folders: new WorkspaceFolders(),
  configFiles: new ConfigFiles(logger),
  settings: new SettingsSource(connection, logger, () => context.features.configuration),
  features: clientFeatures({}),
};
const publisher = new DiagnosticsPublisher(context);
let workspaceScanner: WorkspaceScanner | undefined;
/** The client's name and version, for the log. */
let clientName = 'an unnamed client';

connection.onInitialize((params: InitializeParams): InitializeResult => {
  context.features = clientFeatures(params.capabilities, params.initializationOptions);
  if (params.clientInfo) clientName = `${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trim();
  context.folders.set(initialFolders(params));
  logger.setLevel(traceLevel(params.trace));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
      executeCommandProvider: { commands: SERVER_COMMANDS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'plaid-lens' },
  };
});

connection.onInitialized(
  guardNotification(logger, 'initialized', async () => {
    if (context.features.configurationRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'plaidLens' });
    }
    if (context.features.watchedFilesRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }],
      });
    }
    if (context.features.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        context.folders.change(event.added, event.removed);
        configChanged();
      });
    }
    await refreshTraceLevel();
    logger.info(`Plaid Lens server ready for ${clientName}; ${context.folders.count()} workspace folder(s)`);
  }),
);

connection.onDidChangeConfiguration(
  guardNotification(logger, 'didChangeConfiguration', async (change) => {
    context.settings.configurationChanged(change.settings);
    context.states.forgetSettings();
    publisher.scheduleAll();
    await refreshTraceLevel();
  }),
);

connection.onDidChangeWatchedFiles(
  guardNotification(logger, 'didChangeWatchedFiles', (params) => {
    if (params.changes.some((change) => isConfigFile(change.uri))) configChanged();
  }),
);

documents.onDidChangeContent(guardNotification(logger, 'didChange', (event) => publisher.schedule(event.document)));
documents.onDidOpen(
  guardNotification(logger, 'didOpen', (event) => {
    if (isConfigFile(event.document.uri)) configChanged();
  }),
);
// The disk, where config files are read from, changes on save, not on each keystroke; this also covers clients
// without file watching (Neovim 0.7).
documents.onDidSave(
  guardNotification(logger, 'didSave', (event) => {
    if (isConfigFile(event.document.uri)) configChanged();
  }),
);
documents.onDidClose(
  guardNotification(logger, 'didClose', (event) => {
    context.states.delete(event.document.uri);
    publisher.clear(event.document.uri);
  }),
);

connection.onHover(
  guardRequest(logger, 'hover', (params) => {
    const document = documents.get(params.textDocument.uri);
    if (document === undefined) return null;
    const findings = context.states.scannedAt(document.uri, document.version);
    const { markdownHover: markdown, commandLinks } = context.features;
    return hoverAt(document, document.offsetAt(params.position), findings, { markdown, commandLinks });
  }),
);
connection.onCompletion(
  guardRequest(logger, 'completion', (params) => {
    const document = documents.get(params.textDocument.uri);
    return document === undefined ? null : completionAt(document, document.offsetAt(params.position));
  }),
);
connection.onRequest(ApiListRequest.type, guardRequest(logger, ApiListRequest.method, listApi));
connection.onRequest(ApiEndpointRequest.type, guardRequest(logger, ApiEndpointRequest.method, apiEndpoint));
connection.onRequest(TokenEndpointsRequest.type, guardRequest(logger, TokenEndpointsRequest.method, tokenEndpoints));
connection.onCodeAction(guardRequest(logger, 'codeAction', (params) => codeActions(context, params)));
connection.onCodeActionResolve(guardRequest(logger, 'codeAction/resolve', (action) => resolveCodeAction(context, action)));
connection.onExecuteCommand(guardRequest(logger, 'executeCommand', executeCommand));
connection.onRequest(GlossaryListRequest.type, guardRequest(logger, GlossaryListRequest.method, listGlossary));
connection.onRequest(GlossaryEntryRequest.type, guardRequest(logger, GlossaryEntryRequest.method, glossaryEntry));
connection.onRequest(ScanWorkspaceRequest.type, (params, token) =>
  guardRequest(logger, ScanWorkspaceRequest.method, (p: typeof params) => scanner().scan(p, token))(params),
);

// A bug in one handler must not take the server down with every open editor's diagnostics.
process.on('uncaughtException', (error) => logger.error('Unexpected error', error));
process.on('unhandledRejection', (error) => logger.error('Unexpected rejection', error));

documents.listen(connection);
connection.listen();

/**
 * The workspace scan, loaded on its first request: most sessions never ask for one, and its file walker and
 * scanning threads would otherwise load (and stay in memory) with every editor that starts the server.
 */
function scanner(): WorkspaceScanner {
  if (workspaceScanner === undefined) {
    const { WorkspaceScanner: Scanner } = require('./workspaceScan') as typeof import('./workspaceScan');
    // The scanning threads' script is bundled next to this one.
    workspaceScanner = new Scanner(context, path.join(__dirname, 'scanWorker.js'));
  }
  return workspaceScanner;
}

/** Drops cached config files and rescans every open document. */
function configChanged(): void {
  logger.info(`A ${CONFIG_FILE_NAME} file or the workspace folders changed; rescanning open documents`);
  context.configFiles.invalidate();
  publisher.scheduleAll();
}

function isConfigFile(uri: string): boolean {
  return uri.endsWith(`/${CONFIG_FILE_NAME}`);
}

/** Workspace folders from `initialize`, falling back to the deprecated `rootUri`. */
function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders) return params.workspaceFolders;
  return params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : [];
}

/** The log level `initialize` asks for (`compact` is a quieter `verbose`; both get detail). */
function traceLevel(trace: InitializeParams['trace']): TraceLevel {
  return trace === 'verbose' || trace === 'compact' ? 'verbose' : trace === 'messages' ? 'messages' : 'off';
}

/** Takes the log level from the window-wide `plaidLens.trace.server` setting, when the client has settings. */
async function refreshTraceLevel(): Promise<void> {
  if (!context.features.configuration) return;
  logger.setLevel((await context.settings.fetch()).trace.server);
}
