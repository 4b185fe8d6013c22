'use strict';
/**
 * The benchmark corpus: a seeded, realistic mixed-source tree (TS/JS, Python, Go, Java, Ruby, YAML, `.env.example`,
 * Markdown, minified bundles) under `bench/corpus/repo/`, with Plaid findings planted at a known low density among
 * many look-alikes. `bench/corpus/manifest.json` records the seed, the size and the expected counts; the tree is
 * rebuilt only when it is missing or the seed, size or generator changed.
 *
 *   node bench/corpus.js [--size-mb 200] [--seed 20240620] [--profile mixed|dense]
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { createRandom, seedFrom } = require('./lib/prng');
const { NOUNS } = require('./lib/filler');
const { generateFile, generatePrivateEnv, emptyExpectation, addExpectation, MB } = require('./lib/sourceFile');

/** The default seed; any 32-bit integer gives another corpus of the same make-up. */
const DEFAULT_SEED = 20240620;
const CORPUS_DIR = path.join(__dirname, 'corpus');

const LANGUAGE_WEIGHTS = { ts: 24, js: 10, py: 14, go: 11, java: 11, rb: 7, yaml: 6, md: 9 };

/**
 * The kinds of corpus. `mixed`: the default, findings planted at a low density among look-alikes. `dense`: about
 * one line in eight a look-alike and one in a thousand a finding, the text where the candidate path costs most.
 * `bundleShare` is the share of the bytes in minified bundles (generated first, the rest by LANGUAGE_WEIGHTS);
 * `plaidShare` the share of ordinary files that use Plaid (and so can hold plants); densities are per MB.
 */
const PROFILES = {
  mixed: { bundleShare: 0.13, plaidShare: 0.3 },
  // About 34,000 filler lines per MB: 4,200 look-alikes, and 68 plants per MB of the half of files that use Plaid.
  dense: { bundleShare: 0, plaidShare: 0.5, plantsPerMb: 68, lookalikesPerMb: 4200 },
};
/** Where each kind of corpus is written (`repo/` inside), and its default size in MB. */
const PROFILE_DIRS = { mixed: path.join(__dirname, 'corpus'), dense: path.join(__dirname, 'corpus', 'dense') };
/** One `.env.example` per this many files, and one private `.env.local` per twice as many. */
const ENV_FILE_EVERY = 150;

const AREAS = {
  ts: 'web/packages', js: 'web/packages', py: 'services/python', go: 'services/go', java: 'services/java/src/main/java',
  rb: 'services/ruby/app', yaml: 'deploy', md: 'docs', bundle: 'web/dist',
};

/** A digest of the generator's own source, so that changing how the corpus is made rebuilds it. */
function generatorDigest() {
  const hash = crypto.createHash('sha256');
  for (const file of ['corpus.js', 'lib/prng.js', 'lib/filler.js', 'lib/plants.js', 'lib/sourceFile.js']) {
    hash.update(fs.readFileSync(path.join(__dirname, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The findings per rule each file must produce, keyed by its path under the corpus root (files with none left out). */
function readExpectedByFile(dir = CORPUS_DIR) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'expected-by-file.json'), 'utf8'));
}

/** Reads the manifest, or undefined when there is none or it cannot be parsed. */
function readManifest(dir = CORPUS_DIR) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Makes sure the corpus of `profile` for `sizeMb`/`seed` exists and returns its manifest. */
function ensureCorpus({ sizeMb, seed = DEFAULT_SEED, profile = 'mixed', dir = PROFILE_DIRS[profile], log = () => {} }) {
  const generator = generatorDigest();
  const existing = readManifest(dir);
  const root = path.join(dir, 'repo');
  if (existing && existing.seed === seed && existing.sizeMb === sizeMb && existing.generator === generator && (existing.profile ?? 'mixed') === profile && fs.existsSync(root)) {
    log(`corpus: reusing ${path.relative(process.cwd(), root)} (${profile}, ${sizeMb} MB, seed ${seed})`);
    return { ...existing, root };
  }
  log(`corpus: generating ${profile}, ${sizeMb} MB (seed ${seed}) into ${path.relative(process.cwd(), root)}…`);
  const started = Date.now();
  fs.rmSync(path.join(dir, 'manifest.json'), { force: true });
  fs.rmSync(path.join(dir, 'expected-by-file.json'), { force: true });
  fs.rmSync(root, { recursive: true, force: true });
  // A repository of its own: scanners that honour .gitignore files stop here instead of applying the project's
  // own .gitignore (which lists bench/corpus/) to the corpus.
  fs.mkdirSync(path.join(root, '.git'), { recursive: true });
  const { byFile, ...stats } = writeTree(root, sizeMb * MB, seed, PROFILES[profile]);
  const manifest = { seed, sizeMb, profile, generator, ...stats, generatedInSeconds: (Date.now() - started) / 1000 };
  fs.writeFileSync(path.join(dir, 'expected-by-file.json'), JSON.stringify(byFile) + '\n');
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  log(`corpus: ${stats.files} files, ${(stats.bytes / MB).toFixed(1)} MB in ${manifest.generatedInSeconds.toFixed(1)} s`);
  return { ...manifest, root };
}

/** Writes every file and returns the totals and expectations. */
function writeTree(root, targetBytes, seed, profile) {
  // The mixed corpus keeps the seed string it always had, so its files stay the same.
  const r = createRandom(seedFrom(profile === PROFILES.mixed ? `corpus:${seed}` : `corpus:dense:${seed}`));
  const densities = { plantsPerMb: profile.plantsPerMb, lookalikesPerMb: profile.lookalikesPerMb };
  const total = emptyExpectation();
  const stats = { files: 0, bytes: 0, plaidFiles: 0, byLanguage: {} };
  const byFile = {};
  const made = new Set();
  const write = (relative, text, lang, expectation, plaid) => {
    const full = path.join(root, relative);
    const folder = path.dirname(full);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(full, text);
    addExpectation(total, expectation);
    if (Object.keys(expectation.engine).length > 0) byFile[relative] = expectation.engine;
    stats.files++;
    stats.bytes += text.length;
    if (plaid) stats.plaidFiles++;
    const entry = (stats.byLanguage[lang] ??= { files: 0, bytes: 0 });
    entry.files++;
    entry.bytes += text.length;
  };

  for (let i = 0; stats.bytes < targetBytes * profile.bundleShare; i++) {
    const { text, expectation } = generateFile(r, 'bundle', r.between(1 * MB, 3 * MB), { plaid: true });
    write(`${AREAS.bundle}/app.${i}.${r.hex(8)}.min.js`, text, 'bundle', expectation, true);
  }
  for (let i = 0; stats.bytes < targetBytes; i++) {
    const folder = `${r.pick(NOUNS)}-${Math.floor(i / 40)}`;
    if (i % ENV_FILE_EVERY === 0) {
      const env = generateFile(r, 'env', r.between(300, 2000), { plaid: true, plantCount: 1 + r.poisson(2) });
      write(`services/${folder}/.env.example`, env.text, 'env', env.expectation, true);
      if (i % (2 * ENV_FILE_EVERY) === 0) {
        const local = generatePrivateEnv(r);
        write(`services/${folder}/.env.local`, local.text, 'env', local.expectation, true);
      }
    }
    const lang = r.weighted(LANGUAGE_WEIGHTS);
    const size = Math.round(Math.exp(Math.log(1024) + r.next() * Math.log(64)));
    const plaid = r.chance(profile.plaidShare);
    const { text, expectation } = generateFile(r, lang, size, { plaid, ...densities });
    const ext = lang === 'yaml' ? r.pick(['yaml', 'yml']) : lang;
    write(`${AREAS[lang]}/${folder}/${r.pick(NOUNS)}_${i}.${ext}`, text, lang, expectation, plaid);
  }
  const engineTotal = Object.values(total.engine).reduce((a, b) => a + b, 0);
  return { ...stats, byFile, expected: { ...total, engineTotal } };
}

function main(argv) {
  const arg = (name, fallback) => {
    const at = argv.indexOf(name);
    return at >= 0 ? Number(argv[at + 1]) : fallback;
  };
  const at = argv.indexOf('--profile');
  const profile = at >= 0 ? argv[at + 1] : 'mixed';
  if (!(profile in PROFILES)) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(', ')}`);
  const manifest = ensureCorpus({ sizeMb: arg('--size-mb', profile === 'dense' ? 50 : 200), seed: arg('--seed', DEFAULT_SEED), profile, log: console.log });
  console.log(JSON.stringify({ files: manifest.files, bytes: manifest.bytes, expected: manifest.expected }, null, 2));
}

if (require.main === module) main(process.argv.slice(2));

module.exports = { ensureCorpus, readManifest, readExpectedByFile, DEFAULT_SEED, CORPUS_DIR, PROFILE_DIRS };
