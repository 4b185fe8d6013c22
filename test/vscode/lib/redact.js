'use strict';
// Text from the editor (console lines, logs, build output) is printed only through the engine's own masking, so a
// token or secret that reached a log line never appears whole in the test output.
const fs = require('node:fs');
const path = require('node:path');

const COMPILED_ENGINE = path.resolve(__dirname, '..', '..', '..', 'out', 'server', 'src', 'engine', 'index.js');

/**
 * Masks every token-shaped or long-hex run in `text` with the engine's `maskText` from the compiled build. Before
 * the build exists (a failed compile is exactly when build output gets printed), every long word is cut instead.
 */
function redact(text) {
  if (fs.existsSync(COMPILED_ENGINE)) {
    return require(COMPILED_ENGINE).maskText(String(text));
  }
  return String(text).replace(/[A-Za-z0-9_-]{24,}/g, (word) => `${word.slice(0, 4)}…`);
}

module.exports = { redact };
