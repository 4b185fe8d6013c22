/**
 * Finds and loads the `.plaidlens.json` that governs a file: the nearest one walking up from the file's folder,
 * stopping at the workspace folder. Lookups and parsed files are cached until a config file changes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMPTY_CONFIG, formatConfigError, parseConfig, type ConfigError, type PlaidLensConfig } from './engine';
import type { Logger } from './log';

/** The config file's name. */
export const CONFIG_FILE_NAME = '.plaidlens.json';

/** The config in force for a file, and the folder its globs are relative to. */
export interface ConfigForFile {
  config: PlaidLensConfig;
  /** The folder that holds the config file (or the stop folder when there is none). */
  folder: string;
  /** The config file's path, when there is one. */
  file?: string;
}

/** Cached discovery and parsing of `.plaidlens.json` files. */
export class ConfigFiles {
  /** Folder → the config file found from it (null: none up to the stop folder). */
  private readonly lookups = new Map<string, string | null>();
  /** Config file → its parsed config (the empty config while it is broken). */
  private readonly loaded = new Map<string, PlaidLensConfig>();
  /** Config file → the warning last shown for it, so a broken file is reported once, not once per document. */
  private readonly reported = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  /** The config for a file on disk; `stopAt` is the outermost folder searched (the workspace folder). */
  forFile(filePath: string, stopAt?: string): ConfigForFile {
    const start = path.dirname(filePath);
    const file = this.find(start, stopAt);
    if (file === null) return { config: EMPTY_CONFIG, folder: stopAt ?? start };
    return { config: this.load(file), folder: path.dirname(file), file };
  }

  /** Forgets every lookup and parsed file; called when any config file may have changed. */
  invalidate(): void {
    this.lookups.clear();
    this.loaded.clear();
  }

  private find(start: string, stopAt: string | undefined): string | null {
    const visited: string[] = [];
    let found: string | null = null;
    for (let folder = start; ; ) {
      const cached = this.lookups.get(folder);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(folder);
      const candidate = path.join(folder, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = path.dirname(folder);
      if (parent === folder || (stopAt !== undefined && samePath(folder, stopAt))) break;
      folder = parent;
    }
    for (const folder of visited) this.lookups.set(folder, found);
    return found;
  }

  private load(file: string): PlaidLensConfig {
    const cached = this.loaded.get(file);
    if (cached !== undefined) return cached;
    let config: PlaidLensConfig = EMPTY_CONFIG;
    try {
      const result = parseConfig(fs.readFileSync(file, 'utf8'), file);
      if (result.ok) {
        config = result.config;
        this.reported.delete(file);
      } else {
        this.report(file, result.errors);
      }
    } catch (error) {
      this.logger.error(`Could not read ${file}; running on defaults`, error);
    }
    this.loaded.set(file, config);
    return config;
  }

  private report(file: string, errors: ConfigError[]): void {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    const message = `Plaid Lens ignores ${CONFIG_FILE_NAME} until it is fixed and runs on defaults: ${formatConfigError(errors[0]!)}${more}`;
    if (this.reported.get(file) === message) return;
    this.reported.set(file, message);
    this.logger.warnUser(message);
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

function samePath(a: string, b: string): boolean {
  return path.relative(a, b) === '';
}
