#!/usr/bin/env node
'use strict';
// The same extension-host suite under @vscode/test-electron: desktop VS Code 1.100.3 (the version code-server 4.100.3
// embeds), for machines with internet access. It downloads VS Code into .vscode-test/ on first use; where that is
// impossible it stops at once and says so; `npm run test:vscode` runs the same suite offline in code-server.
// On Linux without a display, run it under `xvfb-run -a`.
const fs = require('node:fs');
const path = require('node:path');
const { downloadAndUnzipVSCode, runTests } = require('@vscode/test-electron');
const { createSandbox } = require('./lib/sandbox');
const { printReport, readCounts } = require('./lib/suitePhase');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const FIXTURE_WORKSPACE = path.join(__dirname, 'fixtures', 'workspace');
const VSCODE_VERSION = '1.100.3';
/** Read by test/vscode/suite/index.ts inside the extension host. */
const REPORT_ENV = 'PLAID_LENS_TEST_REPORT';
const IDLE_DOWNLOAD_TIMEOUT_MS = 15_000;

/** The VS Code executable, from .vscode-test/ or freshly downloaded; a clear error when it cannot be had. */
async function vscodeExecutable() {
  try {
    return await downloadAndUnzipVSCode({
      version: VSCODE_VERSION,
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      timeout: IDLE_DOWNLOAD_TIMEOUT_MS,
    });
  } catch (error) {
    throw new Error(
      `cannot download VS Code ${VSCODE_VERSION} for @vscode/test-electron (${error.code ?? error.message}).\n` +
        'This runner needs internet access, or a copy already in .vscode-test/. Offline, run `npm run test:vscode`: ' +
        'the same suite inside code-server.',
    );
  }
}

async function main() {
  if (!fs.existsSync(TESTS_INDEX)) {
    throw new Error(`missing ${path.relative(REPO_ROOT, TESTS_INDEX)}: run \`npm run build\` first`);
  }
  const executable = await vscodeExecutable();
  const sandbox = createSandbox('electron');
  const reportPath = path.join(sandbox.root, 'suite-report.txt');
  try {
    const workspace = sandbox.copyWorkspace(FIXTURE_WORKSPACE);
    let exitCode = 0;
    try {
      await runTests({
        vscodeExecutablePath: executable,
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: TESTS_INDEX,
        extensionTestsEnv: { [REPORT_ENV]: reportPath },
        launchArgs: [
          workspace,
          '--disable-extensions',
          '--disable-workspace-trust',
          '--skip-welcome',
          '--skip-release-notes',
          '--user-data-dir', sandbox.userDataDir,
          '--extensions-dir', sandbox.extensionsDir,
        ],
      });
    } catch (error) {
      exitCode = error.code ?? 1;
      console.log(error.message);
    }
    printReport(reportPath);
    const counts = readCounts(reportPath) ?? { passed: 0, failed: 0 };
    const failed = counts.failed + (exitCode !== 0 && counts.failed === 0 ? 1 : 0);
    console.log(`${counts.passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } finally {
    sandbox.dispose();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error.message);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
