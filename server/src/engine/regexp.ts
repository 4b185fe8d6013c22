/**
 * Building regular expressions from plain strings (SDK constants, environment variable names).
 */

/** `s` with every regular-expression metacharacter escaped, so it matches itself literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
