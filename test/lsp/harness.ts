/**
 * A real LSP client for tests: spawns the built server over stdio, answers its requests (settings,
 * registrations) and records what it sends, so tests can wait for a notification with a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The repository root, seen from `out/test/lsp`. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The built server the tests talk to. */
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');

/** The fixture folder (sources, not compiled). */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'lsp', 'fixtures');

/** Seconds any single wait may take before the test fails. */
export const DEADLINE_SECONDS = 10;

/** Rejects when the promise has not settled within `seconds`, naming what was awaited. */
export function withDeadline<T>(promise: Promise<T>, what: string, seconds = DEADLINE_SECONDS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`No ${what} within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Everything of one kind the server sent, in order, with a way to wait for the next match. */
export class EventLog<T> {
  readonly items: T[] = [];
  private waiters: { from: number; predicate: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  /** Records an item and wakes the waiters it satisfies. */
  push(item: T): void {
    this.items.push(item);
    const index = this.items.length - 1;
    this.waiters = this.waiters.filter((w) => {
      if (index < w.from || !w.predicate(item)) return true;
      w.resolve(item);
      return false;
    });
  }

  /** The position of the next item, to wait for items that arrive after now. */
  mark(): number {
    return this.items.length;
  }

  /** The first item at or after `from` that matches, waiting for it with a deadline. */
  waitFor(predicate: (item: T) => boolean, what: string, from = 0): Promise<T> {
    const found = this.items.slice(from).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return withDeadline(new Promise<T>((resolve) => this.waiters.push({ from, predicate, resolve })), what);
  }
}

/** Capabilities of a modern client, like VS Code's in what matters here. */
export function fullCapabilities(): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      executeCommand: { dynamicRegistration: false },
    },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
    },
  };
}

/** How to start a test server. */
export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** Workspace folders as paths. */
  folders?: string[];
  /** `plaidLens` settings returned for every scope; may be changed later through {@link TestServer.settings}. */
  settings?: unknown;
  trace?: 'off' | 'messages' | 'verbose';
  /** Sent as `initializationOptions`; by default the client says it runs command links, as the VS Code client does. */
  initializationOptions?: unknown;
}

/** A running server and the client side of its connection. */
export class TestServer {
  readonly diagnostics = new EventLog<PublishDiagnosticsParams>();
  readonly messages = new EventLog<ShowMessageParams>();
  readonly logs = new EventLog<LogMessageParams>();
  readonly registrations = new EventLog<Registration>();
  /** Every `window/showMessageRequest`: the server should never ask, only tell. */
  readonly messageRequests: unknown[] = [];
  /** What `workspace/configuration` answers for the `plaidLens` section. */
  settings: unknown;
  /** How many `workspace/configuration` requests the server sent. */
  configurationRequests = 0;
  stderr = '';
  initializeResult?: InitializeResult;
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => process.on('exit', (code) => resolve(code)));
    process.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  /** Spawns `node dist/server.js --stdio` and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<TestServer> {
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new TestServer(child, connection);
    server.settings = options.settings;
    server.listen();
    connection.listen();
    const folders = (options.folders ?? []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    server.initializeResult = await withDeadline(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities: options.capabilities ?? fullCapabilities(),
        trace: options.trace ?? 'off',
        initializationOptions: 'initializationOptions' in options ? options.initializationOptions : { commandLinks: true },
      }),
      'initialize response',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.push(p));
    c.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p));
    c.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    c.onRequest(ShowMessageRequest.type, (p) => {
      this.messageRequests.push(p);
      return null;
    });
    c.onRequest(RegistrationRequest.type, (p) => {
      for (const registration of p.registrations) this.registrations.push(registration);
    });
    c.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      return p.items.map((item) => (item.section === 'plaidLens' ? this.settings ?? null : null));
    });
  }

  /** Opens a document and returns its text model as the client sees it. */
  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends an incremental change and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const document = TextDocument.create(uri, 'plaintext', version - 1, this.texts.get(uri) ?? '');
    this.texts.set(uri, TextDocument.update(document, changes, version).getText());
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Closes a document. */
  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Tells the server a document was saved. */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Reports file-system changes, as a client's file watcher does. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** The text of an open document as the client holds it. */
  text(uri: string): string {
    return this.texts.get(uri) ?? '';
  }

  /** The version of an open document. */
  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  /** Changes the settings and tells the server, the way VS Code does. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Waits for the diagnostics of a document at its current version (or those published after `from`). */
  diagnosticsFor(uri: string, from = 0): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.diagnostics.waitFor((p) => p.uri === uri && (p.version === undefined || p.version === version), `diagnostics for ${uri} v${version}`, from);
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndDiagnose(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    const from = this.diagnostics.mark();
    await this.open(uri, languageId, text);
    return this.diagnosticsFor(uri, from);
  }

  /** Asks for the quick fixes of the given diagnostics, optionally of some kinds only. */
  async quickFixes(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const context = { diagnostics, ...(only ? { only } : {}) };
    const result = await withDeadline(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }), 'code actions');
    return (result ?? []) as CodeAction[];
  }

  /** Resolves a code action's edit. */
  resolve(action: CodeAction): Promise<CodeAction> {
    return withDeadline(this.connection.sendRequest(CodeActionResolveRequest.type, action), 'codeAction/resolve');
  }

  /** Shuts the server down politely and waits for the process to end; returns its exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode === null) {
      await withDeadline(this.connection.sendRequest(ShutdownRequest.type), 'shutdown response');
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await withDeadline(this.exited, 'server exit');
    this.connection.dispose();
    return code;
  }
}

/** A `file:` URI for a path. */
export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
