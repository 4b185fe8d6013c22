'use strict';
/**
 * Runs programs and measures them: wall time from this process's clock, user+sys CPU time and peak RSS from GNU
 * `/usr/bin/time` (which reads the child's rusage), and medians over repeated runs.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const GNU_TIME = '/usr/bin/time';

/** True when GNU time is installed (Debian `time`). */
function hasGnuTime() {
  return fs.existsSync(GNU_TIME);
}

/** The median of numbers (the mean of the middle two for an even count); NaN for none. */
function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–100) by the nearest-rank method. */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `command args` once, stdout into `stdoutFile` (or discarded), and returns
 * `{ code, wallMs, cpuMs, peakRssKb, stderr }`; cpu and RSS are null without GNU time.
 * A run that outlasts `timeoutMs` is killed (by its process group) and reported with `timedOut`.
 */
async function timedRun(command, args, { cwd, stdoutFile, timeoutMs = 600_000, env } = {}) {
  const timeFile = path.join(os.tmpdir(), `plaid-lens-bench-time-${process.pid}-${Date.now()}.txt`);
  const useTime = hasGnuTime();
  const argv = useTime ? ['-f', '%e %U %S %M', '-o', timeFile, command, ...args] : args;
  const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'ignore';
  const started = process.hrtime.bigint();
  const child = spawn(useTime ? GNU_TIME : command, argv, { cwd, env, stdio: ['ignore', out, 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, timeoutMs);
  const code = await new Promise((resolve) => {
    child.on('error', (error) => {
      stderr += String(error);
      resolve(-1);
    });
    child.on('close', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (typeof out === 'number') fs.closeSync(out);
  let cpuMs = null;
  let peakRssKb = null;
  if (useTime && fs.existsSync(timeFile)) {
    // GNU time writes "Command exited with non-zero status N" before the format line when the child fails.
    const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
    const [, user, sys, rss] = last.split(' ').map(Number);
    if ([user, sys, rss].every(Number.isFinite)) {
      cpuMs = (user + sys) * 1000;
      peakRssKb = rss;
    }
    fs.rmSync(timeFile, { force: true });
  }
  return { code, wallMs, cpuMs, peakRssKb, stderr, timedOut };
}

/**
 * Runs a command `runs` times and returns the median of each measure, the runs themselves, and the last run's
 * exit code and stderr. `accept(code)` says which exit codes are a successful run. A run longer than `onceAfterMs`
 * is not repeated: a peer that takes a minute is not the figure a ratio hinges on, and repeating it costs minutes.
 */
async function medianOfRuns(command, args, { runs, accept = (c) => c === 0, onceAfterMs = Infinity, ...options }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await timedRun(command, args, options);
    results.push(result);
    if (result.timedOut || !accept(result.code) || result.wallMs > onceAfterMs) break;
  }
  const last = results[results.length - 1];
  const done = results.length === runs || (last !== undefined && last.wallMs > onceAfterMs);
  const ok = done && results.every((r) => !r.timedOut && accept(r.code));
  const pick = (key) => (results.every((r) => r[key] !== null) ? median(results.map((r) => r[key])) : null);
  return { ok, runs: results, wallMs: pick('wallMs'), cpuMs: pick('cpuMs'), peakRssKb: pick('peakRssKb'), last };
}

/** The first line a program prints for `args` (e.g. `--version`), or undefined when it cannot run. */
function firstLine(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  if (result.status !== 0 || !result.stdout) return undefined;
  return result.stdout.split('\n')[0].trim();
}

module.exports = { timedRun, medianOfRuns, median, percentile, hasGnuTime, firstLine };
