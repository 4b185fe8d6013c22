#!/usr/bin/env node
'use strict';
// Tests the extension inside a real VS Code: code-server 4.100.3 (VS Code 1.100.3) in headless Debian Chromium,
// driven by playwright-core, all on loopback. Three phases, each in a fresh editor:
//   suite  the mocha suite (out/test/vscode/suite) inside the extension host, through the vscode API
//   ui     the playwright checks in test/vscode/ui/*.js, screenshots in test-results/screenshots/
//   vsix   the packaged VSIX installed with `code-server --install-extension` (test/vscode/vsix.js)
// Usage: node test/vscode/run.js [suite] [ui] [vsix]      (no names: all three, in that order)
// Needs `npm run build` first. Env: PLAID_LENS_TEST_GREP (mocha grep for the suite), PLAID_LENS_KEEP_TMP=1 (keep the
// temporary folders), PLAID_LENS_CACHE (where code-server is installed).
const fs = require('node:fs');
const path = require('node:path');
const { ensureCodeServer } = require('./lib/codeServer');
const { withEditor } = require('./lib/editor');
const { runSuitePhase } = require('./lib/suitePhase');
const { runUiPhase } = require('./lib/uiPhase');
const { runVsixPhase } = require('./vsix');
const { SCREENSHOT_DIR } = require('./lib/workbench');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');
const FIXTURE_WORKSPACE = path.join(__dirname, 'fixtures', 'workspace');
/** Read by test/vscode/suite/index.ts inside the extension host. */
const REPORT_ENV = 'PLAID_LENS_TEST_REPORT';
const BUILD_OUTPUTS = [TESTS_INDEX, path.join(REPO_ROOT, 'dist', 'extension.js')];
const reportPathIn = (sandbox) => path.join(sandbox.root, 'suite-report.txt');

const PHASES = {
  suite: (bin) =>
    withEditor(
      {
        bin,
        label: 'suite',
        fixtureDir: FIXTURE_WORKSPACE,
        env: (sandbox) => ({ [REPORT_ENV]: reportPathIn(sandbox) }),
      },
      ({ sandbox, server, browser, workspace }) =>
        runSuitePhase({
          server,
          browser,
          workspace,
          extensionDir: REPO_ROOT,
          testsIndex: TESTS_INDEX,
          reportPath: reportPathIn(sandbox),
        }),
    ),
  ui: (bin) =>
    withEditor({ bin, label: 'ui', fixtureDir: FIXTURE_WORKSPACE }, ({ server, browser, workspace }) =>
      runUiPhase({ server, browser, workspace, extensionDir: REPO_ROOT }),
    ),
  vsix: (bin) => runVsixPhase({ bin }),
};

/** The phases named on the command line, or all of them. */
function selectedPhases(argv) {
  const names = argv.length > 0 ? argv : Object.keys(PHASES);
  const unknown = names.filter((name) => !(name in PHASES));
  if (unknown.length > 0) {
    throw new Error(`unknown phase ${unknown.join(', ')}; choose from ${Object.keys(PHASES).join(', ')}`);
  }
  return names;
}

/** Fails early with the command to run when the compiled suite or the bundle is missing. */
function assertBuilt() {
  const missing = BUILD_OUTPUTS.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map((file) => path.relative(REPO_ROOT, file)).join(', ')}: run \`npm run build\` first`);
  }
}

/** Runs one phase; an error escaping it counts as one failure instead of hiding the other phases' results. */
async function runPhase(name, bin) {
  console.log(`\n== ${name} ==`);
  const started = Date.now();
  try {
    const counts = await PHASES[name](bin);
    console.log(`== ${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds(Date.now() - started)}) ==`);
    return counts;
  } catch (error) {
    console.log(`== ${name}: could not run: ${error.stack ?? error} ==`);
    return { passed: 0, failed: 1, pending: 0 };
  }
}

/** Milliseconds as "12.3 s". */
function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Failure screenshots from an earlier run would pass for this run's. */
function removeStaleFailureScreenshots() {
  if (fs.existsSync(SCREENSHOT_DIR)) {
    for (const name of fs.readdirSync(SCREENSHOT_DIR).filter((file) => file.startsWith('failed-'))) {
      fs.rmSync(path.join(SCREENSHOT_DIR, name));
    }
  }
}

async function main() {
  const started = Date.now();
  const names = selectedPhases(process.argv.slice(2));
  removeStaleFailureScreenshots();
  if (names.some((name) => name !== 'vsix')) {
    assertBuilt();
  }
  const bin = ensureCodeServer();
  const total = { passed: 0, failed: 0, pending: 0 };
  for (const name of names) {
    const counts = await runPhase(name, bin);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.pending += counts.pending ?? 0;
  }
  console.log(`\nreal VS Code tests took ${seconds(Date.now() - started)}`);
  const skipped = total.pending > 0 ? `, ${total.pending} skipped` : '';
  console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
  return total.failed > 0 ? 1 : 0;
}

// A signal ends the process through 'exit', whose handlers kill every code-server this run started.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(130));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error.stack ?? String(error));
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
