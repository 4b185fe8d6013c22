/**
 * Finds glossary terms as they are written in code (`access_token`, `PLAID_SECRET`, `/item/remove`), for hovers.
 */
import { entries, type GlossaryEntry } from './glossary';
import type { OffsetRange } from './types';

/**
 * Code names specific enough to explain on hover. Plain words (`item`, `secret`, `Link`) are everywhere in code and
 * would make every hover about Plaid, so only names with `_`, `/`, `-`, `.` or an inner capital qualify.
 */
const names = new Map<string, GlossaryEntry>();
for (const entry of entries) {
  for (const name of entry.codeNames) {
    if (/[_/.-]|[a-z][A-Z]/.test(name) && !names.has(name)) names.set(name, entry);
  }
}

const WORD_CHAR = /[A-Za-z0-9_/.:-]/;

/** The glossary term written at `offset`, with its range, if any. */
export function termAt(text: string, offset: number): { entry: GlossaryEntry; range: OffsetRange } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && offset - start < 80 && WORD_CHAR.test(text[start - 1]!)) start--;
  while (end < text.length && end - offset < 80 && WORD_CHAR.test(text[end]!)) end++;
  const word = text.slice(start, end);
  // Try the whole word first (`/item/public_token/exchange`), then the part under the cursor (`public_token`).
  for (const [piece, at] of piecesAround(word, offset - start)) {
    const entry = names.get(piece);
    if (entry) return { entry, range: { start: start + at, end: start + at + piece.length } };
  }
  return undefined;
}

/** The whole word, then narrower pieces split on `/`, `.` and `:` that contain the cursor. */
function piecesAround(word: string, cursor: number): [string, number][] {
  const pieces: [string, number][] = [[word, 0]];
  const trimmed = word.replace(/[.:]+$/, '');
  if (trimmed !== word) pieces.push([trimmed, 0]);
  let at = 0;
  for (const part of word.split(/([/.:])/)) {
    if (!/^[/.:]$/.test(part) && at <= cursor && cursor <= at + part.length) pieces.push([part, at]);
    at += part.length;
  }
  return pieces;
}
