'use strict';
/**
 * Loads the engine in this process for the in-process measurements: bundled from `server/src/engine/index.ts`
 * with esbuild into the cache, so it does not depend on how `tsc` lays out `out/`.
 */
const fs = require('node:fs');
const path = require('node:path');
const { BUILD, ROOT } = require('./paths');

/** Bundles the engine (every time: it takes a few milliseconds) and returns its exports. */
function loadEngine() {
  const esbuild = require('esbuild');
  fs.mkdirSync(BUILD, { recursive: true });
  const outfile = path.join(BUILD, 'engine.js');
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, 'server', 'src', 'engine', 'index.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // As the project's own bundle does: jsonc-parser's UMD build cannot be bundled.
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  delete require.cache[outfile];
  return require(outfile);
}

/** The API glossary index, built by the bundled engine from the files the server reads. */
function loadApi(engine) {
  const read = (file) => JSON.parse(fs.readFileSync(path.join(ROOT, 'glossary', file), 'utf8'));
  return engine.createApiIndex(read('plaid-api.json'), read('plaid-api-notes.json'));
}

module.exports = { loadEngine, loadApi };
