/**
 * Words for token lifetimes, from the glossary's minutes.
 */
import type { TokenFacts } from './glossary';

/** `30 minutes`, `4 hours`, `1 day`. */
export function formatMinutes(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** `after 4 hours (30 minutes in update mode)`, or `never` for tokens that do not expire. */
export function describeLifetime(lifetime: TokenFacts['lifetime']): string {
  if (lifetime.expiresAfterMinutes === null) return 'never';
  const update = lifetime.updateModeMinutes ? ` (${formatMinutes(lifetime.updateModeMinutes)} in update mode)` : '';
  return `after ${formatMinutes(lifetime.expiresAfterMinutes)}${update}`;
}

/** `1 file`, `3 files`: a count and an English noun that takes -s. */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
