/**
 * Finds text copied from a source: runs of consecutive words (never across a sentence boundary), ignoring case and
 * punctuation. Used to keep the glossary in our own words.
 */

/** Runs of this many consecutive seed words may not appear in our text. */
export const WINDOW = 8;
/** Shorter seed sentences are checked whole from this length on; shorter ones are headings and stock phrases. */
export const MIN_WHOLE_SENTENCE = 6;

/** The lowercase words of a text, punctuation dropped. */
export function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** The sentences and lines of a text. */
export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter((s) => s !== '');
}

/** The word runs of `source` that must not be copied; runs never cross a sentence boundary. */
export function phrasesOf(source: string): Set<string> {
  const phrases = new Set<string>();
  for (const sentence of sentences(source)) {
    const w = words(sentence);
    if (w.length < MIN_WHOLE_SENTENCE) continue;
    if (w.length < WINDOW) phrases.add(w.join(' '));
    for (let i = 0; i + WINDOW <= w.length; i++) phrases.add(w.slice(i, i + WINDOW).join(' '));
  }
  return phrases;
}

/** The phrases of `phrases` that occur in `text`, ignoring case and punctuation. */
export function copiedPhrases(text: string, phrases: ReadonlySet<string>): string[] {
  const haystack = ` ${words(text).join(' ')} `;
  return [...phrases].filter((p) => haystack.includes(` ${p} `));
}

/** Every string inside a value, with a path naming where it sits, e.g. `token.lifetime.text`. */
export function textFields(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => textFields(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textFields(v, at === '' ? k : `${at}.${k}`));
  }
  return [];
}

/**
 * The same answer as {@link copiedPhrases}, for a large source: looks up each run of the text in `phrases` instead of
 * searching the text for every phrase.
 */
export function copiedRuns(text: string, phrases: ReadonlySet<string>): string[] {
  const w = words(text);
  const found = new Set<string>();
  for (let n = MIN_WHOLE_SENTENCE; n <= WINDOW; n++) {
    for (let i = 0; i + n <= w.length; i++) {
      const run = w.slice(i, i + n).join(' ');
      if (phrases.has(run)) found.add(run);
    }
  }
  return [...found];
}
