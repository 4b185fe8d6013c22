'use strict';
// Debian's Chromium driven by playwright-core (which downloads no browser of its own) to open the workbench.
const fs = require('node:fs');
const { chromium } = require('playwright-core');

const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
// Without the background-networking flags Chromium keeps dialling Google services through the closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The first Chromium executable present on this machine. */
function chromiumPath() {
  const found = CHROMIUM_PATHS.find((candidate) => fs.existsSync(candidate));
  if (!found) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATHS.join(' or ')}; run test/vscode/install-code-server.sh`);
  }
  return found;
}

/** True for URLs the tests may reach: the loopback code-server and in-page schemes. */
function isAllowedUrl(url) {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'ws:' && protocol !== 'wss:') {
    return true;
  }
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

/**
 * Launches headless Chromium with a fresh profile in the sandbox. Requests to anything but loopback are aborted and
 * remembered in `blockedHosts`, so a test run cannot reach the network even by accident.
 */
async function launchBrowser(sandbox) {
  const context = await chromium.launchPersistentContext(sandbox.browserProfileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: sandbox.env,
    viewport: { width: 1400, height: 900 },
  });
  const blockedHosts = new Set();
  await context.route(
    (url) => !isAllowedUrl(url.href),
    (route) => {
      blockedHosts.add(new URL(route.request().url()).host);
      return route.abort('blockedbyclient');
    },
  );
  return { context, blockedHosts, close: () => closeQuietly(context) };
}

/** Closes the browser; a browser that already died must not hide the test result. */
async function closeQuietly(context) {
  try {
    await context.close();
  } catch {
    // already gone
  }
}

/**
 * The workbench URL for `folder`, with the development settings the web workbench reads from its `payload`
 * parameter (code-server's command line refuses them). Paths become `vscode-remote://` URIs of this server.
 */
function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
  const payload = [];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  const query = [`folder=${encodeURIComponent(folder)}`];
  if (payload.length > 0) {
    query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  }
  return `${server.origin}/?${query.join('&')}`;
}

module.exports = { launchBrowser, workbenchUrl };
