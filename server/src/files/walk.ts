/**
 * Finds the files a scan covers: folders are walked in name order, honouring `.gitignore` files and the config's
 * `ignore` globs, never entering `.git/` or `node_modules/` and never following a symbolic link to a folder (so a
 * link loop cannot trap the walk). Each file becomes a {@link FileJob}: everything a worker needs to scan it, so
 * the walk and the per-file scan can run on different threads.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { RuleId, SeverityLevel } from '../engine';
import { CONFIG_FILE_NAME, ConfigResolver, relativeTo } from './configs';
import { GitignoreStack } from './gitignore';
import { describeFsError } from './readText';
import type { FileNote } from './report';

/** One file to scan. Plain data, so it can be handed to another thread. */
export interface FileJob {
  absPath: string;
  /** Relative to the working directory, for output. */
  displayPath: string;
  /** Relative to the scan root it was found under (posix); what the engine sees, so results do not depend on cwd. */
  fileName: string;
  rules: Partial<Record<RuleId, SeverityLevel>>;
}

/** What the walk yields: a file to scan, or a note about a path it could not or would not scan. */
export type WalkItem =
  | { kind: 'file'; job: FileJob }
  | { kind: 'note'; absPath: string; displayPath: string; note: FileNote };

/** A path given on the command line, already checked to exist. */
export interface ScanRoot {
  absPath: string;
  isDir: boolean;
}

/** A folder being walked: its listing, how far the walk is through it, and its paths ending in a separator. */
interface Folder {
  dir: string;
  realDir: string;
  /**
   * As shown to the user (relative to the working directory); empty for the working directory itself; undefined
   * when the working directory lies inside the walk, where a path back to it cannot be built from its parent's.
   */
  shown: string | undefined;
  /** Relative to the scan root, posix; empty for the root. */
  relative: string;
  entries: Dirent[];
  next: number;
  ignores: GitignoreStack;
  /** The settings of every file and folder in it when no config tells them apart (nothing ignored); else undefined. */
  same: FileJob['rules'] | undefined;
}

/** Folders that are never entered: version-control data and installed packages. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Walks the roots in order, yielding each file once even when roots overlap or links point at the same file. */
export class FileWalker {
  private readonly seen = new Set<string>();
  private readonly realRoots: string[] = [];

  constructor(
    private readonly cwd: string,
    private readonly configs: ConfigResolver,
  ) {}

  /** Every file and note under the roots, as {@link items} lists them, for a caller that takes them one by one. */
  async *walk(roots: readonly ScanRoot[]): AsyncGenerator<WalkItem> {
    yield* this.items(roots);
  }

  /**
   * Every file and note under the roots. Throws only for config failures, and only when the resolver throws them.
   * Synchronous: a listing, a `.gitignore` or a link takes microseconds to read, and a promise or two per item
   * cost about 5% of a scan with every rule off. A caller that must stay responsive turns the event loop now and then.
   */
  *items(roots: readonly ScanRoot[]): Generator<WalkItem> {
    // The native call, as the promise API makes: the same answer for every path form.
    const realPaths = roots.map((root) => realpathSync.native(root.absPath));
    this.realRoots.push(...realPaths.filter((_, i) => roots[i].isDir));
    for (const [i, root] of roots.entries()) {
      if (root.isDir) {
        yield* this.walkFolder(root.absPath, realPaths[i]!, root.absPath, GitignoreStack.aboveRoot(root.absPath));
      } else {
        yield* this.explicitFile(root.absPath, realPaths[i]!);
      }
    }
  }

  /** A file named on the command line: `.gitignore` does not apply (the user asked for it), config `ignore` does. */
  private *explicitFile(absPath: string, realPath: string): Generator<WalkItem> {
    const ignoredBy = this.configs.ignoredBy(absPath);
    if (ignoredBy !== undefined) {
      yield this.note(absPath, 'skipped', `matches an \`ignore\` glob in ${ignoredBy}`);
      return;
    }
    const job = this.job(absPath, path.basename(absPath), realPath);
    if (job) yield job;
  }

  /**
   * Walks one folder tree depth first, in name order. One loop over a stack of open folders, not one generator per
   * folder: an item then passes through one `yield`, not through one per folder level above it.
   */
  private *walkFolder(top: string, realTop: string, root: string, aboveRoot: GitignoreStack): Generator<WalkItem> {
    const stack: Folder[] = [];
    // A folder's shown and root-relative paths extend its parent's; only the top one needs path.relative.
    const enter = (dir: string, realDir: string, parentIgnores: GitignoreStack, parent?: Folder): WalkItem | undefined => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch (error) {
        return this.note(dir, 'unreadable', `could not list the folder: ${describeFsError(error)}`);
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      this.configs.listed(dir, entries.some((e) => e.name === CONFIG_FILE_NAME));
      const ignores = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? parentIgnores.withFolder(dir) : parentIgnores;
      const name = parent === undefined ? '' : dir.slice(parent.dir.length);
      const shown = parent === undefined ? this.display(dir) : '';
      const relative = parent === undefined ? relativeTo(root, dir) : '';
      stack.push({
        dir: dir.endsWith(path.sep) ? dir : dir + path.sep,
        realDir: realDir.endsWith(path.sep) ? realDir : realDir + path.sep,
        shown: parent === undefined ? shownPrefix(shown, isInside(dir, this.cwd)) : parent.shown?.concat(name, path.sep),
        relative: parent !== undefined ? `${parent.relative}${name}/` : relative === '' ? '' : `${relative}/`,
        entries,
        next: 0,
        ignores,
        same: this.configs.sameForFolder(dir),
      });
      return undefined;
    };
    const unlisted = enter(top, realTop, aboveRoot);
    if (unlisted !== undefined) yield unlisted;
    while (stack.length > 0) {
      const folder = stack[stack.length - 1]!;
      const entry = folder.entries[folder.next++];
      if (entry === undefined) {
        stack.pop();
        continue;
      }
      const absPath = folder.dir + entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name) || folder.ignores.ignores(absPath, true)) continue;
        if (folder.same === undefined && this.configs.ignoredBy(absPath) !== undefined) continue;
        const failed = enter(absPath, folder.realDir + entry.name, folder.ignores, folder);
        if (failed !== undefined) yield failed;
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (folder.ignores.ignores(absPath, false)) continue;
        const item = this.folderFile(absPath, entry, folder);
        if (item !== undefined) yield item;
      }
      // Sockets, FIFOs and devices are skipped: reading a FIFO would block the scan forever.
    }
  }

  /**
   * A file met while walking. A symbolic link is followed only to a regular file outside the scan roots: a target
   * inside them is scanned (or ignored) where it lives, so findings are reported once, at the real file.
   */
  private folderFile(absPath: string, entry: Dirent, folder: Folder): WalkItem | undefined {
    let key = folder.realDir + entry.name;
    if (entry.isSymbolicLink()) {
      try {
        const target = statSync(absPath);
        if (!target.isFile()) return undefined;
        key = realpathSync.native(absPath);
        if (this.realRoots.some((r) => isInside(r, key))) return undefined;
      } catch (error) {
        return this.note(absPath, 'unreadable', `could not read the file: ${describeFsError(error)}`);
      }
    }
    // A folder whose files the configs do not tell apart was asked once, for all of them.
    if (folder.same === undefined && this.configs.ignoredBy(absPath) !== undefined) return undefined;
    // The folder's shown and root-relative paths, worked out once for all its files.
    return this.job(absPath, folder.relative + entry.name, key, folder.shown === undefined ? undefined : folder.shown + entry.name, folder.same);
  }

  private job(absPath: string, fileName: string, key: string, displayPath = this.display(absPath), same?: FileJob['rules']): WalkItem | undefined {
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    const rules = same ?? this.configs.rulesFor(absPath);
    return { kind: 'file', job: { absPath, displayPath, fileName, rules } };
  }

  private note(absPath: string, kind: FileNote['kind'], reason: string): WalkItem {
    return { kind: 'note', absPath, displayPath: this.display(absPath), note: { kind, reason } };
  }

  private display(absPath: string): string {
    return path.relative(this.cwd, absPath) || '.';
  }
}

/** The prefix a folder's files are shown with, or undefined when `cwdInside` (each is then shown on its own). */
function shownPrefix(shown: string, cwdInside: boolean): string | undefined {
  if (cwdInside) return undefined;
  return shown === '.' ? '' : shown + path.sep;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
