/**
 * `.gitignore` semantics for the walker: each file's patterns apply to its own folder and below, and a deeper
 * file's opinion (ignore or `!` re-include) wins over a shallower one's, as in git.
 */
import { lstatSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Layer {
  dir: string;
  rules: Ignore;
}

/** An immutable chain of `.gitignore` layers, shallowest first; a folder extends its parent's chain. */
export class GitignoreStack {
  private constructor(private readonly layers: readonly Layer[]) {}

  /** A stack with no patterns. */
  static empty(): GitignoreStack {
    return new GitignoreStack([]);
  }

  /**
   * The stack a scan root inherits: the `.gitignore` files of its ancestors up to the enclosing git repository's
   * top, shallowest first (none when the root is not inside a repository). The root's own file is added by the
   * walk, like any folder's. Synchronous, as the walk is.
   */
  static aboveRoot(root: string): GitignoreStack {
    const top = repositoryTop(root);
    const chain: string[] = [];
    for (let dir = root; top !== undefined && dir !== top; ) {
      dir = path.dirname(dir);
      chain.unshift(dir);
    }
    let stack = GitignoreStack.empty();
    for (const dir of chain) stack = stack.withFolder(dir);
    return stack;
  }

  /** This stack plus `dir/.gitignore` when that file exists and can be read. */
  withFolder(dir: string): GitignoreStack {
    let text: string;
    try {
      text = readFileSync(path.join(dir, '.gitignore'), 'utf8');
    } catch {
      return this;
    }
    return new GitignoreStack([...this.layers, { dir, rules: ignore().add(text) }]);
  }

  /** True when git would ignore `absPath` (a folder when `isDir`). */
  ignores(absPath: string, isDir: boolean): boolean {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      const relative = relativeInside(layer.dir, absPath);
      if (relative === undefined) continue;
      const posix = path.sep === '/' ? relative : relative.split(path.sep).join('/');
      const result = layer.rules.test(isDir ? `${posix}/` : posix);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return false;
  }
}

/**
 * `absPath` relative to `dir` when it lies inside it, else undefined. Both are absolute and normalised, as the walk
 * builds them, so a prefix test answers at once for the thousands of files a walk meets; path.relative is kept for
 * the rest (another drive, a case that differs on Windows).
 */
function relativeInside(dir: string, absPath: string): string | undefined {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  if (absPath.startsWith(prefix)) return absPath.length > prefix.length ? absPath.slice(prefix.length) : undefined;
  const relative = path.relative(dir, absPath);
  return relative === '' || isOutside(relative) ? undefined : relative;
}

function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** The nearest folder at or above `dir` that holds a `.git` entry (folder or worktree file). */
function repositoryTop(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      lstatSync(path.join(current, '.git'));
      return current;
    } catch {
      // not here; keep climbing
    }
    if (path.dirname(current) === current) return undefined;
  }
}
