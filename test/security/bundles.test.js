'use strict';
/**
 * Nothing executed, nothing sent, in what ships: the bundles of `npm run build` are searched for code execution
 * (`eval`, `new Function`, `child_process`, `vm`) and network APIs (`net`, `http(s)`, `http2`, `dgram`, `tls`, `dns`,
 * `fetch`, `XMLHttpRequest`, `WebSocket`). Each occurrence must be on an exact allow-list that says which module
 * holds it and why; SECURITY.md explains each entry. A new occurrence, or one more of an allowed kind, fails.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./lib/planted');
const { assertBuilt } = require('./lib/processes');
const { ENTRY_POINTS, countPatterns, unminifiedBundle, splitModules, attribute } = require('./lib/bundleScan');

/**
 * Every allowed occurrence, per bundle: `"pattern @ module": count`. Reasons, in short
 * (SECURITY.md has them in full):
 * - vscode-languageclient forks `dist/server.js` (TransportKind.ipc), which is how VS Code starts a language
 *   server, and kills the server's process tree if it ignores a stop request.
 * - vscode-jsonrpc's Node transport module also implements named-pipe and socket transports; Plaid Lens uses
 *   node IPC (extension) and stdio (other editors), and the strace test shows no inet socket.
 * - vscode-languageserver's `Files` helpers can ask npm or yarn for their global folder; the server never calls
 *   them (checked below).
 * - `fetch(` in server/src/settings.ts is the `SettingsSource.fetch` method, not the global `fetch`.
 * - The CLI's `scan --staged` and `history` run the `git` executable from server/src/git/gitProcess.ts, with a
 *   fixed argument vector and no shell (checked below, and under strace in network.test.js).
 * A bundle not listed here may hold none.
 */
const ALLOWED = {
  'extension.js': {
    'child_process @ node_modules/vscode-languageclient/lib/node/main.js': 1,
    'child_process @ node_modules/vscode-languageclient/lib/node/processes.js': 1,
    'require("net") @ node_modules/vscode-jsonrpc/lib/node/main.js': 1,
  },
  'serverMain.js': {
    'child_process @ node_modules/vscode-languageserver/lib/node/files.js': 1,
    'require("net") @ node_modules/vscode-jsonrpc/lib/node/main.js': 1,
    'fetch( @ server/src/settings.ts': 1,
  },
  'cli.js': {
    'child_process @ server/src/git/gitProcess.ts': 1,
  },
  'scanWorker.js': {},
};

/** Totals per pattern of an allow-list, to compare with the minified bundle. */
function totals(allowed) {
  const sums = {};
  for (const [key, count] of Object.entries(allowed)) {
    const pattern = key.slice(0, key.indexOf(' @ '));
    sums[pattern] = (sums[pattern] || 0) + count;
  }
  return sums;
}

/** Text of the modules that are our own sources (`server/`, `client/`), where the rules below apply strictly. */
function ownModules(bundle) {
  return splitModules(bundle).filter((m) => m.module.startsWith('server/') || m.module.startsWith('client/'));
}

suite('Bundles hold no code execution or network API beyond an exact allow-list', () => {
  const unminified = {};

  suiteSetup(async function () {
    this.timeout(60_000);
    assertBuilt();
    for (const [out, entry] of Object.entries(ENTRY_POINTS)) unminified[out] = await unminifiedBundle(entry);
  });

  test('Should recognise each forbidden API in the spellings esbuild writes, and not a method of the same name', () => {
    const samples = {
      'eval': 'x=eval("1");(0,eval)(s)',
      'new Function': 'f=new Function("a","return a");g=Function("return 1")',
      'child_process': 'var a=require("child_process"),b=require("node:child_process")',
      'vm': 'require("vm")',
      'require("net")': 'ru=require("net")',
      'require("http")': 'require("http");require("node:https")',
      'require("http2")': 'require("http2")',
      'require("dgram")': 'require("dgram")',
      'require("tls")': 'require("tls")',
      'require("dns")': 'require("node:dns")',
      'fetch(': 'await fetch(u);globalThis.fetch',
      'XMLHttpRequest': 'new XMLHttpRequest',
      'WebSocket': 'new WebSocket(u)',
    };
    for (const [pattern, sample] of Object.entries(samples)) {
      assert.deepEqual(Object.keys(countPatterns(sample)), [pattern], sample);
    }
    assert.deepEqual(countPatterns('this.settings.fetch(uri);evaluate(x);myFunction(1);a.eval_(2)'), {});
  });

  for (const out of Object.keys(ENTRY_POINTS)) {
    test(`Should find in dist/${out} exactly the allowed occurrences`, () => {
      const shipped = fs.readFileSync(path.join(REPO_ROOT, 'dist', out), 'utf8');
      assert.deepEqual(countPatterns(shipped), totals(ALLOWED[out] || {}), `dist/${out} differs from its allow-list (rebuild with npm run build if stale)`);
    });

    test(`Should attribute every occurrence in ${out} to its allowed module`, () => {
      assert.deepEqual(attribute(unminified[out]), ALLOWED[out] || {});
      // The same counts as the shipped file, so the attribution speaks for what ships.
      const shipped = fs.readFileSync(path.join(REPO_ROOT, 'dist', out), 'utf8');
      assert.deepEqual(countPatterns(unminified[out]), countPatterns(shipped));
    });
  }

  test('Should ship bundles in ASCII, so that every process holds their source at one byte a character', () => {
    // V8 keeps a script's source as a two-byte string once it holds one character past Latin-1: a single `…` in a
    // regular expression costs each bundle's size again in the server and in every scanning thread.
    for (const out of Object.keys(ENTRY_POINTS)) {
      const shipped = fs.readFileSync(path.join(REPO_ROOT, 'dist', out), 'utf8');
      const wide = shipped.match(/.{0,40}[^\x00-\x7f].{0,40}/);
      // Comments may hold any character: the minified bundle drops them, so the unminified one only names suspects.
      const suspects = splitModules(unminified[out]).filter((m) => /[^\x00-\x7f]/.test(m.text)).map((m) => m.module);
      assert.equal(wide?.[0], undefined, `dist/${out} holds characters outside ASCII; write them as \\u escapes (modules with any: ${suspects.join(', ')})`);
    }
  });

  test('Should start processes in the CLI only in gitProcess.ts: the git executable, without a shell', () => {
    // esbuild calls an imported function as `(0, import_node_child_process.spawn)(…)`.
    const call = /\bimport_(?:node_)?child_process\.(\w+)\)?\(/g;
    const starters = ownModules(unminified['cli.js']).filter((m) => call.test(m.text));
    assert.deepEqual(starters.map((m) => m.module), ['server/src/git/gitProcess.ts']);
    const text = starters[0].text;
    assert.deepEqual([...text.matchAll(call)].map((m) => m[1]), ['spawn'], 'one spawn call, and no other way to start a process');
    assert.match(text, /GIT_EXECUTABLE = "git";/);
    assert.match(text, /\.spawn\)\(GIT_EXECUTABLE, \[\.\.\.SAFE_CONFIG, \.\.\.args\], \{/);
    assert.match(text, /shell: false/);
    for (const out of ['server.js', 'serverMain.js', 'extension.js', 'scanWorker.js']) {
      assert.ok(!ownModules(unminified[out]).some((m) => m.module.startsWith('server/src/git/gitProcess')), `${out} bundles the git runner`);
    }
  });

  test('Should never call the vscode-languageserver Files helpers that run npm or yarn', () => {
    const callers = splitModules(unminified['serverMain.js'])
      .filter((m) => !m.module.startsWith('node_modules/vscode-languageserver/'))
      .filter((m) => /\bresolve(?:GlobalNodePath|GlobalYarnPath|ModulePath)\b|\bFiles\.resolve\b/.test(m.text))
      .map((m) => m.module);
    assert.deepEqual(callers, []);
  });

  test('Should start the server over node IPC only, never a socket, a pipe or --inspect', () => {
    const own = ownModules(unminified['extension.js']);
    assert.ok(own.some((m) => /TransportKind\.ipc\b/.test(m.text)), 'the client does not start the server with TransportKind.ipc');
    const other = own.filter((m) => /TransportKind\.(?:socket|pipe|stdio)\b|--inspect/.test(m.text)).map((m) => m.module);
    assert.deepEqual(other, []);
  });

  test('Should send no telemetry: no telemetry API, setting or dependency', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    assert.deepEqual(dependencies.filter((d) => /telemetry|applicationinsights|analytics|sentry|segment|mixpanel|amplitude|posthog/i.test(d)), []);
    const settings = Object.keys(pkg.contributes.configuration.properties);
    assert.deepEqual(settings.filter((s) => /telemetry/i.test(s)), []);
    for (const out of Object.keys(ENTRY_POINTS)) {
      const users = ownModules(unminified[out]).filter((m) => /telemetry|TelemetryReporter|createTelemetryLogger/i.test(m.text));
      assert.deepEqual(users.map((m) => m.module), [], `${out}: our own code mentions telemetry`);
    }
  });

  test('Should declare support for untrusted workspaces, since nothing from the workspace is executed', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
  });
});
