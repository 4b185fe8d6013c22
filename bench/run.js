'use strict';
/**
 * The benchmark harness (`npm run bench`): measures the CLI against ripgrep and secretlint on a generated corpus,
 * editor latency and memory over a real LSP connection, start-up, VSIX size and hostile inputs, then prints one
 * Markdown report and writes it into BENCHMARKS.md. No figure here is asserted: the report names each gap.
 *
 *   node bench/run.js [--quick] [--size-mb N] [--dense-mb N] [--seed N] [--runs N] [--only cli,editor,api,...]
 *                     [--trees corpus,realCode,dense] [--write|--no-write]
 */
const fs = require('node:fs');
const path = require('node:path');
const { DEFAULT_SEED } = require('./corpus');
const { describeMachine } = require('./lib/machine');
const { ensureGnuTime } = require('./lib/peers');
const { RESULTS } = require('./lib/paths');
const { renderReport, writeBenchmarksFile } = require('./lib/report');

/** Every section, in the order they run. */
const SECTIONS = {
  startup: () => require('./sections/startup').runStartup,
  memory: () => require('./sections/memory').runMemory,
  editor: () => require('./sections/editor').runEditor,
  api: () => require('./sections/api').runApi,
  adversarial: () => require('./sections/adversarial').runAdversarial,
  cli: () => require('./sections/cli').runCli,
  history: () => require('./sections/history').runHistory,
  vsix: () => require('./sections/vsix').runVsix,
};

const USAGE = `Usage: node bench/run.js [options]

  --quick          20 MB corpus and fewer iterations: a fast check (does not rewrite BENCHMARKS.md)
  --size-mb N      corpus size in MB (default 200, or 20 with --quick)
  --dense-mb N     look-alike-dense corpus size in MB (default 50, or 5 with --quick)
  --trees A,B      CLI trees to measure: corpus, realCode, dense (default all)
  --seed N         corpus seed (default ${DEFAULT_SEED})
  --runs N         runs per CLI tool, the median is reported (default 3, or 1 with --quick)
  --only A,B       run only these sections: ${Object.keys(SECTIONS).join(', ')}
  --profile DIR    the editor section's server writes a CPU profile (--cpu-prof) into DIR
  --write          write BENCHMARKS.md even for a quick or partial run
  --no-write       do not write BENCHMARKS.md
`;

/** Parses the command line; throws a readable error for anything unknown. */
function parseOptions(argv) {
  const options = { quick: false, seed: DEFAULT_SEED };
  let write;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const number = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${arg} needs a whole number above 0`);
      return n;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--size-mb') options.sizeMb = number();
    else if (arg === '--dense-mb') options.denseMb = number();
    else if (arg === '--trees') options.trees = value().split(',').filter(Boolean);
    else if (arg === '--seed') options.seed = number();
    else if (arg === '--runs') options.runs = number();
    else if (arg === '--only') options.only = value().split(',').filter(Boolean);
    else if (arg === '--profile') options.profileDir = require('node:path').resolve(value());
    else if (arg === '--write') write = true;
    else if (arg === '--no-write') write = false;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown option ${arg}`);
  }
  const unknown = (options.only ?? []).filter((s) => !(s in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  options.sizeMb ??= options.quick ? 20 : 200;
  options.denseMb ??= options.quick ? 5 : 50;
  const trees = ['corpus', 'realCode', 'dense'];
  const badTrees = (options.trees ?? []).filter((t) => !trees.includes(t));
  if (badTrees.length > 0) throw new Error(`unknown tree ${badTrees.join(', ')}; trees: ${trees.join(', ')}`);
  options.runs ??= options.quick ? 1 : 3;
  options.write = write ?? (!options.quick && !options.only && !options.trees);
  return options;
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const log = (message) => process.stderr.write(`${message}\n`);
  const machine = describeMachine();
  const timeNote = ensureGnuTime(log);
  if (timeNote) log(`note: ${timeNote}; CPU time and peak RSS of the CLI runs are not measured`);
  const results = {};
  let failed = 0;
  for (const [name, load] of Object.entries(SECTIONS)) {
    if (options.only && !options.only.includes(name)) continue;
    const started = Date.now();
    try {
      results[name] = await load()(options, log);
      for (const failure of results[name].failures ?? []) {
        failed++;
        log(`${name}: ${failure}`);
      }
    } catch (error) {
      failed++;
      results[name] = { available: false, reason: `failed: ${error.message}` };
      log(`${name}: failed: ${error.stack ?? error}`);
    }
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const flags = [...(options.quick ? ['--quick'] : []), ...(options.only ? ['--only', options.only.join(',')] : [])];
  const commands = [`npm run bench${flags.length ? ` -- ${flags.join(' ')}` : ''}`, ...(results.history?.commands ?? [])];
  machine.loadAverageAtEnd = require('node:os').loadavg()[0];
  const report = renderReport(results, { machine, options, commands });
  process.stdout.write(`\n${report}`);
  fs.mkdirSync(RESULTS, { recursive: true });
  const record = JSON.stringify({ machine, options, results }, null, 2) + '\n';
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), record);
  if (options.write) {
    writeBenchmarksFile(report);
    log('BENCHMARKS.md updated');
  } else {
    log('BENCHMARKS.md left alone (quick or partial run; --write to force)');
  }
  // Missing peers and unmet targets are reported, not failures; a section that crashed, or an engine that threw, is.
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
