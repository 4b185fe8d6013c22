'use strict';
/**
 * Where the benchmark keeps things: the repository root, the built artefacts it measures, and the cache outside
 * the repository where the peers are installed.
 */
const os = require('node:os');
const path = require('node:path');

/** The repository root. */
const ROOT = path.resolve(__dirname, '..', '..');

/** The cache for peers and build products, outside the repository (`$PLAID_LENS_CACHE`, else ~/.cache/plaid-lens). */
const CACHE = process.env.PLAID_LENS_CACHE || path.join(os.homedir(), '.cache', 'plaid-lens');

module.exports = {
  ROOT,
  CACHE,
  PEERS: path.join(CACHE, 'bench-peers'),
  BUILD: path.join(CACHE, 'bench-build'),
  CLI: path.join(ROOT, 'dist', 'cli.js'),
  SERVER: path.join(ROOT, 'dist', 'server.js'),
  VSIX: path.join(ROOT, 'dist', 'plaid-lens.vsix'),
  PATTERNS: path.join(ROOT, 'bench', 'patterns', 'plaid.txt'),
  RESULTS: path.join(ROOT, 'bench', 'results'),
  BENCHMARKS_MD: path.join(ROOT, 'BENCHMARKS.md'),
};
