/**
 * The services every feature shares, created once by `serverMain.ts`, and the two questions most features ask about
 * a document: which settings apply to it, and how it is to be scanned.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planScan, type ScanPlan } from './analysis';
import type { ConfigFiles } from './configFiles';
import type { DocumentStates } from './documents';
import type { Logger } from './log';
import type { InitializationOptions, PlaidLensSettings } from './protocol';
import type { SettingsSource } from './settings';
import type { WorkspaceFolders } from './workspace';

/** What the client can do, read once from `initialize`. */
export interface ClientFeatures {
  /** Answers `workspace/configuration`. */
  configuration: boolean;
  /** Accepts a dynamic registration of `workspace/didChangeConfiguration`. */
  configurationRegistration: boolean;
  /** Sends `workspace/didChangeWorkspaceFolders`. */
  workspaceFolders: boolean;
  /** Accepts a dynamic registration of `workspace/didChangeWatchedFiles`. */
  watchedFilesRegistration: boolean;
  /** Accepts version-checked `documentChanges` in workspace edits. */
  documentChanges: boolean;
  /** Applies workspace edits that create files and edit several documents at once. */
  createFilesInEdits: boolean;
  /** Can resolve a code action's edit lazily with `codeAction/resolve`. */
  codeActionResolve: boolean;
  /** Renders Markdown in hovers (its `hover.contentFormat` allows it, or says nothing). */
  markdownHover: boolean;
  /** Runs `command:` links in hovers, as its initialization options say (see {@link InitializationOptions}). */
  commandLinks: boolean;
}

/** Reads {@link ClientFeatures} from the client's capabilities and initialization options. */
export function clientFeatures(capabilities: ClientCapabilities, initializationOptions?: unknown): ClientFeatures {
  const workspace = capabilities.workspace;
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  const options = (typeof initializationOptions === 'object' ? initializationOptions : null) as InitializationOptions | null;
  const edit = workspace?.workspaceEdit;
  return {
    configuration: workspace?.configuration === true,
    configurationRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    watchedFilesRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    documentChanges: edit?.documentChanges === true,
    createFilesInEdits: edit?.documentChanges === true && (edit.resourceOperations ?? []).includes('create'),
    codeActionResolve: (capabilities.textDocument?.codeAction?.resolveSupport?.properties ?? []).includes('edit'),
    markdownHover: hoverFormats === undefined || hoverFormats.includes('markdown'),
    commandLinks: options?.commandLinks === true,
  };
}

/** The shared services. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  states: DocumentStates;
  folders: WorkspaceFolders;
  configFiles: ConfigFiles;
  settings: SettingsSource;
  logger: Logger;
  features: ClientFeatures;
}

/** The settings of an open document, pulled once and cached in its state until the configuration changes. */
export function settingsFor(context: ServerContext, uri: string): Promise<PlaidLensSettings> {
  const state = context.states.get(uri);
  state.settings ??= context.settings.fetch(uri);
  return state.settings;
}

/** How a document is to be scanned under its current settings and config file. */
export async function planFor(context: ServerContext, document: TextDocument): Promise<ScanPlan> {
  const settings = await settingsFor(context, document.uri);
  return planScan(document, { settings, configFiles: context.configFiles, folders: context.folders });
}
