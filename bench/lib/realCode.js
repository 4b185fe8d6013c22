'use strict';
/**
 * The real-code tree: the project's installed dependencies copied to `bench/corpus/deps/repo/`, every
 * `node_modules` folder renamed `deps` so that no tool skips it by name. Real JavaScript, TypeScript declarations,
 * JSON, Markdown and a few binaries, with no Plaid finding in it. Symbolic links and `.gitignore` files are left
 * out, so every tool reads the same files (ripgrep runs with `--no-ignore`, the CLI honours `.gitignore`). The
 * copy is made again only when `package-lock.json` changes.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT } = require('./paths');

const DIR = path.join(ROOT, 'bench', 'corpus', 'deps');

/** Copies `from` into `to`, renaming `node_modules` folders; returns the files and bytes copied. */
function copyTree(from, to, totals) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      copyTree(source, path.join(to, entry.name === 'node_modules' ? 'deps' : entry.name), totals);
    } else if (entry.isFile() && entry.name !== '.gitignore') {
      fs.copyFileSync(source, path.join(to, entry.name));
      totals.files++;
      totals.bytes += fs.statSync(source).size;
    }
  }
  return totals;
}

/** Makes sure the copy exists and matches the installed dependencies; returns `{ root, files, bytes }`. */
function ensureRealCodeTree(log = () => {}) {
  const installed = path.join(ROOT, 'node_modules');
  if (!fs.existsSync(installed)) throw new Error('node_modules is missing: run npm ci first');
  const lock = crypto.createHash('sha256').update(fs.readFileSync(path.join(ROOT, 'package-lock.json'))).digest('hex').slice(0, 16);
  const manifestFile = path.join(DIR, 'manifest.json');
  const root = path.join(DIR, 'repo');
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.lock === lock && fs.existsSync(root)) {
      log(`corpus: reusing ${path.relative(process.cwd(), root)} (installed dependencies)`);
      return { ...manifest, root };
    }
  } catch {
    // No manifest yet: copy.
  }
  log(`corpus: copying node_modules into ${path.relative(process.cwd(), root)}…`);
  fs.rmSync(manifestFile, { force: true });
  fs.rmSync(root, { recursive: true, force: true });
  // A repository of its own, like the generated corpus, so the project's .gitignore does not apply inside it.
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  const totals = copyTree(installed, path.join(root, 'deps'), { files: 0, bytes: 0 });
  const manifest = { lock, ...totals };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  log(`corpus: ${totals.files} files, ${(totals.bytes / 1024 / 1024).toFixed(1)} MB`);
  return { ...manifest, root };
}

module.exports = { ensureRealCodeTree };
