'use strict';
/**
 * Generates the history benchmark's repository with `git fast-import`: a seeded sequence of commits, each editing one
 * to three of a few hundred source files, some planting a fresh Plaid secret and some taking an earlier one out again.
 * Rebuilt only when the seed, the number of commits or this generator changes. Returns what a history scan must find.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createRandom } = require('./prng');
const { BUILD } = require('./paths');

/** Source files in the tree. */
const FILES = 300;
/** Lines per file, about 40 bytes each. */
const LINES = 80;
/** Chance that a commit plants a secret, and that it removes one planted before. */
const PLANT = 0.02;
const REMOVE = 0.01;

const WORDS = ['account', 'balance', 'ledger', 'payment', 'invoice', 'customer', 'transfer', 'report', 'cursor', 'batch'];

function codeLine(random) {
  const a = random.pick(WORDS);
  const b = random.pick(WORDS);
  return `export const ${a}${random.int(1000)} = (${b}) => ${b}.amount * ${random.int(100)} + ${random.int(1000)};`;
}

/** The fast-import stream for `commits` commits, written in pieces to `write`; returns the planted facts. */
function generate(commits, seed, write) {
  const random = createRandom(seed);
  const files = Array.from({ length: FILES }, (_, i) => ({
    path: `src/${random.pick(WORDS)}/${random.pick(WORDS)}-${i}.js`,
    lines: ["const plaid = require('plaid');", ...Array.from({ length: LINES }, () => codeLine(random))],
  }));
  const planted = [];
  const blob = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let c = 0; c < commits; c++) {
    const time = 1_600_000_000 + c * 600;
    const touched = new Set(c === 0 ? files.map((_, i) => i) : Array.from({ length: random.between(1, 3) }, () => random.int(FILES)));
    for (const i of touched) {
      if (c === 0) continue;
      // An ordinary edit: a few lines rewritten, one added.
      const lines = files[i].lines;
      for (let k = 0; k < 3; k++) {
        const at = 1 + random.int(lines.length - 1);
        if (!lines[at].includes('PLAID_SECRET')) lines[at] = codeLine(random);
      }
      lines.splice(1 + random.int(lines.length - 1), 0, codeLine(random));
    }
    if (c > 0 && random.chance(PLANT)) {
      const i = random.pick([...touched]);
      const secret = random.hex(30);
      files[i].lines.splice(1 + random.int(files[i].lines.length - 1), 0, `const PLAID_SECRET = '${secret}';`);
      planted.push({ file: i, secret, removed: false });
    }
    if (c > 0 && random.chance(REMOVE)) {
      const live = planted.filter((p) => !p.removed);
      if (live.length > 0) {
        const victim = random.pick(live);
        const lines = files[victim.file].lines;
        lines.splice(lines.findIndex((l) => l.includes(victim.secret)), 1);
        victim.removed = true;
        touched.add(victim.file);
      }
    }
    // Files also stay short: the oldest lines after the header go as the file grows.
    const modified = [...touched].map((i) => {
      const lines = files[i].lines;
      while (lines.length > LINES * 1.5) {
        const drop = lines.findIndex((l, k) => k > 0 && !l.includes('PLAID_SECRET'));
        lines.splice(drop, 1);
      }
      return `M 100644 inline ${files[i].path}\n${blob(lines.join('\n') + '\n')}`;
    });
    const message = `Change ${c}\n`;
    write(
      `commit refs/heads/main\nmark :${c + 1}\nauthor Bench <bench@example.com> ${time} +0000\ncommitter Bench <bench@example.com> ${time} +0000\n` +
        `data ${Buffer.byteLength(message)}\n${message}${c > 0 ? `from :${c}\n` : ''}${modified.join('')}\n`,
    );
  }
  return { secrets: planted.length, stillAtHead: planted.filter((p) => !p.removed).length };
}

/** The generator's own source, so a change to it rebuilds the repository. */
function generatorHash() {
  return crypto.createHash('sha256').update(fs.readFileSync(__filename)).digest('hex').slice(0, 12);
}

/** Builds (or reuses) the repository; returns `{ root, commits, seed, secrets, stillAtHead }`. */
function ensureHistoryRepo({ commits, seed, log }) {
  const root = path.join(BUILD, `history-${commits}-${seed}`);
  const manifestFile = path.join(root, '.git', 'plaid-lens-bench.json');
  const version = generatorHash();
  if (fs.existsSync(manifestFile)) {
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    if (manifest.version === version) return manifest;
  }
  log(`history: generating a repository of ${commits.toLocaleString('en-US')} commits (seed ${seed})`);
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const git = (args, input) => {
    const done = spawnSync('git', args, { cwd: root, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (done.status !== 0) throw new Error(`git ${args[0]} failed: ${done.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  const chunks = [];
  const facts = generate(commits, seed, (text) => chunks.push(text));
  git(['fast-import', '--quiet'], chunks.join(''));
  git(['reset', '-q', '--hard', 'main']);
  const manifest = { root, commits, seed, version, ...facts };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return manifest;
}

module.exports = { ensureHistoryRepo };
