'use strict';
/**
 * The peers the CLI is measured against, installed by the benchmark itself and never into the project:
 * ripgrep and GNU time from Debian packages (when missing), secretlint from npm into the cache. Each is given the
 * same detection patterns, `bench/patterns/plaid.txt`. A peer that cannot be installed is reported as unavailable.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { PATTERNS, PEERS } = require('./paths');
const { firstLine, hasGnuTime } = require('./proc');

const RG = '/usr/bin/rg';
/** The newest secretlint line whose rule-pattern package still runs on Node 20 (12.3+ needs Node 22). */
const SECRETLINT_VERSION = '11.7.1';
const SECRETLINT_DIR = path.join(PEERS, 'secretlint');

/** Installs Debian packages as root; returns an error sentence, or undefined on success. */
function aptInstall(packages, log) {
  if (process.getuid?.() !== 0) return `installing ${packages.join(', ')} needs root`;
  log(`peers: apt-get install ${packages.join(' ')}…`);
  const install = () => spawnSync('apt-get', ['install', '-y', '-q', ...packages], { encoding: 'utf8', timeout: 300_000 });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8', timeout: 300_000 });
    result = install();
  }
  return result.status === 0 ? undefined : `apt-get install ${packages.join(' ')} failed: ${(result.stderr || '').trim().split('\n').pop()}`;
}

/** Makes sure GNU time is there for CPU and peak RSS; returns a note when it is not. */
function ensureGnuTime(log) {
  if (hasGnuTime()) return undefined;
  return aptInstall(['time'], log) ?? (hasGnuTime() ? undefined : 'GNU time is missing');
}

/** ripgrep: `{ available, version, command, args(root) }`, or `{ available: false, reason }`. */
function ensureRipgrep(log) {
  if (!fs.existsSync(RG)) {
    const problem = aptInstall(['ripgrep'], log);
    if (problem || !fs.existsSync(RG)) return { available: false, reason: problem ?? 'ripgrep is missing' };
  }
  return {
    available: true,
    version: firstLine(RG, ['--version']),
    command: RG,
    // --count-matches rather than -c: -c counts lines, and a minified bundle is one line holding many findings.
    // --no-ignore --hidden: the peer reads exactly the files the others read, .env.example included.
    args: (root) => ['--count-matches', '--no-ignore', '--hidden', '-f', PATTERNS, root],
    literalArgs: (root) => ['--count-matches', '--no-ignore', '--hidden', '-F', '-i', 'plaid', root],
  };
}

/** The installed secretlint version in the cache, if any. */
function installedSecretlint() {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(SECRETLINT_DIR, 'node_modules', 'secretlint', 'package.json'), 'utf8'));
    const rule = path.join(SECRETLINT_DIR, 'node_modules', '@secretlint', 'secretlint-rule-pattern', 'package.json');
    return fs.existsSync(rule) ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * secretlint with `@secretlint/secretlint-rule-pattern` configured with the patterns of `plaid.txt`, joined into
 * one expression so that, like ripgrep's `-f`, each place is counted once.
 */
function ensureSecretlint(log) {
  if (installedSecretlint() !== SECRETLINT_VERSION) {
    log(`peers: npm install secretlint@${SECRETLINT_VERSION} into ${SECRETLINT_DIR}…`);
    fs.mkdirSync(SECRETLINT_DIR, { recursive: true });
    const result = spawnSync(
      'npm',
      ['install', '--prefix', SECRETLINT_DIR, '--no-audit', '--no-fund', '--loglevel=error',
        `secretlint@${SECRETLINT_VERSION}`, `@secretlint/secretlint-rule-pattern@${SECRETLINT_VERSION}`],
      { encoding: 'utf8', timeout: 300_000 },
    );
    if (result.status !== 0 || installedSecretlint() !== SECRETLINT_VERSION) {
      const said = (result.stderr || result.error?.message || '').split('\n').filter((l) => l.trim() && !l.includes('complete log'));
      return { available: false, reason: `npm install failed: ${said.slice(0, 2).join(' ').trim() || `exit code ${result.status}`}` };
    }
  }
  const lines = fs.readFileSync(PATTERNS, 'utf8').split('\n').filter((line) => line !== '');
  const config = {
    rules: [
      {
        id: '@secretlint/secretlint-rule-pattern',
        options: { patterns: [{ name: 'plaid', patterns: [`/${lines.map((l) => `(?:${l})`).join('|')}/`] }] },
      },
    ],
  };
  const rc = path.join(SECRETLINT_DIR, '.secretlintrc.json');
  fs.writeFileSync(rc, JSON.stringify(config, null, 2) + '\n');
  const bin = path.join(SECRETLINT_DIR, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  return {
    available: true,
    version: SECRETLINT_VERSION,
    command: process.execPath,
    // Run from the corpus root with its glob, as its README shows; --output keeps the exit code 0 with findings.
    args: (outputFile) => [bin, '**/*', '--secretlintrc', rc, '--format', 'json', '--output', outputFile],
    rc,
  };
}

/** Sums ripgrep's `path:count` lines. */
function countRipgrep(output) {
  return output
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
}

/** Counts secretlint's JSON messages. */
function countSecretlint(json) {
  return JSON.parse(json).reduce((sum, file) => sum + file.messages.length, 0);
}

module.exports = { ensureRipgrep, ensureSecretlint, ensureGnuTime, countRipgrep, countSecretlint };
