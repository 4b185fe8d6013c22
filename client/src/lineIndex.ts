/**
 * Turns the engine's UTF-16 offsets into editor positions for text that is not an open document (files read from
 * disk by the workspace scan), the way `TextDocument.positionAt` does for open ones.
 */
import * as vscode from 'vscode';
import type { OffsetRange } from '../../server/src/engine';

/** Line starts of one text, computed once, for many offset lookups. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \r and \n all end a line, as they do for VS Code.
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 13 || c === 10) this.starts.push(i + 1);
    }
  }

  /** The position of an offset. */
  positionAt(offset: number): vscode.Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - this.starts[low]!);
  }

  /** The range of an offset range. */
  rangeOf(range: OffsetRange): vscode.Range {
    return new vscode.Range(this.positionAt(range.start), this.positionAt(range.end));
  }
}
