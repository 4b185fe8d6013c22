/**
 * An immutable text held in pieces of a few kilobytes. An edit builds a new version that copies the one or two
 * pieces it touches and shares the rest, so its cost grows with the edit, not with the text: a 5 MB document is
 * never copied, or joined into one string, per keystroke.
 */
import type { TextSource } from './engine';

/** Characters per piece: small enough to copy per edit, large enough that the list of pieces stays short. */
const PIECE = 16 * 1024;

/** A version of a text, in pieces. */
export class PieceText implements TextSource {
  private joined: string | undefined;

  private constructor(
    private readonly pieces: readonly string[],
    /** `ends[i]` is the offset just past piece `i`. */
    private readonly ends: readonly number[],
  ) {
    if (pieces.length === 1) this.joined = pieces[0];
  }

  /** The text, split into pieces. */
  static of(text: string): PieceText {
    return PieceText.fromPieces(split(text));
  }

  private static fromPieces(pieces: string[]): PieceText {
    const ends: number[] = [];
    let at = 0;
    for (const piece of pieces) ends.push((at += piece.length));
    return new PieceText(pieces, ends);
  }

  /** The length in UTF-16 code units. */
  get length(): number {
    return this.ends.length === 0 ? 0 : this.ends[this.ends.length - 1]!;
  }

  /** `[start, end)` as `String.prototype.slice` would give it for offsets in range. */
  slice(start: number, end: number = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (this.joined !== undefined) return this.joined.slice(from, to);
    if (from === to) return '';
    let i = this.pieceAt(from);
    const first = from - this.startOf(i);
    if (to <= this.ends[i]!) return this.pieces[i]!.slice(first, to - this.startOf(i));
    const parts = [this.pieces[i]!.slice(first)];
    for (i++; to > this.ends[i]!; i++) parts.push(this.pieces[i]!);
    parts.push(this.pieces[i]!.slice(0, to - this.startOf(i)));
    return parts.join('');
  }

  /** The UTF-16 code unit at `offset`, NaN outside the text. */
  charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    const i = this.pieceAt(offset);
    return this.pieces[i]!.charCodeAt(offset - this.startOf(i));
  }

  /** The whole text as one string, joined once per version. */
  toString(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  /** Calls `visit` with each piece and its offset, in order. */
  forEachPiece(visit: (piece: string, offset: number) => void): void {
    this.pieces.forEach((piece, i) => visit(piece, this.startOf(i)));
  }

  /** The version with `[start, end)` replaced by `text`; only the pieces around the edit are copied. */
  edit(start: number, end: number, text: string): PieceText {
    if (this.pieces.length === 0) return PieceText.of(text);
    const first = this.pieceAt(Math.min(start, this.length - 1));
    const last = end > start ? this.pieceAt(Math.min(end - 1, this.length - 1)) : first;
    const merged = this.pieces[first]!.slice(0, start - this.startOf(first)) + text + this.pieces[last]!.slice(end - this.startOf(last));
    const pieces = [...this.pieces.slice(0, first), ...split(merged), ...this.pieces.slice(last + 1)];
    return PieceText.fromPieces(pieces);
  }

  private startOf(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  /** The piece that holds `offset` (the last one for the end of the text). */
  private pieceAt(offset: number): number {
    let low = 0;
    let high = this.ends.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ends[mid]! <= offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Cuts a string into pieces of at most two {@link PIECE}s; an empty string has none. */
function split(text: string): string[] {
  if (text.length <= 2 * PIECE) return text.length === 0 ? [] : [text];
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += PIECE) pieces.push(text.slice(at, at + PIECE));
  return pieces;
}
