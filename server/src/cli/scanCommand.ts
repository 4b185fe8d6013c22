/**
 * `plaid-lens scan`: walk the paths, scan each file on every core, write the report, and decide the exit code.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { plural } from '../engine';
import { formatConfigError } from '../engine/config';
import { ConfigFailure, ConfigResolver } from '../files/configs';
import type { SizeLimitName } from '../files/readText';
import { totalsOf, type FileResult, type Totals } from '../files/report';
import type { ScanLimits } from '../files/scanFile';
import { defaultJobs, scanFiles } from '../files/scanPool';
import { FileWalker, type ScanRoot } from '../files/walk';
import { EXIT, UsageError, type ScanArgs } from './args';
import { formatJson } from './formatJson';
import { formatSarif, type SarifToolInfo } from './formatSarif';
import { formatText } from './formatText';
import { baselinedLine, planBaseline, settleFileBaseline } from './scanBaseline';
import { scanStaged } from './stagedScan';
import type { Output } from './output';

/** What a scan needs besides its arguments. */
export interface ScanContext {
  cwd: string;
  output: Output;
  tool: SarifToolInfo;
}

/** Runs a scan and returns the exit code. */
export async function runScan(args: ScanArgs, context: ScanContext): Promise<number> {
  const { cwd, output } = context;
  if (args.staged) return finish(args, await scanStaged(args, context), context);
  const plan = args.baseline === undefined && args.writeBaseline === undefined ? undefined : await planBaseline(args, cwd);
  const roots = await resolveRoots(args.paths, cwd);
  const controller = new AbortController();
  // Ctrl-C stops the workers and the walk; no report is written for a scan that did not finish.
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let results: FileResult[] | undefined;
  try {
    // Up to the root, not only to the scanned folder: the nearest config at or above a file applies, as documented.
    const configs = args.config === undefined ? ConfigResolver.discovering({ cwd }) : ConfigResolver.fixed(cwd, args.config);
    const limits = { maxBytes: args.maxFileSizeKb * 1024, sizeLimit: SIZE_LIMIT, ...(plan ? { valueSalt: plan.salt } : {}) };
    results = await scanAll(new FileWalker(cwd, configs), roots, limits, args.jobs ?? jobsFor(roots), controller.signal, output);
  } catch (error) {
    if (!(error instanceof ConfigFailure)) throw error;
    output.clearProgress();
    for (const e of error.errors) output.note(`error: ${formatConfigError(e)}`);
    return EXIT.usage;
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
  return finish(args, results && plan ? await settleFileBaseline(results, plan, cwd, output) : results && { results, baselined: 0 }, context);
}

/** Writes the report of a finished scan and returns the exit code; undefined results mean Ctrl-C stopped it. */
async function finish(args: ScanArgs, scanned: { results: FileResult[]; baselined: number } | undefined, context: ScanContext): Promise<number> {
  const { output } = context;
  if (scanned === undefined) {
    output.note('plaid-lens: scan interrupted; no report written');
    return EXIT.interrupted;
  }
  const { results, baselined } = scanned;
  const totals = totalsOf(results);
  const held = baselinedLine(baselined, args.baseline);
  if (held !== '' && args.format !== 'text') output.note(held);
  try {
    await output.report(render(args, results, totals, context) + (held !== '' && args.format === 'text' ? `${held}\n` : ''), args.output);
  } catch (error) {
    throw new UsageError(`cannot write ${args.output}: ${(error as Error).message}`);
  }
  return exitCode(totals, args.maxWarnings, output);
}

/** The option a "too large" note names. */
const SIZE_LIMIT: SizeLimitName = { name: '--max-file-size', unit: 'KB' };

/** Files named on the command line, up to which starting worker threads would cost more than it saves. */
const FEW_FILES = 16;

/** One thread per core, unless only a few files are named and no folder: then this thread scans them at once. */
function jobsFor(roots: readonly ScanRoot[]): number {
  return roots.some((root) => root.isDir) || roots.length >= FEW_FILES ? defaultJobs() : 1;
}

/**
 * Walks and scans on `jobs` threads, reporting each skipped or unreadable file on stderr as it is met, in walk
 * order. Undefined when the signal stopped the scan.
 */
async function scanAll(
  walker: FileWalker,
  roots: ScanRoot[],
  limits: ScanLimits,
  jobs: number,
  signal: AbortSignal,
  output: Output,
): Promise<FileResult[] | undefined> {
  const results: FileResult[] = [];
  const onResult = (result: FileResult): void => {
    results.push(result);
    if (result.note !== undefined) {
      const level = result.note.kind === 'skipped' ? 'note' : 'warning';
      output.note(`${level}: ${result.displayPath}: ${result.note.kind === 'skipped' ? 'skipped, ' : ''}${result.note.reason}`);
    }
    output.progress(`Scanning… ${plural(results.length, 'file')}`);
  };
  try {
    const workerScript = path.join(__dirname, 'scanWorker.js');
    const finished = await scanFiles(walker.items(roots), { jobs, limits, workerScript, signal, scanHere: true }, onResult);
    return finished ? results : undefined;
  } finally {
    output.clearProgress();
  }
}

function render(args: ScanArgs, results: FileResult[], totals: Totals, context: ScanContext): string {
  switch (args.format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, { tool: context.tool, rootDir: context.cwd });
    default:
      return formatText(results, totals);
  }
}

function exitCode(totals: Totals, maxWarnings: number | undefined, output: Output): number {
  if (maxWarnings !== undefined && totals.warnings > maxWarnings) {
    output.note(`error: ${totals.warnings} warnings is more than --max-warnings ${maxWarnings}`);
    return EXIT.problems;
  }
  return totals.errors > 0 ? EXIT.problems : EXIT.ok;
}

/** Checks that every path exists before anything is scanned: a typo is a usage error, not an empty report. */
async function resolveRoots(paths: string[], cwd: string): Promise<ScanRoot[]> {
  return Promise.all(
    paths.map(async (p) => {
      const absPath = path.resolve(cwd, p);
      const stat = await fs.stat(absPath).catch(() => undefined);
      if (stat === undefined) throw new UsageError(`no such file or folder: ${p}`);
      // Opening a FIFO or device would block or never end.
      if (!stat.isFile() && !stat.isDirectory()) throw new UsageError(`not a regular file or folder: ${p}`);
      return { absPath, isDir: stat.isDirectory() };
    }),
  );
}
