'use strict';
/**
 * `plaid-lens history` on a generated repository of 10,000 commits (2,000 with --quick), side by side with the
 * pipeline a shell user would write, `git log -p | rg -f bench/patterns/plaid.txt`: wall time, CPU and peak RSS
 * (medians of `runs`), and the findings against what the generator planted. Memory is also measured on the first
 * quarter of the same history, so a peak that grows with the log shows up as a ratio well above 1.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { ensureHistoryRepo } = require('../lib/historyRepo');
const { BUILD, CACHE, CLI, PATTERNS, ROOT } = require('../lib/paths');
const { ensureRipgrep } = require('../lib/peers');
const { median, medianOfRuns, timedRun } = require('../lib/proc');

const SELF_RSS = path.join(__dirname, '..', 'lib', 'selfRss.js');
const { MARK } = require('../lib/selfRss');

/** The median of the peak RSS our process reported about itself (threads included, git excluded), in KB. */
function selfPeakKb(result) {
  const values = result.runs.map((r) => Number(new RegExp(`${MARK} (\\d+)`).exec(r.stderr)?.[1])).filter(Number.isFinite);
  return values.length === result.runs.length ? median(values) : null;
}

/** The goal: the history scan within this many times the pipeline's wall time. */
const WALL_TARGET = 3;

/** Peak RSS on the whole history over the first quarter's, above which memory is not flat. */
const FLAT_TARGET = 1.5;

const num = (n, digits = 0) => (n === undefined || n === null || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ms = (n) => (n === undefined || n === null ? '–' : n >= 1000 ? `${num(n / 1000, 2)} s` : `${num(n, 0)} ms`);
const mib = (kb) => (kb === undefined || kb === null ? '–' : `${num(kb / 1024, 1)} MB`);
const ratio = (n) => (n === undefined || !Number.isFinite(n) ? '–' : `${num(n, 2)}×`);

/** The history section. */
async function runHistory({ quick, seed, runs }, log) {
  if (!fs.existsSync(CLI)) return { available: false, reason: 'dist/cli.js is not built' };
  const rg = ensureRipgrep(log);
  if (!rg.available) return { available: false, reason: `ripgrep is unavailable: ${rg.reason}` };
  const commits = quick ? 2000 : 10_000;
  const repo = ensureHistoryRepo({ commits, seed, log });
  fs.mkdirSync(BUILD, { recursive: true });
  const pipeline = `git log -p HEAD | ${rg.command} --count-matches -f ${PATTERNS}`;
  // Both read the same pack; one untimed pass puts it in the page cache.
  await timedRun('bash', ['-c', pipeline], { cwd: repo.root });

  log(`history: plaid-lens history × ${runs}`);
  const report = path.join(BUILD, 'history-report.json');
  const ours = await medianOfRuns(process.execPath, ['-r', SELF_RSS, CLI, 'history', '--format', 'json'], { runs, cwd: repo.root, stdoutFile: report, accept: (c) => c === 0 || c === 1 });
  const findings = ours.ok ? JSON.parse(fs.readFileSync(report, 'utf8')) : [];
  log(`history: ${pipeline.replace(ROOT + path.sep, '')} × ${runs}`);
  const countFile = path.join(BUILD, 'history-rg.txt');
  const peer = await medianOfRuns('bash', ['-c', `set -o pipefail; ${pipeline}`], { runs, cwd: repo.root, stdoutFile: countFile, accept: (c) => c === 0 || c === 1 });

  // The first quarter of the history, as a branch of its own, for the memory comparison.
  const quarter = spawnSync('git', ['rev-parse', `main~${Math.floor((commits * 3) / 4)}`], { cwd: repo.root, encoding: 'utf8' }).stdout.trim();
  log(`history: plaid-lens history on the first quarter × ${runs}`);
  const early = await medianOfRuns(process.execPath, ['-r', SELF_RSS, CLI, 'history', '--format', 'json', '--branch', quarter], { runs, cwd: repo.root, accept: (c) => c === 0 || c === 1 });

  const summary = (r) => ({ ok: r.ok, wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssKb: r.peakRssKb, selfPeakKb: selfPeakKb(r), error: r.ok ? undefined : r.last.stderr.trim().split('\n').slice(-2).join(' ') });
  return {
    available: true,
    repo: { commits, seed, secrets: repo.secrets, stillAtHead: repo.stillAtHead },
    ours: { ...summary(ours), findings: findings.length, presentAtHead: findings.filter((f) => f.presentAtHead).length },
    peer: { ...summary(peer), matches: peer.ok ? Number(fs.readFileSync(countFile, 'utf8').trim() || 0) : undefined, version: rg.version },
    early: summary(early),
    commands: [
      `cd ${repo.root.split(CACHE).join('$CACHE')} && node $REPO/dist/cli.js history --format json`,
      `cd ${repo.root.split(CACHE).join('$CACHE')} && git log -p HEAD | rg --count-matches -f $REPO/${path.relative(ROOT, PATTERNS)}`,
    ],
  };
}

/** Target rows for the report. */
function historyTargets(h) {
  if (!h?.available) return [[`History scan of 10,000 commits within ${WALL_TARGET}× \`git log -p | rg\``, h?.reason ?? 'not run', '', '–']];
  const label = `${num(h.repo.commits)} commits`;
  if (!h.ours.ok || !h.peer.ok) return [[`History scan within ${WALL_TARGET}× \`git log -p | rg\` (${label})`, h.ours.error ?? '–', h.peer.error ?? '–', '–']];
  const r = h.ours.wallMs / h.peer.wallMs;
  const cpu = h.ours.cpuMs && h.peer.cpuMs ? ` (CPU time ${ratio(h.ours.cpuMs / h.peer.cpuMs)})` : '';
  const flat = h.early.selfPeakKb ? h.ours.selfPeakKb / h.early.selfPeakKb : undefined;
  const right = h.ours.findings === h.repo.secrets && h.ours.presentAtHead === h.repo.stillAtHead;
  return [
    [`History scan within ${WALL_TARGET}× \`git log -p | rg\` (${label})`, ms(h.ours.wallMs), `pipeline ${ms(h.peer.wallMs)}: ${ratio(r)}${cpu}`, r <= WALL_TARGET ? '✓' : `✗ ${ratio(r / WALL_TARGET)} over the bound`],
    [`History process peak RSS flat: all / first quarter ≤ ${FLAT_TARGET}×`, `${mib(h.ours.selfPeakKb)} / ${mib(h.early.selfPeakKb)}`, `pipeline's largest process ${mib(h.peer.peakRssKb)}`, flat !== undefined && flat <= FLAT_TARGET ? `✓ ${ratio(flat)}` : `✗ ${ratio(flat)}`],
    ['History findings = the planted secrets, and which HEAD still holds', `${num(h.ours.findings)}, ${num(h.ours.presentAtHead)} at HEAD`, `planted ${num(h.repo.secrets)}, ${num(h.repo.stillAtHead)} at HEAD`, right ? '✓' : '✗ they differ'],
  ];
}

/** The detail table for the report. */
function historyTable(h) {
  if (!h?.available) return [];
  const rows = [
    `### History: ${num(h.repo.commits)} commits (seed ${h.repo.seed})`,
    '',
    '| Tool | Wall (median) | CPU user+sys | Peak RSS, largest process | Peak RSS, the CLI itself | Found |',
    '| --- | --- | --- | --- | --- | --- |',
    `| plaid-lens history | ${ms(h.ours.wallMs)} | ${ms(h.ours.cpuMs)} | ${mib(h.ours.peakRssKb)} | ${mib(h.ours.selfPeakKb)} | ${num(h.ours.findings)} secrets, each once |`,
    `| plaid-lens history, first quarter | ${ms(h.early.wallMs)} | ${ms(h.early.cpuMs)} | ${mib(h.early.peakRssKb)} | ${mib(h.early.selfPeakKb)} | |`,
    `| git log -p \\| ${h.peer.version ?? 'rg'} | ${ms(h.peer.wallMs)} | ${ms(h.peer.cpuMs)} | ${mib(h.peer.peakRssKb)} | | ${num(h.peer.matches)} matching places (added, removed and context lines) |`,
    '',
    'The history scan reads each commit\'s new blobs whole (one `git log --raw`, one `git cat-file --batch`) and scans them on every core; the pipeline greps the diff text. CPU time and the largest process\'s peak RSS come from GNU time and include git (whose delta-base cache, up to 96 MB by default, dominates both tools\' figure); the CLI\'s own peak RSS, all its threads, is what the process reports about itself at exit.',
  ];
  return ['', ...rows];
}

module.exports = { runHistory, historyTargets, historyTable };
