/**
 * Turns UTF-16 offsets into 1-based line and column numbers, the way editors and SARIF count them.
 */

/** A 1-based position: `line` counts lines, `column` counts UTF-16 code units from the line start. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Line starts of one text, built once in O(n); each lookup is a binary search, O(log n).
 * `\n`, `\r\n` and a lone `\r` all end a line, so CRLF and old Mac files report the lines a user sees.
 */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
  }

  /** Number of lines; an empty text has one empty line. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line: line + 1, column: clamped - this.starts[line] + 1 };
  }

  /** Index (0-based) of the last line starting at or before `offset`. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}

/** Offsets at which each line starts (after `\n`, `\r\n` or a lone `\r`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  // Most files end lines with `\n` alone, which `indexOf` finds far faster than a loop over every character.
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      starts.push(i + 1);
    } else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}
