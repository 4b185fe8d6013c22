#!/usr/bin/env node
/**
 * Runs the Emacs + eglot client test (test/emacs/test.el) against the built server and prints `N passed, N failed`.
 * Fails loudly when Emacs or eglot is missing: CI installs them, so a skip would hide a broken setup.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const server = path.join(root, 'dist', 'server.js');
// `-Q` without `--no-site-lisp`: Debian's elpa-eglot lives under site-lisp, where a user's Emacs finds it too.
const EMACS_FLAGS = ['--batch', '--no-init-file', '--no-site-file'];

function fail(message) {
  process.stderr.write(`\n*** test:emacs: ${message} ***\n\n`);
  process.exit(1);
}

const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  fail('emacs is not installed, so the Emacs client test cannot run. Install it (Debian: apt-get install -y emacs-nox elpa-eglot) and run `npm run test:emacs` again.');
}
const eglot = spawnSync('emacs', [...EMACS_FLAGS, '--eval', '(princ (or (locate-library "eglot") ""))'], { encoding: 'utf8' });
if (eglot.status !== 0 || !eglot.stdout.trim()) {
  fail('eglot is not installed, so the Emacs client test cannot run. Install it (Debian: apt-get install -y elpa-eglot) and run `npm run test:emacs` again.');
}
for (const bundle of [server, cli]) {
  if (!fs.existsSync(bundle)) fail(`${path.relative(root, bundle)} is missing; run \`npm run build\` first.`);
}
process.stdout.write(`${version.stdout.split('\n')[0]}, eglot from ${eglot.stdout.trim()}\n`);

// A project of its own outside the repository, so eglot's project root is the fixtures and nothing lands in the tree;
// HOME and the XDG folders keep Emacs' state out of the user's home.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'plaidlens-emacs-'));
const project = path.join(home, 'project');
fs.cpSync(path.join(__dirname, 'fixtures'), project, { recursive: true });
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, 'config'),
  XDG_DATA_HOME: path.join(home, 'data'),
  XDG_CACHE_HOME: path.join(home, 'cache'),
  XDG_STATE_HOME: path.join(home, 'state'),
  PLAID_LENS_CLI: cli,
  PLAID_LENS_PROJECT: project,
};

const args = [...EMACS_FLAGS, '-l', path.join(__dirname, 'plaid-lens.el'), '-l', path.join(__dirname, 'test.el')];
const run = spawnSync('emacs', args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
fs.rmSync(home, { recursive: true, force: true });

const lines = `${run.stdout ?? ''}`.split('\n');
const passed = lines.filter((line) => line.startsWith('ok - '));
const failed = lines.filter((line) => line.startsWith('not ok - '));
if (run.error) failed.push(`not ok - emacs did not finish: ${run.error.message}`);
else if (run.status !== 0 && failed.length === 0) failed.push(`not ok - emacs exited with ${run.status}`);
// Emacs prints its messages (eglot's among them) on stderr, and the checks on stdout.
if (run.stderr) process.stderr.write(run.stderr);
for (const line of [...passed, ...failed]) process.stdout.write(`${line}\n`);
process.stdout.write(`\n${passed.length} passed, ${failed.length} failed\n`);
process.exit(failed.length === 0 && passed.length > 0 ? 0 : 1);
