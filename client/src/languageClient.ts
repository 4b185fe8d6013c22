/**
 * Starts the Plaid Lens language server (`dist/server.js`, node IPC) for every file and untitled buffer, and tells
 * the rest of the client how it is doing. A server that dies is restarted by vscode-languageclient, up to
 * {@link MAX_RESTARTS} times in three minutes.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LSPErrorCodes,
  ResponseError,
  State,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import { decodeToken, type DecodedToken } from '../../server/src/engine';
import {
  DecodeTokenCommand,
  ScanWorkspaceRequest,
  ShowGlossaryEntryCommand,
  type DecodeTokenResult,
  type InitializationOptions,
  type ScanWorkspaceResult,
} from '../../server/src/protocol';
import { MaskingOutputChannel } from './maskingChannel';

/** One work-done progress notification from the server. */
export type WorkDoneProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** How the server is doing, as the status bar shows it. */
export type ServerStatus = 'starting' | 'running' | 'stopped';

/** Crashes tolerated within three minutes before the client gives up (vscode-languageclient's own default). */
export const MAX_RESTARTS = 4;

/** The client id: also the prefix of the `plaidLens.trace.server` setting vscode-languageclient reads. */
const CLIENT_ID = 'plaidLens';

/** The language client and its state, wrapped for the UI. */
export class PlaidLensServer implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly statusChanged = new vscode.EventEmitter<ServerStatus>();
  /** Fires whenever {@link status} changes. */
  readonly onDidChangeStatus = this.statusChanged.event;

  constructor(context: vscode.ExtensionContext, output: vscode.LogOutputChannel) {
    const module = context.asAbsolutePath('dist/server.js');
    // No --inspect in debug mode: it would open a port, and nothing here may listen on the network.
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc },
    };
    // No `synchronize.fileEvents`: the server registers its own `.plaidlens.json` watcher, and a second one here
    // would send every change twice.
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }],
      outputChannel: new MaskingOutputChannel(output),
      diagnosticCollectionName: 'plaid-lens',
      // Hovers link to glossary entries through this one command; no other command may run from their Markdown.
      markdown: { isTrusted: { enabledCommands: [ShowGlossaryEntryCommand.id] }, supportThemeIcons: true },
      connectionOptions: { maxRestartCount: MAX_RESTARTS },
      initializationOptions: { commandLinks: true } satisfies InitializationOptions,
    };
    this.client = new LanguageClient(CLIENT_ID, 'Plaid Lens', serverOptions, clientOptions);
    this.client.onDidChangeState(() => this.statusChanged.fire(this.status));
  }

  /** The server's state now. */
  get status(): ServerStatus {
    switch (this.client.state) {
      case State.Running:
        return 'running';
      case State.Starting:
        return 'starting';
      default:
        return 'stopped';
    }
  }

  /** Starts the server; resolves once it answered `initialize`. */
  start(): Promise<void> {
    return this.client.start();
  }

  /** Stops and starts the server again, e.g. after it gave up restarting itself. */
  restart(): Promise<void> {
    return this.client.restart();
  }

  /** The server process's id while it runs, e.g. for a test that kills it to see it come back. */
  get processId(): number | undefined {
    return this.client.serverProcess?.pid;
  }

  /**
   * Decodes a token with the server's `plaidLens.decodeToken` command. While the server is down the same engine
   * function runs here instead, so the decoder never waits on a restart. The result is masked either way.
   */
  async decode(token: string): Promise<DecodedToken> {
    if (!this.client.isRunning()) return decodeToken(token);
    const result: DecodeTokenResult = await this.client.sendRequest(ExecuteCommandRequest.type, {
      command: DecodeTokenCommand.id,
      arguments: [token],
    });
    return result;
  }

  /**
   * Asks the server to scan the workspace (`plaidLens/scanWorkspace`), passing its work-done progress, reported to a
   * token of this call's own, to `onProgress`. Resolves to undefined when `token` (or the server) cancelled the scan.
   */
  async scanWorkspace(onProgress: (value: WorkDoneProgressValue) => void, token: vscode.CancellationToken): Promise<ScanWorkspaceResult | undefined> {
    const workDoneToken = `plaidLens/scanWorkspace/${randomUUID()}`;
    const listener = this.client.onProgress(WorkDoneProgress.type, workDoneToken, onProgress);
    try {
      return await this.client.sendRequest(ScanWorkspaceRequest.type, { workDoneToken }, token);
    } catch (error) {
      if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) return undefined;
      throw error;
    } finally {
      listener.dispose();
    }
  }

  /** Shows the output channel. */
  showOutput(): void {
    this.client.outputChannel.show(true);
  }

  /** Stops the server; used on deactivation. */
  async stop(): Promise<void> {
    if (this.client.isRunning()) await this.client.stop();
  }

  dispose(): void {
    this.statusChanged.dispose();
    void this.client.dispose();
  }
}
