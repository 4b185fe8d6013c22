/**
 * `plaid-lens history`: scans what each commit added. Commits stream in oldest first from one `git log --raw`, the
 * blobs they wrote are read through one `git cat-file --batch` and scanned on every core, a bounded number at a
 * time, and handled in commit order, so a value is reported once, at the commit that introduced it. Memory holds
 * the findings and a bounded cache of blobs already seen, never the log.
 */
import * as path from 'node:path';
import { plural } from '../engine';
import { BlobSeen } from '../git/blobSeen';
import type { HashedFinding } from '../git/blobScan';
import { GitError } from '../git/gitProcess';
import { logArgs, logCommits, type LogCommit } from '../git/logStream';
import { readAndScan, type BlobOutcome } from '../git/readAndScan';
import { missingObjects, verifyCommit } from '../git/repository';
import { EXIT, UsageError, type HistoryArgs } from './args';
import { formatHistory, historyTotals } from './formatHistory';
import { asUsageError, openGitScan, sizeLimitName, type GitScanTools } from './gitContext';
import { headValues } from './headValues';
import { writeSources } from './historySources';
import type { Output } from './output';
import type { ScanContext } from './scanCommand';
import { baselinedLine, planBaseline, settleBaseline } from './scanBaseline';

/** One finding in history: where it first appeared, and whether HEAD still has its value. */
export interface HistoryFinding {
  commit: string;
  author: string;
  /** Author date, ISO 8601. */
  date: string;
  /** Path from the repository root, posix, in that commit. */
  path: string;
  absPath: string;
  /** The blob of the file in that commit. */
  blob: string;
  finding: HashedFinding;
  presentAtHead: boolean;
}

/** Blobs read and scanned at once, at most: enough to keep every core busy, few enough to bound memory. */
const IN_FLIGHT = 64;

/** Runs a history scan and returns the exit code. */
export async function runHistory(args: HistoryArgs, context: ScanContext): Promise<number> {
  const { cwd, output } = context;
  const plan = await planBaseline(args, cwd);
  const git = await openGitScan(cwd, args, true);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  let settled: { fresh: HistoryFinding[]; baselined: number } | undefined;
  try {
    const revisions = await revisionsOf(args, git);
    const specs = pathspecs(args.paths, cwd, git.repo.root);
    // Blobs a partial clone never downloaded are skipped, never fetched; asking git for each would stop it each time.
    const missing = git.repo.partial && revisions ? await asUsageError(missingObjects([...revisions, 'HEAD'], specs, git.repo.root)) : new Set<string>();
    const found = revisions === undefined ? [] : await scanHistory(args, git, revisions, missing, plan.salt, context, controller.signal);
    if (found !== undefined && found.length > 0 && git.repo.hasCommits) {
      const atHead = await asUsageError(headValues(git, specs, missing, plan.salt, sizeLimitName(args.maxFileSizeKb)));
      for (const f of found) f.presentAtHead = atHead.has(f.finding.valueHash);
    }
    if (found !== undefined && !controller.signal.aborted) {
      settled = await settleBaseline(found, plan, cwd, output);
      if (args.writeSources !== undefined) await writeSources(path.resolve(cwd, args.writeSources), settled.fresh, git.reader, git.configs, output);
    }
  } finally {
    process.removeListener('SIGINT', interrupt);
    output.clearProgress();
    await git.close();
  }
  if (settled === undefined || controller.signal.aborted) {
    output.note('plaid-lens: history scan interrupted; no report written');
    return EXIT.interrupted;
  }
  const { fresh, baselined } = settled;
  const held = baselinedLine(baselined, args.baseline);
  if (held !== '' && args.format !== 'text') output.note(held);
  const report = formatHistory(fresh, args.format, { tool: context.tool, rootDir: git.repo.root }) + (held !== '' && args.format === 'text' ? `${held}\n` : '');
  try {
    await output.report(report, args.output);
  } catch (error) {
    throw new UsageError(`cannot write ${args.output}: ${(error as Error).message}`);
  }
  const totals = historyTotals(fresh);
  if (args.maxWarnings !== undefined && totals.warnings > args.maxWarnings) {
    output.note(`error: ${totals.warnings} warnings is more than --max-warnings ${args.maxWarnings}`);
    return EXIT.problems;
  }
  return totals.errors > 0 ? EXIT.problems : EXIT.ok;
}

/** The revisions `git log` walks, checked first so a typo is a usage error; undefined when there are no commits. */
async function revisionsOf(args: HistoryArgs, git: GitScanTools): Promise<string[] | undefined> {
  if (!git.repo.hasCommits && args.branch === undefined && !args.all) return undefined;
  const cwd = git.repo.root;
  const tip = args.all ? '--all' : (args.branch ?? 'HEAD');
  if (tip !== '--all' && (await asUsageError(verifyCommit(tip, cwd))) === undefined) throw new UsageError(`no commit named ${tip}`);
  if (args.since === undefined) return [tip];
  const since = await asUsageError(verifyCommit(args.since, cwd));
  if (since === undefined) throw new UsageError(`--since: no commit named ${args.since}`);
  return [tip, `^${since}`];
}

/** Streams the log and returns the first finding of each value, oldest first; undefined when aborted. */
async function scanHistory(
  args: HistoryArgs,
  git: GitScanTools,
  revisions: string[],
  missing: ReadonlySet<string>,
  salt: string,
  context: ScanContext,
  signal: AbortSignal,
): Promise<HistoryFinding[] | undefined> {
  const { output } = context;
  const { repo, configs, reader, pool } = git;
  if (repo.shallow) output.note('note: this is a shallow clone: history stops at its oldest commit, which shows every file it holds as added');
  const specs = pathspecs(args.paths, context.cwd, repo.root);
  const sizeLimit = sizeLimitName(args.maxFileSizeKb);
  const seenValues = new Set<string>();
  const seenBlobs = new BlobSeen();
  const found: HistoryFinding[] = [];
  const pending: { commit: LogCommit; path: string; blob: string; outcome: Promise<BlobOutcome> }[] = [];
  let commits = 0;
  let binaries = 0;
  let absent = 0;
  const settle = async (): Promise<void> => {
    const next = pending.shift()!;
    const outcome = await next.outcome;
    if (outcome.kind !== 'scanned') {
      if (outcome.binary) binaries++;
      else output.note(`${outcome.kind === 'skipped' ? 'note' : 'warning'}: ${next.commit.hash.slice(0, 8)} ${next.path}: ${outcome.kind === 'skipped' ? 'skipped, ' : ''}${outcome.reason}`);
      return;
    }
    const absPath = path.join(repo.root, ...next.path.split('/'));
    for (const finding of outcome.findings) {
      const key = `${finding.rule}\0${finding.valueHash}`;
      if (seenValues.has(key)) continue;
      seenValues.add(key);
      const { hash, author, date } = next.commit;
      found.push({ commit: hash, author, date, path: next.path, absPath, blob: next.blob, finding, presentAtHead: false });
    }
  };
  const log = logCommits(logArgs(revisions, specs), repo.root);
  try {
    for await (const commit of notingFailure(log, output)) {
      if (signal.aborted) return undefined;
      output.progress(`Scanning history… ${plural(++commits, 'commit')}, ${plural(found.length, 'finding')}`);
      for (const change of commit.changes) {
        // A blob seen before holds no value that was not reported already.
        if (seenBlobs.has(change.blob)) continue;
        seenBlobs.add(change.blob);
        if (missing.has(change.blob)) {
          absent++;
          continue;
        }
        const absPath = path.join(repo.root, ...change.path.split('/'));
        if (configs.ignoredBy(absPath) !== undefined) continue;
        const outcome = readAndScan({ ...change, rules: configs.rulesFor(absPath) }, reader, pool, salt, sizeLimit);
        pending.push({ commit, path: change.path, blob: change.blob, outcome });
        while (pending.length >= IN_FLIGHT) await settle();
      }
    }
    while (pending.length > 0) await settle();
  } finally {
    await log.return(undefined);
  }
  if (binaries > 0) output.note(`note: skipped ${plural(binaries, 'binary file version')}`);
  if (repo.partial) {
    output.note(`note: this is a partial clone: ${plural(absent, 'file version')} it never downloaded ${absent === 1 ? 'was' : 'were'} not scanned (nothing is fetched)`);
  }
  return signal.aborted ? undefined : found;
}

/** Ends the stream with a note when git log fails part-way (a corrupt commit or tree): what was read is reported. */
async function* notingFailure(commits: AsyncGenerator<LogCommit>, output: Output): AsyncGenerator<LogCommit> {
  try {
    yield* commits;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    output.note(`warning: git log stopped early: ${error.message}; the commits after that point were not scanned`);
  }
}

/** The path filters relative to the repository root, where git runs; a path outside it is a usage error. */
export function pathspecs(paths: readonly string[], cwd: string, root: string): string[] {
  return paths.map((p) => {
    const relative = path.relative(root, path.resolve(cwd, p));
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) throw new UsageError(`${p} is outside the repository`);
    return relative === '' ? '.' : relative.split(path.sep).join('/');
  });
}
