/**
 * A salted hash of the value a finding flags, so that findings can be matched across files, commits and runs
 * (baselines, "reported once" in history scans) without the value ever leaving the thread that read it.
 */
import { createHmac } from 'node:crypto';
import type { Finding } from '../engine';

/**
 * HMAC-SHA256 of the flagged value under `salt` (hex). For a finding about a token the whole token is hashed, not
 * only its faulty segment, so two tokens with the same typo stay apart and the input is never a short guessable word.
 */
export function valueHash(text: string, finding: Finding, salt: string): string {
  const range = finding.token?.range ?? finding.range;
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(text.slice(range.start, range.end)).digest('hex');
}
