/**
 * `plaid-lens scan`: walk the paths, scan each file, write the report, and decide the exit code.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatConfigError } from '../engine/config';
import { EXIT, UsageError, type ScanArgs } from './args';
import { ConfigFailure, ConfigResolver } from './configs';
import { formatJson } from './formatJson';
import { formatSarif, type SarifToolInfo } from './formatSarif';
import { formatText } from './formatText';
import type { Output } from './output';
import { totalsOf, type FileResult, type Totals } from './report';
import { scanFile, type ScanLimits } from './scanFile';
import { FileWalker, type ScanRoot, type WalkItem } from './walk';

/** What a scan needs besides its arguments. */
export interface ScanContext {
  cwd: string;
  output: Output;
  tool: SarifToolInfo;
}

/**
 * Files read at the same time. Reading is I/O-bound, so a few in flight hide its latency; the engine itself runs
 * on this thread (a worker pool would replace {@link scanAll}'s mapper).
 */
const READ_CONCURRENCY = 8;

/** Runs a scan and returns the exit code. */
export async function runScan(args: ScanArgs, context: ScanContext): Promise<number> {
  const { cwd, output } = context;
  const roots = await resolveRoots(args.paths, cwd);
  let results: FileResult[];
  try {
    const configs = args.config === undefined ? ConfigResolver.discovering(cwd) : await ConfigResolver.fixed(cwd, args.config);
    results = await scanAll(new FileWalker(cwd, configs), roots, { maxBytes: args.maxFileSizeKb * 1024 }, output);
  } catch (error) {
    if (!(error instanceof ConfigFailure)) throw error;
    output.clearProgress();
    for (const e of error.errors) output.note(`error: ${formatConfigError(e)}`);
    return EXIT.usage;
  }
  const totals = totalsOf(results);
  try {
    await output.report(render(args, results, totals, context), args.output);
  } catch (error) {
    throw new UsageError(`cannot write ${args.output}: ${(error as Error).message}`);
  }
  return exitCode(totals, args.maxWarnings, output);
}

/** Walks and scans, reporting each skipped or unreadable file on stderr as it is met. */
async function scanAll(walker: FileWalker, roots: ScanRoot[], limits: ScanLimits, output: Output): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const scanItem = (item: WalkItem): Promise<FileResult> =>
    item.kind === 'file'
      ? scanFile(item.job, limits)
      : Promise.resolve({ absPath: item.absPath, displayPath: item.displayPath, findings: [], note: item.note });
  try {
    for await (const result of mapInOrder(walker.walk(roots), READ_CONCURRENCY, scanItem)) {
      results.push(result);
      if (result.note !== undefined) {
        const level = result.note.kind === 'skipped' ? 'note' : 'warning';
        output.note(`${level}: ${result.displayPath}: ${result.note.kind === 'skipped' ? 'skipped, ' : ''}${result.note.reason}`);
      }
      output.progress(`Scanning… ${results.length} file${results.length === 1 ? '' : 's'}`);
    }
  } finally {
    output.clearProgress();
  }
  return results;
}

/**
 * Maps an async source with up to `limit` calls in flight, yielding results in source order so the report does
 * not depend on timing. `map` must not reject.
 */
export async function* mapInOrder<T, R>(source: AsyncIterable<T>, limit: number, map: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  for await (const item of source) {
    pending.push(map(item));
    if (pending.length >= limit) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
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
