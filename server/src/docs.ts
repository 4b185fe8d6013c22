/**
 * Where the product documents itself: the package's homepage and its README section for each rule. Read from
 * package.json so the server's diagnostics and the CLI's SARIF link to the same place.
 */
import { homepage, version } from '../../package.json';
import type { RuleId } from './engine';

/** The package version, e.g. `0.1.0`. */
export const PACKAGE_VERSION: string = version;

/** The product's home page (its README). */
export const HOMEPAGE: string = homepage;

/** The README section of a rule, e.g. `…#hardcoded-secret`. */
export function ruleDocsUrl(rule: RuleId): string {
  return `${homepage.replace(/#.*$/, '')}#${rule}`;
}
