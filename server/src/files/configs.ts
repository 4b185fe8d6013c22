/**
 * Finds the `.plaidlens.json` that governs each folder (the nearest one at or above it, or the one given with
 * `--config`), parses it once, and answers the questions the walker asks of it.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RuleId, SeverityLevel } from '../engine';
import { isIgnoredPath, parseConfig, rulesForPath, type ConfigError, type PlaidLensConfig } from '../engine/config';
import { describeFsError } from './readText';

/** The file name searched for in each folder. */
export const CONFIG_FILE_NAME = '.plaidlens.json';

/** A parsed config and the folder its globs are relative to. */
export interface LoadedConfig {
  file: string;
  dir: string;
  config: PlaidLensConfig;
}

/** Thrown when a config file cannot be read or is invalid; the scan stops and exits with 2. */
export class ConfigFailure extends Error {
  constructor(readonly errors: ConfigError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** Answers "which config applies here?" with one lookup per folder, however many files it holds. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<LoadedConfig | undefined>>();
  /** Folders whose listing showed no config file, so looking one up there skips straight to the parent. */
  private readonly listedWithout = new Set<string>();

  /**
   * @param cwd Folder that file names in error messages are relative to.
   * @param fixed The config given with `--config`; when set, no other file is looked for.
   */
  private constructor(
    private readonly cwd: string,
    private readonly fixed: LoadedConfig | undefined,
  ) {}

  /** Looks for `.plaidlens.json` walking up from each folder. */
  static discovering(cwd: string): ConfigResolver {
    return new ConfigResolver(cwd, undefined);
  }

  /** Uses one config file for every path; throws {@link ConfigFailure} if it is missing or invalid. */
  static async fixed(cwd: string, file: string): Promise<ConfigResolver> {
    const absolute = path.resolve(cwd, file);
    const loaded = await loadConfig(absolute, cwd);
    if (loaded === undefined) throw new ConfigFailure([placeless(displayName(cwd, absolute), 'the file does not exist')]);
    return new ConfigResolver(cwd, loaded);
  }

  /** The config governing files directly inside `dir` (absolute), if any. */
  forDir(dir: string): Promise<LoadedConfig | undefined> {
    if (this.fixed !== undefined) return Promise.resolve(this.fixed);
    let cached = this.byDir.get(dir);
    if (cached === undefined) {
      cached = this.lookUp(dir);
      this.byDir.set(dir, cached);
    }
    return cached;
  }

  /**
   * Tells the resolver what a folder listing showed, so that a folder without a config file costs no failed read
   * (a walk meets thousands of them).
   */
  listed(dir: string, hasConfigFile: boolean): void {
    if (!hasConfigFile) this.listedWithout.add(dir);
  }

  /** Severities for a file, from the config that governs its folder; `{}` (defaults) when there is none. */
  async rulesFor(absPath: string): Promise<Partial<Record<RuleId, SeverityLevel>>> {
    const loaded = await this.forDir(path.dirname(absPath));
    return loaded === undefined ? {} : rulesForPath(loaded.config, relativeTo(loaded.dir, absPath));
  }

  /**
   * The config file whose `ignore` globs exclude `absPath` (a file or a folder), if one does. Every config at or
   * above the path's folder is asked, so a folder's own `.plaidlens.json` cannot re-include what a parent ignores.
   */
  async ignoredBy(absPath: string): Promise<string | undefined> {
    let loaded = await this.forDir(path.dirname(absPath));
    while (loaded !== undefined) {
      if (isIgnoredPath(loaded.config, relativeTo(loaded.dir, absPath))) return loaded.file;
      const parent = path.dirname(loaded.dir);
      const above: LoadedConfig | undefined = parent === loaded.dir ? undefined : await this.forDir(parent);
      loaded = above === loaded ? undefined : above;
    }
    return undefined;
  }

  private async lookUp(dir: string): Promise<LoadedConfig | undefined> {
    const here = this.listedWithout.has(dir) ? undefined : await loadConfig(path.join(dir, CONFIG_FILE_NAME), this.cwd);
    if (here !== undefined) return here;
    const parent = path.dirname(dir);
    return parent === dir ? undefined : this.forDir(parent);
  }
}

/** Reads and parses one config file; undefined when it does not exist, {@link ConfigFailure} when it is broken. */
async function loadConfig(absolute: string, cwd: string): Promise<LoadedConfig | undefined> {
  const shown = displayName(cwd, absolute);
  let text: string;
  try {
    text = await fs.readFile(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigFailure([placeless(shown, `cannot read the file: ${describeFsError(error)}`)]);
  }
  const result = parseConfig(text, shown);
  if (!result.ok) throw new ConfigFailure(result.errors);
  return { file: shown, dir: path.dirname(absolute), config: result.config };
}

function placeless(file: string, message: string): ConfigError {
  return { file, line: 1, column: 1, field: '', message };
}

/** `absPath` relative to `dir` with posix separators, the form config globs are written in. */
export function relativeTo(dir: string, absPath: string): string {
  return path.relative(dir, absPath).split(path.sep).join('/');
}

function displayName(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || absolute;
}
