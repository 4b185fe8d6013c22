'use strict';
/**
 * Start-up: from spawning `node dist/server.js --stdio` to the answer to `initialize`; the peer is how long a bare
 * `node -e 0` takes from spawn to exit on the same machine, the floor any Node server starts from.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { startServer } = require('../lib/lsp');
const { SERVER } = require('../lib/paths');
const { median } = require('../lib/proc');

/** Milliseconds from spawning `node -e 0` to its exit. */
function bareNode() {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return new Promise((resolve) => child.on('exit', () => resolve(performance.now() - started)));
}

/** The start-up section; each measure is the median of `runs`. */
async function runStartup({ quick }, log) {
  if (!fs.existsSync(SERVER)) return { available: false, reason: 'dist/server.js is not built' };
  const runs = quick ? 3 : 7;
  log(`startup: ${runs} server starts`);
  const server = [];
  const node = [];
  for (let i = 0; i < runs; i++) {
    const client = startServer({ settings: {} });
    try {
      const { at } = await client.initialize();
      server.push(at - client.spawnedAt);
    } finally {
      await client.stop();
    }
    node.push(await bareNode());
  }
  return { available: true, runs, serverMs: median(server), nodeMs: median(node), serverRunsMs: server, nodeRunsMs: node };
}

module.exports = { runStartup };
