#!/usr/bin/env node
/**
 * Runs the Neovim 0.7 headless client test (test/nvim/test.lua) against the built server and prints
 * `N passed, N failed`. Fails loudly when nvim is missing: CI installs it, so a skip would hide a broken setup.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const server = path.join(root, 'dist', 'server.js');
const cli = path.join(root, 'dist', 'cli.js');

function fail(message) {
  process.stderr.write(`\n*** test:nvim: ${message} ***\n\n`);
  process.exit(1);
}

const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  fail('nvim is not installed, so the Neovim client test cannot run. Install it (Debian: apt-get install -y neovim) and run `npm run test:nvim` again.');
}
for (const bundle of [server, cli]) {
  if (!fs.existsSync(bundle)) fail(`${path.relative(root, bundle)} is missing; run \`npm run build\` first.`);
}
process.stdout.write(`${version.stdout.split('\n')[0]}\n`);

// Neovim writes its state, logs and shada under the XDG folders; keep them out of the user's home.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'plaidlens-nvim-'));
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, 'config'),
  XDG_DATA_HOME: path.join(home, 'data'),
  XDG_CACHE_HOME: path.join(home, 'cache'),
  XDG_STATE_HOME: path.join(home, 'state'),
  PLAID_LENS_CLI: cli,
  PLAID_LENS_CONFIG: path.join(__dirname, 'plaid-lens.lua'),
  PLAID_LENS_FIXTURE: path.join(__dirname, 'fixtures', 'app.js'),
};

const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(__dirname, 'test.lua')}`], {
  cwd: path.join(__dirname, 'fixtures'),
  env,
  encoding: 'utf8',
  timeout: 60_000,
});
fs.rmSync(home, { recursive: true, force: true });

const lines = `${run.stdout ?? ''}`.split('\n');
const passed = lines.filter((line) => line.startsWith('ok - '));
const failed = lines.filter((line) => line.startsWith('not ok - '));
for (const line of [...passed, ...failed]) process.stdout.write(`${line}\n`);
if (run.stderr) process.stderr.write(run.stderr);
if (run.error) failed.push(`not ok - nvim did not finish: ${run.error.message}`);
else if (run.status !== 0 && failed.length === 0) failed.push(`not ok - nvim exited with ${run.status}`);
process.stdout.write(`\n${passed.length} passed, ${failed.length} failed\n`);
process.exit(failed.length === 0 && passed.length > 0 ? 0 : 1);
