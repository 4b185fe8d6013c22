#!/usr/bin/env node
'use strict';
// The installed-VSIX path, the way a user gets the extension: package it with vsce, check its size and file list,
// install it with `code-server --install-extension`, open a project with a Development-environment URL and wait for
// the diagnostic in the Problems panel. Run alone with `node test/vscode/vsix.js`, or as run.js's third phase.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureCodeServer, installExtension } = require('./lib/codeServer');
const { workbenchUrl } = require('./lib/browser');
const { pollUntil } = require('./lib/deadline');
const { withEditor } = require('./lib/editor');
const { redact } = require('./lib/redact');
const { waitForWorkbench, openFile, showProblems, screenshot } = require('./lib/workbench');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'plaid-lens.vsix');
const FIXTURE_WORKSPACE = path.join(__dirname, 'fixtures', 'vsix-workspace');
const FIXTURE_FILE = 'src/plaid-config.ts';
const MAX_VSIX_BYTES = 400 * 1024;
const DIAGNOSTIC_TIMEOUT_MS = 60_000;
/** What may ship, mirroring the allow-list in .vscodeignore. */
const ALLOWED_FILES = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE(\.md|\.txt)?$/,
  /^dist\/(extension|server|serverMain|cli|scanWorker)\.js$/,
  /^glossary\/[^/]+\.json$/,
  /^syntaxes\/.+/,
  /^client\/media\/.+/,
];
/** Without these the installed extension cannot start. */
const REQUIRED_FILES = ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/serverMain.js', 'dist/scanWorker.js'];

/** Runs a command in the repository and returns its output; throws with the output's tail when it fails. */
function runInRepo(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    const tail = output.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` exited ${result.status}:\n${redact(tail)}`);
  }
  return result.stdout;
}

/** `npm run package`: build, then vsce into dist/plaid-lens.vsix. */
function packageVsix() {
  fs.rmSync(VSIX_PATH, { force: true });
  runInRepo('npm', ['run', 'package']);
  if (!fs.existsSync(VSIX_PATH)) {
    throw new Error(`npm run package succeeded but wrote no ${path.relative(REPO_ROOT, VSIX_PATH)}`);
  }
}

/** The VSIX stays small: a bundle, data and icons, no node_modules or source maps. */
function checkSize() {
  const { size } = fs.statSync(VSIX_PATH);
  if (size >= MAX_VSIX_BYTES) {
    throw new Error(`the VSIX is ${(size / 1024).toFixed(1)} KB, over the ${MAX_VSIX_BYTES / 1024} KB limit`);
  }
  return `${(size / 1024).toFixed(1)} KB`;
}

/** Every file `vsce ls` would package is on the allow-list, and the files the extension needs are there. */
function checkFileList() {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const files = runInRepo(vsce, ['ls', '--no-dependencies'])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stray = files.filter((file) => !ALLOWED_FILES.some((pattern) => pattern.test(file)));
  const absent = REQUIRED_FILES.filter((file) => !files.includes(file));
  if (stray.length > 0 || absent.length > 0) {
    throw new Error(
      [stray.length > 0 ? `not allowed: ${stray.join(', ')}` : '', absent.length > 0 ? `missing: ${absent.join(', ')}` : '']
        .filter(Boolean)
        .join('; '),
    );
  }
  return `${files.length} files`;
}

/** The installed extension's folder in the sandbox, proving --install-extension unpacked it. */
function installedFolder(sandbox) {
  const { publisher, name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const folder = path.join(sandbox.extensionsDir, `${publisher}.${name}-${version}`);
  if (!fs.existsSync(path.join(folder, 'package.json'))) {
    throw new Error(`code-server --install-extension left no ${path.basename(folder)} in the extensions folder`);
  }
  return folder;
}

/** Opens the fixture in the workbench and polls the Problems panel until a row mentions the Development environment. */
async function checkDiagnostic({ server, browser, workspace }) {
  const page = await browser.context.newPage();
  try {
    await page.goto(workbenchUrl(server, workspace));
    await waitForWorkbench(page);
    await openFile(page, FIXTURE_FILE);
    const panel = await showProblems(page);
    const rows = panel.locator('.monaco-list-row');
    const row = await pollUntil(
      async () => {
        const texts = await rows.allInnerTexts();
        return texts.find((text) => text.includes('Development'));
      },
      { timeoutMs: DIAGNOSTIC_TIMEOUT_MS, what: `a Problems row mentioning "Development" for ${FIXTURE_FILE}` },
    );
    await screenshot(page, 'vsix-problems-panel');
    return redact(row.replace(/\s+/g, ' ').trim());
  } catch (error) {
    await screenshot(page, 'failed-vsix-problems-panel').catch(() => {});
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
}

/** Runs the steps in order; once one fails, the rest cannot mean anything and are failed as not run. */
async function runSteps(steps) {
  const counts = { passed: 0, failed: 0, pending: 0 };
  let blocked = false;
  for (const [name, step] of steps) {
    if (blocked) {
      counts.failed += 1;
      console.log(`  ✘ ${name} (not run: an earlier step failed)`);
      continue;
    }
    try {
      const detail = await step();
      counts.passed += 1;
      console.log(`  ✔ ${name}${detail ? ` (${detail})` : ''}`);
    } catch (error) {
      counts.failed += 1;
      blocked = true;
      console.log(`  ✘ ${name}\n    ${redact(error.message).replace(/\n/g, '\n    ')}`);
    }
  }
  return counts;
}

/** The whole installed-VSIX phase; returns its counts. */
async function runVsixPhase({ bin }) {
  const packaging = await runSteps([
    ['npm run package builds dist/plaid-lens.vsix', packageVsix],
    [`the VSIX is under ${MAX_VSIX_BYTES / 1024} KB`, checkSize],
    ['vsce ls lists only allowed files', checkFileList],
  ]);
  if (packaging.failed > 0) {
    console.log('  ✘ the installed VSIX shows a Development diagnostic (not run: packaging failed)');
    return { ...packaging, failed: packaging.failed + 1 };
  }
  let installOutcome;
  const editorChecks = await withEditor(
    {
      bin,
      label: 'vsix',
      fixtureDir: FIXTURE_WORKSPACE,
      prepare: (sandbox) => {
        try {
          installExtension(bin, sandbox, VSIX_PATH);
          installOutcome = { folder: installedFolder(sandbox) };
        } catch (error) {
          installOutcome = { error };
        }
      },
    },
    (editor) =>
      runSteps([
        ['code-server --install-extension installs the VSIX', () => {
          if (installOutcome.error) {
            throw installOutcome.error;
          }
          return path.basename(installOutcome.folder);
        }],
        ['the installed VSIX shows a Development diagnostic in the Problems panel', () => checkDiagnostic(editor)],
      ]),
  );
  return {
    passed: packaging.passed + editorChecks.passed,
    failed: packaging.failed + editorChecks.failed,
    pending: 0,
  };
}

if (require.main === module) {
  runVsixPhase({ bin: ensureCodeServer() }).then(
    (counts) => {
      console.log(`${counts.passed} passed, ${counts.failed} failed`);
      process.exitCode = counts.failed > 0 ? 1 : 0;
    },
    (error) => {
      console.error(error.stack ?? String(error));
      console.log('0 passed, 1 failed');
      process.exitCode = 1;
    },
  );
}

module.exports = { runVsixPhase };
