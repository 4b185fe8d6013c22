/**
 * The editor's side of `.plaidlens.json`: the shared resolver (`files/configs.ts`) set up the editor's way, for live
 * diagnostics and the workspace scan alike. The search stops at the workspace folder that holds a file, a broken
 * file is shown once as a warning and counts as `{}` until it is fixed, and every answer is cached until a config
 * file or the workspace folders change.
 */
import * as path from 'node:path';
import { formatConfigError, type ConfigError, type RuleId, type SeverityLevel } from './engine';
import { CONFIG_FILE_NAME, ConfigResolver } from './files/configs';
import type { Logger } from './log';

export { CONFIG_FILE_NAME } from './files/configs';

/** What the config files say about one file. */
export interface ConfigForFile {
  /** The config file whose `ignore` globs exclude the file, if one does. */
  ignoredBy?: string;
  /** Severities from the nearest config file; `{}` (defaults) when there is none or it is broken. */
  rules: Partial<Record<RuleId, SeverityLevel>>;
}

/** Cached discovery and parsing of `.plaidlens.json` files, with one warning per broken file. */
export class ConfigFiles {
  /** Stop folder (`''` for none) → its resolver; dropped whole on {@link invalidate}. */
  private readonly resolvers = new Map<string, ConfigResolver>();
  /** Config file → the warning last shown for it, so a broken file is reported once, not once per document or scan. */
  private readonly reported = new Map<string, string>();

  constructor(private readonly logger: Logger) {}

  /**
   * The resolver for files under `stopAt`, the workspace folder that holds them; without one (a file outside every
   * folder) the search goes up to the root, as the CLI's does.
   */
  resolverFor(stopAt: string | undefined): ConfigResolver {
    // One resolver per folder however the client spells it (`/w/` and `/w` are one folder).
    const key = stopAt === undefined ? '' : path.resolve(stopAt);
    let resolver = this.resolvers.get(key);
    if (resolver === undefined) {
      resolver = ConfigResolver.discovering({
        stopAt,
        onBroken: (file, errors) => this.report(file, errors),
        onValid: (file) => this.reported.delete(file),
      });
      this.resolvers.set(key, resolver);
    }
    return resolver;
  }

  /** What the configs say about a file on disk; `stopAt` is the workspace folder that holds it. */
  forFile(filePath: string, stopAt: string | undefined): ConfigForFile {
    const resolver = this.resolverFor(stopAt);
    const ignoredBy = resolver.ignoredBy(filePath);
    return ignoredBy === undefined ? { rules: resolver.rulesFor(filePath) } : { ignoredBy, rules: {} };
  }

  /** Forgets every lookup and parsed file; called when any config file may have changed. */
  invalidate(): void {
    this.resolvers.clear();
  }

  private report(file: string, errors: ConfigError[]): void {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    const message = `Plaid Lens ignores ${CONFIG_FILE_NAME} until it is fixed and runs on defaults: ${formatConfigError(errors[0]!)}${more}`;
    if (this.reported.get(file) === message) return;
    this.reported.set(file, message);
    this.logger.warnUser(message);
  }
}
