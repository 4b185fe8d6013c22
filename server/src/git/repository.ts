/**
 * What a git command needs to know about the repository it runs in: its root, whether it has commits, whether
 * it is shallow or a partial clone. "Not a git repository" becomes one clear error.
 */
import { GitError, runGit } from './gitProcess';

/** The repository around a working directory. */
export interface Repository {
  /** The work tree's root, absolute. */
  root: string;
  /** False in a repository where nothing was committed yet. */
  hasCommits: boolean;
  /** True for a clone made with `--depth`: history stops at the shallow boundary. */
  shallow: boolean;
  /** True for a clone made with `--filter`: some blobs may be missing. */
  partial: boolean;
}

/** Thrown when the folder is not inside a git work tree. */
export class NotARepository extends Error {}

/** Finds the repository around `cwd`; throws {@link NotARepository} or {@link GitError}. */
export async function openRepository(cwd: string): Promise<Repository> {
  let lines: string[];
  try {
    lines = (await runGit(['rev-parse', '--is-shallow-repository', '--show-toplevel'], cwd)).toString('utf8').split('\n');
  } catch (error) {
    if (error instanceof GitError && /not a git repository|must be run in a work tree/i.test(error.message)) {
      throw new NotARepository(`not a git repository (or inside one without a work tree): ${cwd}`);
    }
    throw error;
  }
  const [shallow = 'false', root = cwd] = lines;
  const hasCommits = (await verifyCommit('HEAD', cwd)) !== undefined;
  // A partial clone names a promisor remote (and, in newer repository formats, `extensions.partialClone`).
  const partial = await runGit(['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..+\\.promisor)$'], cwd).then(
    (out) => out.toString('utf8').trim() !== '',
    () => false,
  );
  return { root, hasCommits, shallow: shallow === 'true', partial };
}

/**
 * The objects a partial clone lacks among those `revisions` reach (limited to `pathspecs`), listed without fetching
 * them (`rev-list --missing=print`), so the scan can skip them instead of asking git for each one.
 */
export async function missingObjects(revisions: readonly string[], pathspecs: readonly string[], cwd: string): Promise<Set<string>> {
  const flags = revisions.filter((r) => r === '--all');
  const revs = revisions.filter((r) => r !== '--all');
  const out = await runGit(['rev-list', '--objects', '--missing=print', ...flags, '--end-of-options', ...revs, '--', ...pathspecs], cwd);
  const missing = new Set<string>();
  for (const line of out.toString('latin1').split('\n')) if (line.startsWith('?')) missing.add(line.slice(1).trim());
  return missing;
}

/** The full hash of the commit `rev` names, or undefined when it names none. */
export async function verifyCommit(rev: string, cwd: string): Promise<string | undefined> {
  try {
    const out = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], cwd);
    return out.toString('utf8').trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.exitCode !== null) return undefined;
    throw error;
  }
}
