'use strict';
/**
 * Finding code execution and network APIs in the shipped bundles and attributing each occurrence to the source
 * module it came from. The minified `dist/*.js` files are what ships; an unminified esbuild build of the same entry
 * points, made in memory with the options of `npm run bundle`, carries `// path/to/module.js` markers that say
 * which module each occurrence belongs to.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REPO_ROOT } = require('./planted');

/** What is searched for. Each pattern matches the same way in minified and unminified output. */
const PATTERNS = {
  'eval': /\beval\b/g,
  'new Function': /(?<![\w$.])(?:new\s+)?Function\s*\(/g,
  'child_process': /\brequire\(\s*["'](?:node:)?child_process["']\s*\)/g,
  'vm': /\brequire\(\s*["'](?:node:)?vm["']\s*\)/g,
  'require("net")': /\brequire\(\s*["'](?:node:)?net["']\s*\)/g,
  'require("http")': /\brequire\(\s*["'](?:node:)?https?["']\s*\)/g,
  'require("http2")': /\brequire\(\s*["'](?:node:)?http2["']\s*\)/g,
  'require("dgram")': /\brequire\(\s*["'](?:node:)?dgram["']\s*\)/g,
  'require("tls")': /\brequire\(\s*["'](?:node:)?tls["']\s*\)/g,
  'require("dns")': /\brequire\(\s*["'](?:node:)?dns["']\s*\)/g,
  'fetch(': /(?<![\w$.])fetch\s*\(|\b(?:globalThis|window|self|global)\.fetch\b/g,
  'XMLHttpRequest': /\bXMLHttpRequest\b/g,
  'WebSocket': /\bWebSocket\b/g,
};

/**
 * The bundles of `npm run bundle`, by output name, read from the bundle script itself so that a new entry point is
 * inspected too: `{ 'server.js': 'server/src/server.ts', … }`.
 */
const bundleScript = require(path.join(REPO_ROOT, 'scripts', 'bundle.js'));
const ENTRY_POINTS = Object.fromEntries(bundleScript.ENTRY_POINTS.map((entry) => [`${path.basename(entry, '.ts')}.js`, entry]));

/** The options of the bundle script, unminified and kept in memory. */
const BUNDLE_OPTIONS = { ...bundleScript.BUNDLE_OPTIONS, write: false, logLevel: 'silent' };

/** Occurrences of each pattern in `text`: `{ pattern: count }`, patterns with none left out. */
function countPatterns(text) {
  const counts = {};
  for (const [name, regex] of Object.entries(PATTERNS)) {
    const n = (text.match(regex) || []).length;
    if (n > 0) counts[name] = n;
  }
  return counts;
}

/** Builds one entry point unminified, in memory, and returns its text. */
async function unminifiedBundle(entry) {
  const esbuild = require(path.join(REPO_ROOT, 'node_modules', 'esbuild'));
  const result = await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [entry] });
  return result.outputFiles[0].text;
}

/** Splits an unminified bundle at its module markers: `[{ module, text }]`, in order. */
function splitModules(bundle) {
  const marker = /^\/\/ (\S+\.(?:[cm]?js|tsx?|json))$/gm;
  const starts = [...bundle.matchAll(marker)].map((m) => ({ module: m[1], index: m.index }));
  const modules = [{ module: '(bundle prologue)', text: bundle.slice(0, starts.length > 0 ? starts[0].index : bundle.length) }];
  starts.forEach((start, i) => {
    modules.push({ module: start.module, text: bundle.slice(start.index, i + 1 < starts.length ? starts[i + 1].index : bundle.length) });
  });
  return modules;
}

/** Every occurrence attributed to its module: `{ "pattern @ module": count }`. */
function attribute(bundle) {
  const found = {};
  for (const { module, text } of splitModules(bundle)) {
    for (const [pattern, count] of Object.entries(countPatterns(text))) found[`${pattern} @ ${module}`] = count;
  }
  return found;
}

module.exports = { ENTRY_POINTS, countPatterns, unminifiedBundle, splitModules, attribute };
