'use strict';
// One editor per phase: sandbox, workspace copy, code-server, Chromium; always torn down, even on failure.
const { launchBrowser } = require('./browser');
const { createSandbox } = require('./sandbox');
const { startCodeServer } = require('./codeServer');
const { redact } = require('./redact');

/**
 * Runs `use({ sandbox, server, browser, workspace })` against a fresh code-server with a copy of `fixtureDir` open.
 * `prepare(sandbox)` runs before code-server starts (e.g. to install a VSIX); `env` reaches code-server and so the
 * extension host.
 */
async function withEditor({ bin, label, fixtureDir, env = {}, prepare }, use) {
  const sandbox = createSandbox(label);
  let server;
  let browser;
  try {
    const workspace = sandbox.copyWorkspace(fixtureDir);
    if (prepare) {
      await prepare(sandbox);
    }
    server = await startCodeServer({ bin, sandbox, folder: workspace, env: typeof env === 'function' ? env(sandbox) : env });
    browser = await launchBrowser(sandbox);
    return await use({ sandbox, server, browser, workspace });
  } finally {
    if (browser) {
      reportBlockedHosts(browser.blockedHosts);
      await browser.close();
    }
    if (server) {
      await server.stop();
    }
    sandbox.dispose();
  }
}

/** The workbench must not reach past loopback; say so when something tried, so it gets switched off. */
function reportBlockedHosts(hosts) {
  if (hosts.size > 0) {
    console.log(`  (blocked requests to: ${redact([...hosts].join(', '))})`);
  }
}

module.exports = { withEditor };
