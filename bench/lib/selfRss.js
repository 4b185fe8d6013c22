'use strict';
/**
 * Preloaded with `node -r` into a measured process: at exit it writes the process's own peak RSS (all its threads,
 * none of its children) to stderr, so a tool that runs git can be told apart from the git it runs. GNU time's figure
 * is the largest of the process and its children.
 */
const fs = require('node:fs');

/** The line's prefix, which the benchmark looks for in stderr. */
const MARK = 'bench-self-peak-rss-kb';

// Preloaded (`-r`), this runs before any main module; required for MARK by the benchmark itself, or preloaded into
// a worker thread (which inherits `-r`), it stays quiet.
if (require.main === undefined && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    fs.writeSync(2, `\n${MARK} ${process.resourceUsage().maxRSS}\n`);
  });
}

module.exports = { MARK };
