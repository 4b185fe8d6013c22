'use strict';
/**
 * A minimal LSP client over a real stdio connection to `dist/server.js --stdio`, built on
 * vscode-languageserver-protocol: it answers the server's requests (settings, registrations), and lets a caller
 * wait for the `publishDiagnostics` of a given document version.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const rpc = require('vscode-languageserver-protocol/node');
const { SERVER } = require('./paths');

/** How long any single wait on the server may take before the measurement is abandoned. */
const WAIT_LIMIT_MS = 60_000;

/**
 * Starts the server and returns a client once the process is spawned (not yet initialized).
 * `settings` is what the client answers for the `plaidLens` section of `workspace/configuration`; `nodeArgs` go to
 * Node before the script, e.g. `['--cpu-prof', '--cpu-prof-dir=DIR']` or `['--expose-gc']`.
 */
function startServer({ settings, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const spawnedAt = performance.now();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'plaidLens' ? settings : null)));
  // Registrations, progress tokens, message requests: accepted and answered empty.
  connection.onRequest(() => null);
  connection.onNotification(() => undefined);
  const waiters = new Map();
  const latest = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const at = performance.now();
    latest.set(params.uri, { at, params });
    const key = `${params.version}@${params.uri}`;
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter.resolve({ at, params });
    }
  });
  connection.listen();
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  return {
    child,
    spawnedAt,
    connection,
    stderr: () => stderr,
    /** Sends `initialize` and `initialized`; resolves with the time the answer arrived. */
    async initialize() {
      const result = await withDeadline(connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
          workspace: { configuration: true },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
          },
        },
      }), 'initialize');
      const at = performance.now();
      connection.sendNotification('initialized', {});
      return { at, result };
    },
    /** Resolves with `{ at, params }` when diagnostics for `uri` at `version` arrive. */
    diagnostics(uri, version) {
      const key = `${version}@${uri}`;
      const found = latest.get(uri);
      if (found && found.params.version === version) return Promise.resolve(found);
      return withDeadline(new Promise((resolve) => waiters.set(key, { resolve })), `diagnostics for ${uri} v${version}`);
    },
    /** Sends a request and waits for its answer, within the wait limit. */
    request(method, params) {
      return withDeadline(connection.sendRequest(method, params), method);
    },
    /** Reads the server's resident and peak memory from /proc, in kilobytes. */
    memory() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssKb: field('VmRSS'), peakRssKb: field('VmHWM') };
    },
    /** Shuts the server down politely, and kills it (this child only) if it does not exit in time. */
    async stop() {
      try {
        await withDeadline(connection.sendRequest('shutdown'), 'shutdown', 5_000);
        connection.sendNotification('exit');
      } catch {
        // fall through to the kill below
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

/** Rejects when `promise` has not settled within `ms`. */
function withDeadline(promise, what, ms = WAIT_LIMIT_MS) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s: ${what}`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Line starts of a text, for offset → position conversion. */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The LSP position of `offset`, given the text's line starts (UTF-16 columns; the corpus is ASCII). */
function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

module.exports = { startServer, lineStarts, positionAt };
