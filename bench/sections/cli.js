'use strict';
/**
 * CLI throughput on three trees, side by side with ripgrep and secretlint using the same patterns: wall time,
 * user+sys CPU, peak RSS and the number of findings each reports (medians of `runs`). Our findings are checked
 * against the counts the corpus generators planted, per rule and per file, and against none on real code.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ensureCorpus, readExpectedByFile, PROFILE_DIRS } = require('../corpus');
const { BUILD, CACHE, CLI, ROOT } = require('../lib/paths');
const { medianOfRuns, timedRun } = require('../lib/proc');
const { ensureRipgrep, ensureSecretlint, countRipgrep, countSecretlint } = require('../lib/peers');
const { ensureRealCodeTree } = require('../lib/realCode');

/** A secretlint run longer than this is not repeated (on the real-code tree it takes minutes). */
const PEER_ONCE_AFTER_MS = 30_000;

/** Bundles are 1–3 MB; the CLI's default limit (1 MB) would skip them while the peers read them. */
const MAX_FILE_SIZE_KB = 4096;

/** The exact command lines, for the report: repository paths relative, the cache as `$CACHE`. */
function commandLines(corpus, rg, secretlint) {
  const shown = (arg) => arg.split(ROOT + path.sep).join('').split(CACHE).join('$CACHE');
  const rel = path.relative(ROOT, corpus);
  const lines = [`node dist/cli.js scan ${rel} --format json --max-file-size ${MAX_FILE_SIZE_KB} > report.json`];
  if (rg.available) lines.push(`${rg.command} ${rg.args(corpus).map(shown).join(' ')} > counts.txt`);
  if (secretlint.available) lines.push(`cd ${rel} && node ${secretlint.args('secretlint.json').map(shown).map((a) => (a === '**/*' ? `"${a}"` : a)).join(' ')}`);
  return lines;
}

/** Counts the CLI's JSON report per rule and per file (paths relative to the corpus root). */
function readOurReport(file, corpusRoot) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byRule = {};
  const byFile = {};
  let total = 0;
  for (const entry of report) {
    const relative = path.relative(corpusRoot, path.resolve(ROOT, entry.file)).split(path.sep).join('/');
    const counts = (byFile[relative] = {});
    for (const finding of entry.findings) {
      byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
      counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
      total++;
    }
  }
  return { total, byRule, byFile };
}

/** Where our counts differ from the planted ones: per rule, and the first few files. */
function compareFindings(ours, expectedByRule, expectedByFile) {
  const rules = [...new Set([...Object.keys(ours.byRule), ...Object.keys(expectedByRule)])].sort();
  const ruleDiffs = rules
    .filter((rule) => (ours.byRule[rule] ?? 0) !== (expectedByRule[rule] ?? 0))
    .map((rule) => ({ rule, got: ours.byRule[rule] ?? 0, expected: expectedByRule[rule] ?? 0 }));
  const fileDiffs = [];
  for (const file of [...new Set([...Object.keys(ours.byFile), ...Object.keys(expectedByFile)])].sort()) {
    const got = ours.byFile[file] ?? {};
    const want = expectedByFile[file] ?? {};
    for (const rule of new Set([...Object.keys(got), ...Object.keys(want)])) {
      if ((got[rule] ?? 0) !== (want[rule] ?? 0)) fileDiffs.push({ file, rule, got: got[rule] ?? 0, expected: want[rule] ?? 0 });
    }
  }
  // A few examples of each rule that differs, so one noisy file does not hide the others.
  const examples = ruleDiffs.flatMap(({ rule }) => fileDiffs.filter((d) => d.rule === rule).slice(0, 3));
  return { ruleDiffs, fileDiffs: examples, filesDiffering: new Set(fileDiffs.map((d) => d.file)).size };
}

/** Runs one tool `runs` times and returns its medians, plus the findings `count` reads from the last run's output. */
async function measure(name, command, args, { runs, cwd, outputFile, stdout, count, accept, onceAfterMs }) {
  const result = await medianOfRuns(command, args, { runs, cwd, stdoutFile: stdout ? outputFile : undefined, accept, onceAfterMs });
  const summary = { name, ok: result.ok, wallMs: result.wallMs, cpuMs: result.cpuMs, peakRssKb: result.peakRssKb, runs: result.runs.length };
  if (!result.ok) {
    const last = result.last;
    summary.error = last.timedOut ? 'timed out' : `exit code ${last.code}: ${last.stderr.trim().split('\n').slice(-2).join(' ')}`;
    return summary;
  }
  if (count) summary.findings = count(fs.readFileSync(outputFile, 'utf8'));
  return summary;
}

/**
 * The trees the CLI is measured on: the mixed corpus, the installed dependencies (real code, no finding) and the
 * look-alike-dense corpus. Each comes with what the CLI must report on it.
 */
function prepareTrees({ sizeMb, denseMb, seed }, log) {
  const mixed = ensureCorpus({ sizeMb, seed, log });
  const dense = ensureCorpus({ sizeMb: denseMb, seed, profile: 'dense', log });
  const deps = ensureRealCodeTree(log);
  const planted = (manifest, dir) => ({
    title: `${manifest.profile === 'dense' ? 'look-alike-dense corpus' : 'corpus'} (seed ${manifest.seed})`,
    root: manifest.root,
    files: manifest.files,
    bytes: manifest.bytes,
    sizeMb: manifest.sizeMb,
    seed: manifest.seed,
    expected: manifest.expected,
    expectedByFile: () => readExpectedByFile(dir),
    generate: `node bench/corpus.js --profile ${manifest.profile ?? 'mixed'} --size-mb ${manifest.sizeMb} --seed ${manifest.seed}`,
  });
  return {
    corpus: planted(mixed, PROFILE_DIRS.mixed),
    realCode: {
      title: 'real code: the installed dependencies, copied',
      root: deps.root,
      files: deps.files,
      bytes: deps.bytes,
      sizeMb: Math.round(deps.bytes / 1024 / 1024),
      expected: { engine: {}, engineTotal: 0 },
      expectedByFile: () => ({}),
      generate: `node -e "require('./bench/lib/realCode').ensureRealCodeTree(console.log)"`,
    },
    dense: planted(dense, PROFILE_DIRS.dense),
  };
}

/** The CLI section: every tree, each tool `runs` times. */
async function runCli(options, log) {
  const rg = ensureRipgrep(log);
  if (!rg.available) log(`cli: ripgrep is unavailable (${rg.reason}); going on without it`);
  const secretlint = ensureSecretlint(log);
  if (!secretlint.available) log(`cli: secretlint is unavailable (${secretlint.reason}); going on without it`);
  fs.mkdirSync(BUILD, { recursive: true });
  const trees = prepareTrees(options, log);
  const result = { available: true, trees: {} };
  for (const [key, tree] of Object.entries(trees)) {
    if (options.trees && !options.trees.includes(key)) continue;
    log(`cli: ${tree.title}`);
    result.trees[key] = await measureTree(key, tree, options.runs, rg, secretlint, log);
    result.trees[key].commands = [tree.generate, ...commandLines(tree.root, rg, secretlint)];
  }
  return result;
}

/** One tree: the CLI, ripgrep and secretlint, and the CLI's findings against the expected ones. */
async function measureTree(key, tree, runs, rg, secretlint, log) {
  const corpus = tree.root;
  const result = {
    available: true,
    corpus: { title: tree.title, sizeMb: tree.sizeMb, seed: tree.seed, files: tree.files, bytes: tree.bytes, expected: tree.expected },
    tools: {},
  };
  // Every tool reads the same files; one untimed pass puts them all in the page cache first.
  if (rg.available) await timedRun(rg.command, rg.args(corpus));

  if (fs.existsSync(CLI)) {
    log(`cli: plaid-lens × ${runs}`);
    const outputFile = path.join(BUILD, `cli-report-${key}.json`);
    const args = [CLI, 'scan', path.relative(ROOT, corpus), '--format', 'json', '--max-file-size', String(MAX_FILE_SIZE_KB)];
    const ours = await measure('plaid-lens', process.execPath, args, {
      runs, cwd: ROOT, outputFile, stdout: true, accept: (c) => c === 0 || c === 1,
    });
    if (ours.ok) {
      const counted = readOurReport(outputFile, corpus);
      ours.findings = counted.total;
      ours.byRule = counted.byRule;
      ours.comparison = compareFindings(counted, tree.expected.engine, tree.expectedByFile());
    }
    result.tools.ours = ours;
  } else {
    result.tools.ours = { name: 'plaid-lens', ok: false, error: 'dist/cli.js is not built' };
  }
  if (rg.available) {
    log(`cli: ripgrep × ${runs}`);
    const outputFile = path.join(BUILD, `rg-counts-${key}.txt`);
    result.tools.rg = await measure('ripgrep', rg.command, rg.args(corpus), {
      runs, cwd: ROOT, outputFile, stdout: true, accept: (c) => c === 0 || c === 1, count: countRipgrep,
    });
    result.tools.rg.version = rg.version;
  } else {
    result.tools.rg = { name: 'ripgrep', ok: false, error: `unavailable: ${rg.reason}` };
  }
  if (rg.available) {
    // Not a peer: what reading the tree costs ripgrep when its regular expressions cost nothing.
    log(`cli: ripgrep, one literal × ${runs}`);
    const outputFile = path.join(BUILD, `rg-literal-${key}.txt`);
    result.tools.rgLiteral = await measure('ripgrep, the one literal `plaid` (-F -i)', rg.command, rg.literalArgs(corpus), {
      runs, cwd: ROOT, outputFile, stdout: true, accept: (c) => c === 0 || c === 1, count: countRipgrep,
    });
  }
  if (secretlint.available) {
    log(`cli: secretlint × ${runs}`);
    const outputFile = path.join(BUILD, `secretlint-${key}.json`);
    result.tools.secretlint = await measure('secretlint', secretlint.command, secretlint.args(outputFile), {
      runs, cwd: corpus, outputFile, stdout: false, count: countSecretlint, onceAfterMs: PEER_ONCE_AFTER_MS,
    });
    result.tools.secretlint.version = secretlint.version;
  } else {
    result.tools.secretlint = { name: 'secretlint', ok: false, error: `unavailable: ${secretlint.reason}` };
  }
  return result;
}

module.exports = { runCli };
