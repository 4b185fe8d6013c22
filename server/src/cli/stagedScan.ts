/**
 * `plaid-lens scan --staged`: scans what `git commit` would commit, the index's version of each added or changed
 * file, with lines as they stand in that version. Deleted files are left out and binary ones skipped. Works in a
 * repository without commits, where everything staged is new.
 */
import * as path from 'node:path';
import { plural } from '../engine';
import type { FileResult } from '../files/report';
import { runGit } from '../git/gitProcess';
import { noteOf, readAndScan, type BlobOutcome } from '../git/readAndScan';
import type { ScanArgs } from './args';
import { asUsageError, openGitScan, sizeLimitName } from './gitContext';
import type { ScanContext } from './scanCommand';
import { planBaseline, settleFileBaseline } from './scanBaseline';

/** A staged file: its path from the repository root and its blob in the index. */
export interface StagedFile {
  path: string;
  blob: string;
}

/** Files read and scanned at once, at most. */
const IN_FLIGHT = 64;

/** Modes of regular files (symbolic links and submodules are not text to scan). */
const FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755', '100664']);

/** The scan's results, baselined, for `runScan` to render; undefined when Ctrl-C stopped it. */
export async function scanStaged(args: ScanArgs, context: ScanContext): Promise<{ results: FileResult[]; baselined: number } | undefined> {
  const { cwd, output } = context;
  const plan = await planBaseline(args, cwd);
  const git = await openGitScan(cwd, args, false);
  const controller = new AbortController();
  const interrupt = (): void => controller.abort();
  process.once('SIGINT', interrupt);
  try {
    const staged = await asUsageError(stagedFiles(cwd, args.paths, git.repo.hasCommits));
    git.scaleFor(staged.length);
    const results: FileResult[] = [];
    const pending: { absPath: string; displayPath: string; outcome: Promise<BlobOutcome> }[] = [];
    // Files are read and scanned a bounded number at a time, and reported in path order.
    const settle = async (): Promise<void> => {
      const { absPath, displayPath, outcome } = pending.shift()!;
      const done = await outcome;
      const note = noteOf(done);
      results.push({ absPath, displayPath, findings: done.kind === 'scanned' ? done.findings : [], ...(note ? { note } : {}) });
      if (note !== undefined) output.note(`${note.kind === 'skipped' ? 'note' : 'warning'}: ${displayPath}: ${note.kind === 'skipped' ? 'skipped, ' : ''}${note.reason}`);
      output.progress(`Scanning staged files… ${plural(results.length, 'file')}`);
    };
    for (const file of staged) {
      if (controller.signal.aborted) return undefined;
      const absPath = path.join(git.repo.root, ...file.path.split('/'));
      if (git.configs.ignoredBy(absPath) !== undefined) continue;
      const outcome = readAndScan({ ...file, rules: git.configs.rulesFor(absPath) }, git.reader, git.pool, plan.salt, sizeLimitName(args.maxFileSizeKb));
      pending.push({ absPath, displayPath: path.relative(cwd, absPath) || '.', outcome });
      while (pending.length >= IN_FLIGHT) await settle();
    }
    while (pending.length > 0) await settle();
    output.clearProgress();
    if (controller.signal.aborted) return undefined;
    return await settleFileBaseline(results, plan, cwd, output);
  } finally {
    process.removeListener('SIGINT', interrupt);
    await git.close();
  }
}

/**
 * The added, changed and type-changed files in the index, compared with HEAD (or with nothing, before the first
 * commit), limited to `paths` (relative to `cwd`; `.` is everything below it).
 */
export async function stagedFiles(cwd: string, paths: readonly string[], hasCommits: boolean): Promise<StagedFile[]> {
  // `diff --cached` without a commit compares with the empty tree; naming HEAD there would be an error.
  const base = hasCommits ? ['HEAD'] : [];
  const raw = await runGit(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', '--diff-filter=AMT', ...base, '--', ...paths], cwd);
  return parseRaw(raw);
}

/** Reads `:oldmode newmode oldsha newsha status NUL path NUL` entries. */
function parseRaw(raw: Buffer): StagedFile[] {
  const fields = raw.toString('utf8').split('\0');
  const files: StagedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, newMode, , newSha] = fields[i]!.replace(/^\n/, '').slice(1).split(' ');
    if (FILE_MODES.has(newMode ?? '') && newSha !== undefined) files.push({ path: fields[i + 1]!, blob: newSha });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
