/**
 * The only place the CLI starts a process: the `git` executable, found on PATH, with an argument vector built
 * here and never a shell. Every run gets options that keep git from running anything else a repository's config
 * could name (external diff and textconv drivers, fsmonitor hooks, a pager) and from reaching the network (a
 * partial clone would otherwise fetch a missing blob from its remote).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

/** The program run; a bare name looked up on PATH, as a user's own `git` call would. */
export const GIT_EXECUTABLE = 'git';

/**
 * Options placed before every git subcommand. `protocol.allow=never` refuses every transport, so a lazy fetch in a
 * partial clone fails at once instead of connecting; the rest switch off programs a repository's config may name.
 */
export const SAFE_CONFIG: readonly string[] = [
  '--no-pager',
  '--literal-pathspecs',
  '-c', 'protocol.allow=never',
  '-c', 'core.fsmonitor=false',
  '-c', 'core.quotepath=off',
  '-c', 'diff.external=',
  '-c', 'core.pager=cat',
];

/** The environment git runs with: the caller's, minus anything that would prompt or fetch. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // An empty list allows no protocol at all: the belt to `protocol.allow=never`'s braces.
    GIT_ALLOW_PROTOCOL: '',
    GIT_TERMINAL_PROMPT: '0',
    // Reading never needs the index lock; without this `git diff` may refresh and rewrite the index.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_NO_LAZY_FETCH: '1',
    LC_ALL: 'C',
  };
}

/** A git run that failed: its exit code and the first lines it wrote to stderr. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** A running git process with piped stdin, stdout and stderr. */
export type GitChild = ChildProcessByStdio<Writable, Readable, Readable>;

/** Starts `git <safe options> <args>` in `cwd`. Never a shell: `args` reach git as they are. */
export function startGit(args: readonly string[], cwd: string): GitChild {
  return spawn(GIT_EXECUTABLE, [...SAFE_CONFIG, ...args], {
    cwd,
    env: gitEnv(),
    shell: false,
    stdio: ['pipe', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

/** Stderr kept from one git run: enough for a message, bounded so a chatty failure cannot fill memory. */
const STDERR_LIMIT = 16 * 1024;

/** Collects a child's stderr up to {@link STDERR_LIMIT}. */
export function collectStderr(child: GitChild): () => string {
  let text = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    if (text.length < STDERR_LIMIT) text += chunk.slice(0, STDERR_LIMIT - text.length);
  });
  return () => text;
}

/** Resolves with the exit code once the child has exited and its streams are closed; rejects if it could not start. */
export function exited(child: GitChild): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}

/** Runs a short git command to the end and returns its stdout; a non-zero exit throws {@link GitError}. */
export async function runGit(args: readonly string[], cwd: string): Promise<Buffer> {
  const child = startGit(args, cwd);
  child.stdin.end();
  const stderr = collectStderr(child);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await exited(child).catch((error: NodeJS.ErrnoException) => {
    throw new GitError(error.code === 'ENOENT' ? 'git is not installed or not on PATH' : `could not run git: ${error.message}`, null, '');
  });
  if (code !== 0) throw new GitError(firstLine(stderr()) || `git ${args[0]} exited with code ${code}`, code, stderr());
  return Buffer.concat(chunks);
}

/** The first non-empty line of git's stderr, without git's `fatal: ` or `error: ` prefix. */
export function firstLine(stderr: string): string {
  const line = stderr.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.replace(/^(fatal|error): /, '').trim();
}
