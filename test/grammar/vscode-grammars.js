'use strict';
/**
 * Finds the built-in grammars of a real VS Code: the one test/vscode/install-code-server.sh puts in the cache
 * (code-server 4.100.3 = VS Code 1.100.3), or the `extensions` folder named by PLAID_LENS_VSCODE_EXTENSIONS.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The VS Code `extensions` folder to read grammars from, or undefined when there is none. */
function findVsCodeExtensions() {
  const cacheRoot = process.env.PLAID_LENS_CACHE || path.join(os.homedir(), '.cache', 'plaid-lens');
  const candidates = [
    process.env.PLAID_LENS_VSCODE_EXTENSIONS,
    path.join(cacheRoot, 'code-server-4.100.3', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions'),
  ];
  return candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'markdown-basics', 'package.json')));
}

/** Scope name → grammar file, for every grammar the built-in extensions in `extensionsDir` contribute. */
function builtInGrammarFiles(extensionsDir) {
  const files = new Map();
  for (const name of fs.readdirSync(extensionsDir)) {
    const manifest = path.join(extensionsDir, name, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const grammars = JSON.parse(fs.readFileSync(manifest, 'utf8')).contributes?.grammars ?? [];
    for (const g of grammars) files.set(g.scopeName, path.join(extensionsDir, name, g.path));
  }
  return files;
}

module.exports = { findVsCodeExtensions, builtInGrammarFiles };
