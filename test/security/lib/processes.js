'use strict';
/**
 * Running the built bundles as child processes with a deadline, temporary folders, and a bounded parallel map.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO_ROOT } = require('./planted');

/** The bundles under test. */
const DIST = {
  cli: path.join(REPO_ROOT, 'dist', 'cli.js'),
  server: path.join(REPO_ROOT, 'dist', 'server.js'),
  extension: path.join(REPO_ROOT, 'dist', 'extension.js'),
};

/** A child that has not exited by then is killed and the test fails instead of hanging the suite. */
const DEFAULT_DEADLINE_MS = 30_000;

/** Fails with a clear message when `npm run build` has not produced the bundles. */
function assertBuilt() {
  for (const file of Object.values(DIST)) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: run \`npm run build\` first`);
  }
}

/**
 * Runs `command args` in `cwd`, feeding `stdin`, and resolves with its exit code, stdout and stderr once it exits.
 * Rejects when it outlives `deadlineMs`.
 */
function run(command, args, { cwd, stdin = '', deadlineMs = DEFAULT_DEADLINE_MS, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: env || process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(command)} ${args.join(' ').slice(0, 200)} did not exit within ${deadlineMs} ms`));
    }, deadlineMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // a child that exits without reading stdin is not an error here
    child.stdin.end(stdin);
  });
}

/** Runs `node dist/cli.js ...args`. */
function runCli(args, options) {
  return run(process.execPath, [DIST.cli, ...args], options);
}

/**
 * Runs the bundled CLI's `main` inside this process, with captured streams: the same code as `node dist/cli.js`
 * without a process start, for checks that run hundreds of commands. Resolves like {@link run}.
 */
async function runCliInProcess(args, { cwd, stdin = '' } = {}) {
  const { main } = require(DIST.cli);
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    readStdin: async () => stdin,
  });
  return { code, signal: null, stdout, stderr };
}

/** Maps `items` with at most `limit` calls in flight, keeping the input order in the result. */
async function mapLimit(items, limit, map) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A fresh temporary folder (its real path, so symlinked /tmp does not change what tools print). */
function makeTempDir(label) {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `plaid-lens-security-${label}-`)));
}

/** Removes a temporary folder, restoring permissions a test may have taken away first. */
function removeTree(root) {
  if (!fs.existsSync(root)) return;
  const restore = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const target = path.join(dir, entry.name);
        fs.chmodSync(target, 0o755);
        restore(target);
      }
    }
  };
  restore(root);
  fs.rmSync(root, { recursive: true, force: true });
}

/** Writes `relative path → content` under `root`, creating folders; Buffers are written as bytes. */
function writeTree(root, files) {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}

module.exports = { DIST, assertBuilt, run, runCli, runCliInProcess, mapLimit, makeTempDir, removeTree, writeTree };
