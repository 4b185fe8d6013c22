/**
 * Helpers shared by the config tests: parse a text that must be valid, and build a config from parts.
 */
import * as assert from 'assert';
import { formatConfigError, parseConfig, type PlaidLensConfig } from '../../server/src/engine/config';

/** The file name the config tests parse under. */
export const FILE = '/repo/.plaidlens.json';

/** Parses text that must be valid and returns its config. */
export function valid(text: string): PlaidLensConfig {
  const result = parseConfig(text, FILE);
  if (!result.ok) assert.fail(`expected a valid config, got:\n${result.errors.map(formatConfigError).join('\n')}`);
  return result.config;
}

/** A config with only the given parts set. */
export function config(parts: Partial<PlaidLensConfig>): PlaidLensConfig {
  return { rules: {}, overrides: [], ignore: [], ...parts };
}
