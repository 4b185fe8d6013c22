'use strict';
/**
 * Adversarial inputs (issue 6): each hostile line at 1 MB and at 10 MB, scanned in-process by the engine in a
 * worker process with a deadline. Linear time means the 10 MB input costs about 10× the 1 MB one; the target
 * allows up to 12×. Costs are the best CPU time of several runs, which the load of other processes disturbs least;
 * each run reads 10 MB of text (the 1 MB input ten times over), so both sizes pay for their garbage alike.
 */
const { execFile } = require('node:child_process');
const path = require('node:path');
const { CASES } = require('../lib/adversarial');
const { loadEngine } = require('../lib/engine');
const { BUILD } = require('../lib/paths');

const MB = 1024 * 1024;
/** The largest 10 MB / 1 MB cost ratio that still counts as linear. */
const RATIO_TARGET = 12;

/** Runs the worker for one case and size; resolves `{ cpuMs, wallMs, runs, findings }` or `{ error }`. */
function timeCase(name, size, runs, timeoutMs) {
  const worker = path.join(__dirname, 'adversarialWorker.js');
  const args = ['--expose-gc', worker, path.join(BUILD, 'engine.js'), name, String(size), String(runs)];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) {
        // A scan past its deadline is a measurement (of a hang); a worker that crashed means scan() threw.
        const thrown = String(stderr).split('\n').find((line) => /^\w*Error\b/.test(line)) ?? error.message.split('\n')[0];
        resolve(error.killed ? { error: `over ${timeoutMs / 1000} s (stopped)` } : { error: `crashed: ${thrown}`, crashed: true });
        return;
      }
      resolve(JSON.parse(stdout));
    });
  });
}

/** The better of two measurements of one case and size: the lower CPU time, and the lower wall time. */
function better(a, b) {
  // A run past its deadline or crashed is the result, whatever an earlier run gave.
  if (a === undefined || b.error) return b;
  return { ...(a.cpuMs <= b.cpuMs ? a : b), wallMs: Math.min(a.wallMs, b.wallMs), runs: a.runs + b.runs };
}

/**
 * Measures every case; `quick` runs each size once instead of three times. Without `quick`, the two sizes are measured
 * in turn, twice, and each keeps its best: a spell of load from other processes then falls on both sizes alike
 * rather than on whichever ran during it.
 */
async function runAdversarial({ quick }, log) {
  loadEngine();
  const runs = quick ? 1 : 3;
  const rounds = quick ? 1 : 2;
  const cases = [];
  for (const [name, spec] of Object.entries(CASES)) {
    log(`adversarial: ${name}`);
    let small;
    let large;
    for (let round = 0; round < rounds; round++) {
      small = better(small, await timeCase(name, MB, runs, 60_000));
      large = better(large, await timeCase(name, 10 * MB, runs, quick ? 60_000 : 180_000));
      // A case past its deadline or crashed once is not run again.
      if (small.error || large.error) break;
    }
    const ratio = small.cpuMs !== undefined && large.cpuMs !== undefined ? large.cpuMs / small.cpuMs : undefined;
    cases.push({
      name,
      title: spec.title,
      small,
      large,
      ratio,
      mbPerSecond: large.cpuMs !== undefined ? 10 / (large.cpuMs / 1000) : undefined,
      met: ratio !== undefined && ratio <= RATIO_TARGET,
    });
  }
  const slowest = cases.filter((c) => c.mbPerSecond !== undefined).sort((a, b) => a.mbPerSecond - b.mbPerSecond)[0];
  const failures = cases.filter((c) => c.small.crashed || c.large.crashed).map((c) => `scan() failed on ${c.name}`);
  return { available: true, runs, cases, ratioTarget: RATIO_TARGET, slowest: slowest?.name, failures };
}

module.exports = { runAdversarial, RATIO_TARGET };
