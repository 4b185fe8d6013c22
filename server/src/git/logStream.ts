/**
 * Streams commits, oldest first, from one `git log --raw -z` process: each commit's hash, author and date, and the
 * blobs it added or changed. The raw format names blobs without reading them, so a missing blob (a partial clone)
 * cannot stop the log; the blobs are read later through `cat-file --batch`. Nothing but the current commit is held.
 */
import { collectStderr, exited, firstLine, GitError, startGit } from './gitProcess';

/** A file version a commit wrote. */
export interface ChangedBlob {
  /** Path from the repository root, posix. */
  path: string;
  /** The new blob's full object name. */
  blob: string;
}

/** One commit and the regular files it added or changed (deletions, submodules and symbolic links left out). */
export interface LogCommit {
  hash: string;
  author: string;
  /** Author date, strict ISO 8601, e.g. `2024-05-01T12:00:00+02:00`. */
  date: string;
  changes: ChangedBlob[];
}

/** Marks the start of a commit's header in the stream; cannot occur in a hash. */
const COMMIT_MARK = '\x01';

/** Modes of regular files; a symbolic link's blob is its target, a submodule's entry is a commit. */
const FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755', '100664']);

/**
 * The `git log` arguments for a history scan: `revisions` (e.g. `['HEAD']`, `['--all']`, `['main', '^v1.0']`),
 * then `--` and the path filters. Revisions come after `--end-of-options`, so none can be read as an option.
 */
export function logArgs(revisions: readonly string[], pathspecs: readonly string[]): string[] {
  const flags = revisions.filter((r) => r === '--all');
  const revs = revisions.filter((r) => r !== '--all');
  return [
    'log', '--raw', '-z', '--no-renames', '--no-abbrev', '--reverse', '--date-order', '--no-color',
    `--format=${COMMIT_MARK}%H%x00%an%x00%aI%x00`,
    ...flags, '--end-of-options', ...revs, '--', ...pathspecs,
  ];
}

/** Yields each commit of `git log <args>` as it streams in; throws {@link GitError} when git fails. */
export async function* logCommits(args: readonly string[], cwd: string): AsyncGenerator<LogCommit> {
  const child = startGit(args, cwd);
  child.stdin.end();
  const stderr = collectStderr(child);
  const done = exited(child);
  const parser = new RawLogParser();
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      yield* parser.push(chunk);
    }
    yield* parser.end();
  } finally {
    // A consumer that stops early (Ctrl-C) must not leave git writing into a full pipe.
    if (child.exitCode === null) child.kill();
  }
  const code = await done;
  if (code !== 0 && code !== null) throw new GitError(firstLine(stderr()) || `git log exited with code ${code}`, code, stderr());
}

/** Splits the NUL-separated stream into commits. Exported for tests. */
export class RawLogParser {
  private rest: Buffer = Buffer.alloc(0);
  private current: LogCommit | undefined;
  /** Fields of a header still to come, or the path that follows a raw entry. */
  private expect: 'author' | 'date' | 'path' | undefined;
  private entry: { blob: string; keep: boolean } | undefined;

  /** Feeds a chunk; returns the commits it completed. */
  push(chunk: Buffer): LogCommit[] {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk;
    const fields: string[] = [];
    let start = 0;
    // Fields split on NUL bytes before decoding, so a character cut by a chunk boundary is decoded whole.
    for (let nul = data.indexOf(0, start); nul >= 0; nul = data.indexOf(0, start)) {
      fields.push(data.toString('utf8', start, nul));
      start = nul + 1;
    }
    this.rest = Buffer.from(data.subarray(start));
    return this.fields(fields);
  }

  /** Completes the last commit. */
  end(): LogCommit[] {
    const done = this.fields(this.rest.length === 0 ? [] : [this.rest.toString('utf8')]);
    this.rest = Buffer.alloc(0);
    if (this.current !== undefined) done.push(this.current);
    this.current = undefined;
    return done;
  }

  private fields(fields: string[]): LogCommit[] {
    const done: LogCommit[] = [];
    for (let field of fields) {
      if (this.expect === 'author') {
        this.current!.author = field;
        this.expect = 'date';
        continue;
      }
      if (this.expect === 'date') {
        this.current!.date = field;
        this.expect = undefined;
        continue;
      }
      if (this.expect === 'path') {
        if (this.entry!.keep) this.current!.changes.push({ path: field, blob: this.entry!.blob });
        this.expect = undefined;
        continue;
      }
      field = field.replace(/^\n+/, '');
      if (field.startsWith(COMMIT_MARK)) {
        if (this.current !== undefined) done.push(this.current);
        this.current = { hash: field.slice(1), author: '', date: '', changes: [] };
        this.expect = 'author';
      } else if (field.startsWith(':')) {
        // `:oldmode newmode oldsha newsha status`
        const [, newMode, , newSha, status] = field.slice(1).split(' ');
        const keep = (status === 'A' || status === 'M' || status === 'T') && FILE_MODES.has(newMode ?? '');
        this.entry = { blob: newSha ?? '', keep };
        this.expect = 'path';
      }
    }
    return done;
  }
}
