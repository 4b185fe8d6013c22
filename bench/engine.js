'use strict';
/**
 * The engine alone over a tree, in one thread: for each file, what a CLI scanning thread does with its bytes (the
 * needles on their latin1 reading, then the checks they call for), without the walk, the reads or the threads. Prints
 * the CPU time of the whole pass and of each check alone (best of `--runs`) and the findings per rule, so a change to
 * the engine can be measured apart from the CLI around it. Reads the compiled engine in out/: run `npx tsc -b` first.
 *
 * With `--cold`, each figure is one pass in a fresh process instead (the best and the median of `--runs` processes):
 * a CLI scanning thread scans each tree once, so its code runs before the compiler has optimised it, as here.
 *
 *   node bench/engine.js bench/corpus/dense/repo
 *   node bench/engine.js bench/corpus/repo --runs 5
 *   node bench/engine.js bench/corpus/dense/repo --cold --runs 5
 */
const fs = require('node:fs');
const path = require('node:path');
const { isAscii } = require('node:buffer');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const { checksNeeded, scanChecks, CHECKS } = require(path.join(ROOT, 'out/server/src/engine/scan.js'));
const { loadApiIndex } = require(path.join(ROOT, 'out/server/src/apiData.js'));

/** The CLI's default limit is 1 MB; the benchmark trees hold bundles of up to 3 MB, which `bench/sections/cli.js` scans too. */
const MAX_BYTES = 4096 * 1024;

function filesUnder(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') filesUnder(p, out);
    } else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** Best CPU time (user + system) of `runs` calls of `fn`, in milliseconds, and the last result. */
function bestCpu(runs, fn) {
  let best = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    result = fn();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, result };
}

function main() {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  const childAt = args.indexOf('--child');
  // The tree is the argument that is neither an option nor an option's value.
  const values = new Set([runsAt, childAt].filter((at) => at >= 0).map((at) => at + 1));
  const tree = args.find((a, i) => !a.startsWith('--') && !values.has(i));
  if (!tree || !fs.existsSync(tree) || !(runs > 0)) {
    console.error('usage: node bench/engine.js TREE [--runs N] [--cold]   (after npx tsc -b)');
    process.exit(2);
  }
  if (childAt >= 0) return child(tree, args[childAt + 1]);
  if (args.includes('--cold')) return cold(tree, runs);
  const api = loadApiIndex(ROOT);
  const files = readTree(tree);
  const megabytes = files.reduce((n, f) => n + f.latin1.length, 0) / 1e6;
  const needles = bestCpu(runs, () => needlesPass(files));
  const all = bestCpu(runs, () => scanAll(files, api, undefined));
  console.log(`${files.length} files, ${megabytes.toFixed(1)} MB, best CPU time of ${runs} run(s)`);
  console.log(`whole pass (needles and checks)  ${all.ms.toFixed(0).padStart(6)} ms`);
  console.log(`needles alone                    ${needles.ms.toFixed(0).padStart(6)} ms  (${needles.result} files need a check)`);
  for (const check of CHECKS) console.log(`${`check ${check.id}`.padEnd(33)}${bestCpu(runs, () => scanAll(files, api, check.id)).ms.toFixed(0).padStart(6)} ms  (with needles)`);
  console.log('findings', JSON.stringify(all.result));
}

function readTree(tree) {
  return filesUnder(path.resolve(tree))
    .map((file) => ({ file, bytes: fs.readFileSync(file) }))
    .filter((f) => f.bytes.length <= MAX_BYTES)
    .map((f) => ({ name: path.basename(f.file), latin1: f.bytes.toString('latin1'), text: isAscii(f.bytes) ? undefined : f.bytes.toString('utf8') }));
}

/** How many files need a check at all. */
function needlesPass(files) {
  return files.filter((f) => checksNeeded(f.latin1).size > 0).length;
}

/** The findings per rule of every file, running every check its needles call for, or only `only` of them. */
function scanAll(files, api, only) {
  const byRule = {};
  for (const f of files) {
    const needed = checksNeeded(f.latin1);
    const checks = only === undefined ? needed : new Set([...needed].filter((id) => id === only));
    if (checks.size === 0) continue;
    for (const finding of scanChecks(f.text ?? f.latin1, { fileName: f.name, api }, checks)) byRule[finding.rule] = (byRule[finding.rule] ?? 0) + 1;
  }
  return byRule;
}

/** One pass of `what` (`all`, `needles` or a check's id) in this fresh process; prints its CPU time. */
function child(tree, what) {
  const api = loadApiIndex(ROOT);
  const files = readTree(tree);
  // The reading leaves garbage behind; collected now, it is not charged to the pass.
  if (typeof global.gc === 'function') global.gc();
  const pass = () => (what === 'needles' ? needlesPass(files) : scanAll(files, api, what === 'all' ? undefined : what));
  console.log(JSON.stringify(bestCpu(1, pass)));
}

/** Each figure from `runs` fresh processes, one pass each: the best and the median. */
function cold(tree, runs) {
  console.log(`one pass in each of ${runs} fresh process(es): best / median CPU time`);
  for (const what of ['all', 'needles', ...CHECKS.map((c) => c.id)]) {
    const times = [];
    let result;
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, ['--expose-gc', __filename, tree, '--child', what], { encoding: 'utf8' });
      ({ ms: times[i], result } = JSON.parse(out));
    }
    times.sort((a, b) => a - b);
    const label = what === 'all' ? 'whole pass (needles and checks)' : what === 'needles' ? 'needles alone' : `check ${what}`;
    const note = what === 'all' ? `  findings ${JSON.stringify(result)}` : what === 'needles' ? '' : '  (with needles)';
    console.log(`${label.padEnd(33)}${times[0].toFixed(0).padStart(6)} / ${times[Math.floor(times.length / 2)].toFixed(0).padStart(4)} ms${note}`);
  }
}

main();
