'use strict';
/**
 * Times one adversarial case in a process of its own, so that a scan that never ends can be stopped from outside:
 *   node --expose-gc adversarialWorker.js ENGINE_BUNDLE CASE SIZE RUNS
 * Prints `{ "cpuMs", "wallMs", "runs", "repeat", "findings" }` on stdout: the best of the runs, per scan of the input,
 * in CPU time (user+sys of this process) and in wall time. CPU time is what the input costs; on a busy machine the
 * wall clock also counts the time other processes held the cores.
 */
const { CASES, makeInput } = require('../lib/adversarial');

/**
 * Each timed run reads this much text: a smaller input is scanned several times in a row within one run, and the
 * run's cost divided among them. Every run then starts from a clean heap and pays for collecting its own garbage and
 * keeping its results in the same proportion: a single 1 MB scan leaves its garbage for a collection outside the timed
 * run, while a 10 MB scan collects most of its own, which charged the larger input for work the smaller one was spared.
 */
const TEXT_PER_RUN = 10 * 1024 * 1024;
/**
 * Runs are repeated until this much time is spent, so timer granularity and noise average out: with each run reading
 * 10 MB, both sizes get about as many runs, and a case that takes a tenth of a second gets some fifteen, enough for
 * one of them to fall in a quiet moment of a busy machine.
 */
const MIN_TOTAL_MS = 1500;
const MAX_RUNS = 25;

const [enginePath, name, size, runs] = process.argv.slice(2);
const engine = require(enginePath);
const text = makeInput(name, Number(size));
/** What the case times: a scan, or the masking applied to log and trace text. */
const run = CASES[name].target === 'maskText' ? (input) => engine.maskText(input) : (input) => engine.scan(input, { fileName: 'input.ts' });
/** How many values the result holds: findings, or masked values. */
const count = (result) => (typeof result === 'string' ? countEllipses(result) : result.length);

/** How many values `maskText` masked: each masked form holds one `…`. Counted without building an array of them. */
function countEllipses(text) {
  let count = 0;
  for (let at = text.indexOf('…'); at >= 0; at = text.indexOf('…', at + 1)) count++;
  return count;
}
// The first run compiles the engine's code; measure the steady state, as in an editor that has been running.
run(text.slice(0, 65536));
const repeat = Math.max(1, Math.round(TEXT_PER_RUN / text.length));
let cpuMs = Infinity;
let wallMs = Infinity;
let total = 0;
let done = 0;
let findings = 0;
while (done < MAX_RUNS && (done < Number(runs) || total < MIN_TOTAL_MS)) {
  // Each run starts from a clean heap: garbage left by the previous run is not charged to this one.
  global.gc?.();
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  // Every result is kept until the run ends, as a report over ten 1 MB files keeps the findings of all ten: dropped
  // at once, the findings of a 1 MB scan die young, while those of a 10 MB scan must be kept by the collector.
  const kept = [];
  for (let k = 0; k < repeat; k++) kept.push(run(text));
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  findings = count(kept[0]);
  cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000 / repeat);
  wallMs = Math.min(wallMs, wall / repeat);
  total += wall;
  done++;
}
process.stdout.write(JSON.stringify({ cpuMs, wallMs, runs: done, repeat, findings }) + '\n');
