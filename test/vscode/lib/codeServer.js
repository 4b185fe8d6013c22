'use strict';
// code-server (VS Code 1.100.3 served over HTTP) as a child process on a loopback port: install, start, wait, stop.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { pollUntil, withDeadline } = require('./deadline');

const INSTALL_SCRIPT = path.join(__dirname, '..', 'install-code-server.sh');
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** Runs the idempotent install script and returns the code-server executable path. */
function ensureCodeServer() {
  const result = spawnSync('bash', [INSTALL_SCRIPT], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`test/vscode/install-code-server.sh failed with exit code ${result.status}`);
  }
  const bin = result.stdout.trim().split('\n').pop();
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`install-code-server.sh did not print a code-server path (got "${bin}")`);
  }
  return bin;
}

/** Asks the kernel for a free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for code-server: the sandbox's home, and no extension gallery so nothing dials out. */
function codeServerEnv(sandbox, extraEnv) {
  return { ...sandbox.env, EXTENSIONS_GALLERY: '{}', ...extraEnv };
}

/** Installs a VSIX into the sandbox's extensions folder with `code-server --install-extension`. */
function installExtension(bin, sandbox, vsixPath) {
  const result = spawnSync(
    bin,
    ['--extensions-dir', sandbox.extensionsDir, '--user-data-dir', sandbox.userDataDir, '--install-extension', vsixPath],
    { encoding: 'utf8', env: codeServerEnv(sandbox, {}), timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return `${result.stdout}${result.stderr}`;
}

/**
 * Starts code-server on a free loopback port with `folder` open and resolves once `/healthz` answers.
 * The returned handle's `stop()` ends the whole process group (server, extension hosts, pty host).
 */
async function startCodeServer({ bin, sandbox, folder, env = {} }) {
  const port = await freePort();
  const logFile = path.join(sandbox.root, `code-server-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--extensions-dir', sandbox.extensionsDir,
    '--user-data-dir', sandbox.userDataDir,
    folder,
  ];
  // detached: its own process group, so one signal reaches every process it spawns.
  const child = spawn(bin, args, { env: codeServerEnv(sandbox, env), stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const handle = {
    port,
    origin: `http://127.0.0.1:${port}`,
    logFile,
    /** The last `lines` lines of code-server's log, for failure reports. */
    logTail(lines = 40) {
      return fs.readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    },
    stop: async () => {
      await stopProcessGroup(child, exited);
      process.removeListener('exit', killOnExit);
    },
  };
  // Last resort when the runner itself dies: no code-server may outlive it.
  const killOnExit = () => killGroup(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);
  try {
    await Promise.race([
      pollUntil(() => healthy(handle.origin), { timeoutMs: HEALTH_TIMEOUT_MS, what: 'code-server /healthz' }),
      exited.then(({ code, signal }) => {
        throw new Error(`code-server exited early (code ${code}, signal ${signal})`);
      }),
    ]);
  } catch (error) {
    await handle.stop();
    error.message += `\n--- code-server log ---\n${handle.logTail()}`;
    throw error;
  }
  return handle;
}

/** True when `GET /healthz` answers 200. */
function healthy(origin) {
  return new Promise((resolve) => {
    const request = http.get(`${origin}/healthz`, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2_000, () => request.destroy());
  });
}

/** Sends SIGTERM to the child's process group, then SIGKILL if it has not exited within the deadline. */
async function stopProcessGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child.pid, 'SIGKILL'); // the leader is gone; make sure its children are too
    return;
  }
  killGroup(child.pid, 'SIGTERM');
  try {
    await withDeadline(exited, STOP_TIMEOUT_MS, 'code-server shutdown');
  } catch {
    killGroup(child.pid, 'SIGKILL');
    await exited;
  }
  killGroup(child.pid, 'SIGKILL');
}

/** Signals a process group by its leader's id, ignoring a group that no longer exists. */
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') {
      throw error;
    }
  }
}

module.exports = { ensureCodeServer, startCodeServer, installExtension };
