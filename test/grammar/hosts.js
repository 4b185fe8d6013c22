'use strict';
/** The minimal host grammars of test/grammar/hosts/, keyed by scope name. */
const fs = require('node:fs');
const path = require('node:path');

const HOSTS_DIR = path.join(__dirname, 'hosts');

/** Scope name → file of every minimal host grammar. */
function minimalHostFiles() {
  const files = new Map();
  for (const name of fs.readdirSync(HOSTS_DIR).filter((n) => n.endsWith('.tmLanguage.json'))) {
    const file = path.join(HOSTS_DIR, name);
    files.set(JSON.parse(fs.readFileSync(file, 'utf8')).scopeName, file);
  }
  return files;
}

module.exports = { minimalHostFiles };
