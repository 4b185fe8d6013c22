'use strict';
/**
 * A real LSP client over stdio for the security tests: spawns `dist/server.js --stdio` (optionally under a wrapper
 * such as strace), answers the server's requests, and records every message in both directions, the raw bytes of
 * the server's stdout and its stderr, so a test can search all of it.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  DidOpenTextDocumentNotification,
  PublishDiagnosticsNotification,
} = require('vscode-languageserver-protocol/node');
const { DIST } = require('./processes');

// The stdio LSP tests' helpers, as compiled by `tsc -b` (the suite runs after the build): one client setup for both.
const lspHarness = require('../../../out/test/lsp/harness');

const { fullCapabilities, fileUri } = lspHarness;

/** Seconds any single wait may take before the test fails: more than the LSP tests allow, since strace slows the server. */
const DEADLINE_SECONDS = 20;

/** Rejects when `promise` has not settled within the deadline, naming what was awaited. */
function withDeadline(promise, what) {
  return lspHarness.withDeadline(promise, what, DEADLINE_SECONDS);
}

/** A running server and everything it has said. */
class LspClient {
  /**
   * @param {object} options
   * @param {string[]} [options.folders] workspace folders as paths
   * @param {unknown} [options.settings] what `workspace/configuration` answers for `plaidLens`
   * @param {string[]} [options.wrapper] a command to run the server under, e.g. `['strace', '-f', …]`
   * @param {string} [options.trace] the `trace` of `initialize`
   */
  constructor(options = {}) {
    this.options = options;
    this.settings = options.settings;
    /** Every message the server sent, parsed, in order. */
    this.received = [];
    /** Every message this client sent, in order. */
    this.sent = [];
    this.rawStdout = '';
    this.stderr = '';
    this.waiters = [];
    const wrapper = options.wrapper || [];
    const command = wrapper.length > 0 ? wrapper[0] : process.execPath;
    const args = [...wrapper.slice(1), ...(wrapper.length > 0 ? [process.execPath] : []), DIST.server, '--stdio'];
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.process.stdout.on('data', (chunk) => (this.rawStdout += chunk.toString('utf8')));
    this.process.stderr.on('data', (chunk) => (this.stderr += chunk.toString('utf8')));
    this.process.stdin.on('error', () => undefined); // a server that died is reported by the test, not by EPIPE
    const reader = new StreamMessageReader(this.process.stdout);
    const listen = reader.listen.bind(reader);
    reader.listen = (callback) =>
      listen((message) => {
        this.received.push(message);
        this.wake(message);
        callback(message);
      });
    const writer = new StreamMessageWriter(this.process.stdin);
    const write = writer.write.bind(writer);
    writer.write = (message) => {
      this.sent.push(message);
      return write(message);
    };
    this.connection = createProtocolConnection(reader, writer);
    this.answerServerRequests();
    this.connection.listen();
  }

  answerServerRequests() {
    this.connection.onRequest((method, params) => {
      if (method === 'workspace/configuration') return params.items.map((item) => (item.section === 'plaidLens' ? this.settings ?? null : null));
      return null;
    });
    // Every notification is recorded by the reader; this only keeps the connection from logging "unhandled".
    this.connection.onNotification(() => undefined);
  }

  /** Initializes with the given workspace folders and trace, then sends `initialized`. */
  async initialize(capabilities = fullCapabilities()) {
    const folders = (this.options.folders || []).map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) }));
    this.initializeResult = await withDeadline(
      this.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folders.length > 0 ? folders[0].uri : null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities,
        trace: this.options.trace || 'off',
      }),
      'initialize response',
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  /** Sends a request with a deadline; resolves with the result or, for an error response, `{ error }`. */
  async request(method, params, what = method) {
    try {
      return { result: await withDeadline(this.connection.sendRequest(method, params), `${what} response`) };
    } catch (error) {
      if (error && typeof error.code === 'number') return { error };
      throw error;
    }
  }

  /** Sends a notification. */
  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }

  /** Waits for the first received message at or after index `from` that matches. */
  waitFor(predicate, what, from = 0) {
    const found = this.received.slice(from).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return withDeadline(new Promise((resolve) => this.waiters.push({ from, predicate, resolve })), what);
  }

  wake(message) {
    const index = this.received.length - 1;
    this.waiters = this.waiters.filter((w) => {
      if (index < w.from || !w.predicate(message)) return true;
      w.resolve(message);
      return false;
    });
  }

  /** Opens a document and waits for the diagnostics of that version. */
  async openAndDiagnose(uri, languageId, text, version = 1) {
    const from = this.received.length;
    await this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    const message = await this.waitFor(
      (m) => m.method === PublishDiagnosticsNotification.type.method && m.params.uri === uri && (m.params.version === undefined || m.params.version === version),
      `diagnostics for ${uri} v${version}`,
      from,
    );
    return message.params.diagnostics;
  }

  /** Notifications of one method received so far. */
  notifications(method) {
    return this.received.filter((m) => m.method === method && m.id === undefined).map((m) => m.params);
  }

  /** Shuts down politely, sends `exit`, and waits for the process to end. */
  async stop() {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      await withDeadline(this.connection.sendRequest(ShutdownRequest.type), 'shutdown response');
      await this.connection.sendNotification(ExitNotification.type);
    }
    const exit = await withDeadline(this.exited, 'server exit');
    this.connection.dispose();
    return exit;
  }

  /** Kills the server if a test failed half-way, so no process outlives the suite. */
  kill() {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
    this.connection.dispose();
  }

  /** The method of the request this client sent with `id`, to say where a response came from. */
  methodOfRequest(id) {
    const request = this.sent.find((m) => m.id === id && m.method !== undefined);
    return request ? request.method : 'unknown request';
  }
}

/** 0-based line and UTF-16 character of an offset in `\n`-separated text. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

module.exports = { LspClient, fileUri, positionAt };
