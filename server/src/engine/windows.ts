/**
 * Running an expression only around the words its matches hold. When every match of a pattern holds a rare word
 * (`development`) and reaches only a bounded way around it, the pattern need not try every position of the text:
 * finding the word is one cheap pass, and the pattern then runs on a short window around each occurrence.
 */
import { reachBack } from './textSpans';

/**
 * Where words stand in a text, flat: the start and the end of the first word, then of the second, and so on, sorted
 * by start. Flat numbers, not an object per word: a long text holds hundreds of thousands of them for the whole scan.
 */
export type Words = readonly number[];

/** How far a match of a pattern reaches around the word it holds. */
export interface Reach {
  /** Before the word's start, in units: characters, with a run of blanks counting as one (as `reachBack` counts). */
  before: number;
  /** Characters after the word's end. */
  after: number;
}

/** Characters of the real text kept on both sides of a window, more than any look-around of the patterns reads. */
const LOOK = 16;

/** A stretch of a text that patterns run on: `[start, end]` and the real text `LOOK` characters around it. */
export interface Window {
  /** Where `slice` starts in the text. */
  base: number;
  /** The first position a match may start at, in the text. */
  start: number;
  /** The last position a match may start at and the furthest it may reach, in the text. */
  end: number;
  /** The text from `base` to `end + LOOK`. */
  slice: string;
}

/**
 * The windows around `words` for patterns that reach no further around them than `reach`: what
 * {@link matchAllNear} runs a pattern on. Patterns that share words and reach share them, and their slices.
 */
export function windowsNear(text: string, words: Words, reach: Reach): Window[] {
  const windows: Window[] = [];
  // Positions before this were looked at by an earlier window.
  let done = 0;
  let nextStart = words.length > 0 ? reachBack(text, words[0]!, reach.before) : 0;
  for (let i = 0; i < words.length; ) {
    let windowStart = nextStart;
    let windowEnd = Math.min(text.length, words[i + 1]! + reach.after);
    // Windows that touch are one: a match must never be cut between two. `reachBack` never decreases with the
    // offset, so a later word's window starts no earlier; it is measured only down to this window's end, so a run of
    // words inside one long word costs a pass over it, not a pass per word.
    for (i += 2; i < words.length; i += 2) {
      const start = words[i]!;
      if (start > windowEnd) {
        nextStart = reachBack(text, start, reach.before, windowEnd);
        if (nextStart > windowEnd) break;
      }
      windowEnd = Math.max(windowEnd, Math.min(text.length, words[i + 1]! + reach.after));
    }
    windowStart = Math.max(windowStart, done);
    done = windowEnd + 1;
    const base = Math.max(0, windowStart - LOOK);
    windows.push({ base, start: windowStart, end: windowEnd, slice: text.slice(base, Math.min(text.length, windowEnd + LOOK)) });
  }
  return windows;
}

/**
 * Exactly `[...text.matchAll(re)]` for a global `re`, provided every match of `re` holds one of `words` and
 * reaches no further around it than `reach`. The pattern runs only on windows around the words.
 */
export function matchAllNear(text: string, re: RegExp, words: Words, reach: Reach): RegExpExecArray[] {
  return matchAllInWindows(text, re, windowsNear(text, words, reach));
}

/** {@link matchAllNear} on windows already found by {@link windowsNear}. Leaves `re.lastIndex` at 0. */
export function matchAllInWindows(text: string, re: RegExp, windows: readonly Window[]): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  for (const { base, start, end, slice } of windows) {
    re.lastIndex = start - base;
    for (let m = re.exec(slice); m !== null && base + m.index <= end; m = re.exec(slice)) {
      // A match that runs past its window broke the promise about `reach`: the whole text answers instead.
      if (m[0].length === 0 || base + m.index + m[0].length > end) {
        re.lastIndex = 0;
        return [...text.matchAll(re)];
      }
      m.index += base;
      m.input = text;
      matches.push(m);
    }
  }
  re.lastIndex = 0;
  return matches;
}

/** Where `re` (global) matches in `text`: the words {@link matchAllNear} works around. */
export function wordRanges(text: string, re: RegExp): Words {
  const words: number[] = [];
  const g = new RegExp(re.source, re.flags);
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    words.push(m.index, g.lastIndex);
    if (m[0].length === 0) g.lastIndex++;
  }
  return words;
}
