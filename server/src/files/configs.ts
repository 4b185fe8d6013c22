/**
 * The one place `.plaidlens.json` files are found and read, for the CLI, the editor's live diagnostics and its
 * workspace scan alike. The nearest file at or above a folder gives its files their `rules` and `overrides`; the
 * `ignore` globs of every file from the stop folder down apply, so a folder's own file cannot re-include what a
 * parent ignores. Where the search stops and what a broken file does are the caller's choice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleId, SeverityLevel } from '../engine';
import { EMPTY_CONFIG, isIgnoredPath, parseConfig, rulesForPath, type ConfigError, type PlaidLensConfig } from '../engine/config';
import { describeFsError } from './readText';

/** The file name searched for in each folder. */
export const CONFIG_FILE_NAME = '.plaidlens.json';

/** A parsed config and the folder its globs are relative to. */
export interface LoadedConfig {
  /** The file's name as errors and notes show it. */
  file: string;
  dir: string;
  config: PlaidLensConfig;
  /** The severities every file it governs gets, once worked out; only for a config without overrides. */
  sharedRules?: Readonly<Partial<Record<RuleId, SeverityLevel>>>;
}

/** The severities of a file no config governs: the defaults. */
const NO_RULES: Readonly<Partial<Record<RuleId, SeverityLevel>>> = Object.freeze({});

/** Thrown when a config file cannot be read or is invalid and the resolver has no `onBroken`; the CLI exits with 2. */
export class ConfigFailure extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** How a resolver searches, and what it does with a broken file. */
export interface ConfigResolverOptions {
  /** File names in errors and notes are relative to this folder (the CLI's working directory); absolute without it. */
  cwd?: string;
  /** The outermost folder searched (the editor's workspace folder); without it the search goes up to the root. */
  stopAt?: string;
  /**
   * Told about each broken file (by absolute path), which then counts as `{}` until it is fixed: defaults for the
   * files it governs, nothing ignored by it. Without it a broken file throws {@link ConfigFailure}.
   */
  onBroken?: (file: string, errors: ConfigError[]) => void;
  /** Told when a file (by absolute path) reads cleanly, so that a warning about an earlier version can be dropped. */
  onValid?: (file: string) => void;
}

/** Answers "which config applies here?" with one lookup per folder, however many files it holds. */
export class ConfigResolver {
  /** Folder → the config that governs it (null: none up to the stop folder). */
  private readonly byDir = new Map<string, LoadedConfig | null>();
  /** Folders whose listing showed no config file, so looking one up there skips straight to the parent. */
  private readonly listedWithout = new Set<string>();

  /** @param fixed The config given with `--config`; when set, no other file is looked for. */
  private constructor(
    private readonly options: ConfigResolverOptions,
    private readonly fixed: LoadedConfig | undefined,
  ) {}

  /** Looks for `.plaidlens.json` walking up from each folder, as the options say. */
  static discovering(options: ConfigResolverOptions = {}): ConfigResolver {
    return new ConfigResolver(options, undefined);
  }

  /** Uses one config file for every path; throws {@link ConfigFailure} if it is missing or invalid. */
  static fixed(cwd: string, file: string): ConfigResolver {
    const absolute = path.resolve(cwd, file);
    const loaded = new ConfigResolver({ cwd }, undefined).load(absolute);
    if (loaded === undefined) throw new ConfigFailure([placeless(displayName(cwd, absolute), 'the file does not exist')]);
    return new ConfigResolver({ cwd }, loaded);
  }

  /** The config governing files directly inside `dir` (absolute), if any; a folder outside the stop folder has none. */
  forDir(dir: string): LoadedConfig | undefined {
    if (this.fixed !== undefined) return this.fixed;
    const visited: string[] = [];
    let found: LoadedConfig | null = null;
    for (let folder = dir; ; ) {
      const cached = this.byDir.get(folder);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      if (!this.searches(folder)) break;
      visited.push(folder);
      const here = this.listedWithout.has(folder) ? undefined : this.load(path.join(folder, CONFIG_FILE_NAME));
      if (here !== undefined) {
        found = here;
        break;
      }
      const parent = path.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    for (const folder of visited) this.byDir.set(folder, found);
    return found ?? undefined;
  }

  /**
   * Tells the resolver what a folder listing showed, so that a folder without a config file costs no failed read
   * (a walk meets thousands of them).
   */
  listed(dir: string, hasConfigFile: boolean): void {
    if (!hasConfigFile) this.listedWithout.add(dir);
  }

  /**
   * Severities for a file, from the config that governs its folder; `{}` (defaults) when there is none. Frozen:
   * files that get the same settings share one object, so a walk builds one per config, not one per file.
   */
  rulesFor(absPath: string): Readonly<Partial<Record<RuleId, SeverityLevel>>> {
    const loaded = this.forDir(path.dirname(absPath));
    if (loaded === undefined) return NO_RULES;
    // Without overrides, the path cannot change the answer.
    if (loaded.config.overrides.length === 0) return (loaded.sharedRules ??= Object.freeze(rulesForPath(loaded.config, '')));
    return Object.freeze(rulesForPath(loaded.config, relativeTo(loaded.dir, absPath)));
  }

  /**
   * The settings of every file directly inside `dir` when the configs cannot tell them apart: the governing config
   * has no overrides, and no config from `dir` up has an `ignore` glob. Undefined when each path must be asked about
   * with {@link rulesFor} and {@link ignoredBy}. A walk asks this once per folder instead of twice per file.
   */
  sameForFolder(dir: string): Readonly<Partial<Record<RuleId, SeverityLevel>>> | undefined {
    const governing = this.forDir(dir);
    for (let loaded = governing; loaded !== undefined; ) {
      if (loaded.config.ignore.length > 0) return undefined;
      const parent = path.dirname(loaded.dir);
      const above = parent === loaded.dir ? undefined : this.forDir(parent);
      loaded = above === loaded ? undefined : above;
    }
    if (governing === undefined) return NO_RULES;
    if (governing.config.overrides.length > 0) return undefined;
    return (governing.sharedRules ??= Object.freeze(rulesForPath(governing.config, '')));
  }

  /**
   * The config file whose `ignore` globs exclude `absPath` (a file or a folder), if one does. Every config from the
   * path's folder up to the stop folder is asked, each with the path relative to its own folder.
   */
  ignoredBy(absPath: string): string | undefined {
    let loaded = this.forDir(path.dirname(absPath));
    while (loaded !== undefined) {
      // Most configs ignore nothing: no need to work out the path relative to them.
      if (loaded.config.ignore.length > 0 && isIgnoredPath(loaded.config, relativeTo(loaded.dir, absPath))) return loaded.file;
      const parent = path.dirname(loaded.dir);
      const above = parent === loaded.dir ? undefined : this.forDir(parent);
      loaded = above === loaded ? undefined : above;
    }
    return undefined;
  }

  /** True for a folder the search may look in: the stop folder and the folders inside it, or any without one. */
  private searches(folder: string): boolean {
    const { stopAt } = this.options;
    if (stopAt === undefined) return true;
    const relative = path.relative(stopAt, folder);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  }

  /**
   * Reads and parses one config file: undefined when it does not exist. Synchronous: a config file is small, and
   * the editor needs its answer before it can scan a document.
   */
  private load(absolute: string): LoadedConfig | undefined {
    const shown = this.options.cwd === undefined ? absolute : displayName(this.options.cwd, absolute);
    let text: string;
    try {
      text = fs.readFileSync(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      return this.broken(absolute, shown, [placeless(shown, `cannot read the file: ${describeFsError(error)}`)]);
    }
    const result = parseConfig(text, shown);
    if (!result.ok) return this.broken(absolute, shown, result.errors);
    this.options.onValid?.(absolute);
    return { file: shown, dir: path.dirname(absolute), config: result.config };
  }

  private broken(absolute: string, shown: string, errors: ConfigError[]): LoadedConfig {
    const { onBroken } = this.options;
    if (onBroken === undefined) throw new ConfigFailure(errors);
    onBroken(absolute, errors);
    return { file: shown, dir: path.dirname(absolute), config: EMPTY_CONFIG };
  }
}

function placeless(file: string, message: string): ConfigError {
  return { file, line: 1, column: 1, field: '', message };
}

/** `absPath` relative to `dir` with posix separators, the form config globs are written in. */
export function relativeTo(dir: string, absPath: string): string {
  // A walk asks this for every file under a config's folder: a prefix answers without path.relative's two resolves.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const relative = absPath.startsWith(prefix) ? absPath.slice(prefix.length) : path.relative(dir, absPath);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}

function displayName(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || absolute;
}
