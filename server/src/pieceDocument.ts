/**
 * The server's open documents: `TextDocument`s whose text is a {@link PieceText}, so that applying an edit copies
 * a piece or two and shifts the line index, and never builds the whole text as a new string. The whole text is
 * joined only when a feature asks for it with `getText()`. A document that was opened and never edited can rest:
 * its text is then held compressed, and expanded for a short while when a feature reads it.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { PieceText } from './pieceText';

const CR = 13;
const LF = 10;

/**
 * The longest text (in UTF-16 units) that rests compressed: expanding one costs well under a millisecond, so a
 * hover or the first edit does not notice. Source code compresses to about a quarter.
 */
const REST_LIMIT = 256 * 1024;
/** How long a resting document keeps its expanded text after a read, so that one request expands it once. */
const EXPANDED_MS = 3000;

/**
 * A text held compressed: Latin-1 bytes when every unit fits in one, else UTF-16 (any string round-trips). The
 * compressed bytes are kept as a one-byte string: exactly their size, in the heap the collector compacts, where a
 * buffer from zlib would hold on to its 16 KiB output chunk.
 */
interface PackedText {
  bytes: string;
  wide: boolean;
}

/**
 * A document: its text in pieces and the offsets where its lines start. Like the library's documents, `update`
 * changes the document in place and returns it.
 */
export class PieceDocument implements TextDocument {
  /** The text, compressed, while the document rests; dropped by the first edit. */
  private packed: PackedText | undefined;
  /** True once any change was applied: an edited document is being worked on and never rests. */
  private edited = false;
  private collapseTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    /** The text; undefined while the document rests and nothing has read it since. */
    private currentText: PieceText | undefined,
    /** Offsets where lines start, `[0, …]`; built on first use after an edit that could not update it. */
    private lineStarts: number[] | undefined,
  ) {}

  /** A new document. */
  static create(uri: string, languageId: string, version: number, content: string): PieceDocument {
    return new PieceDocument(uri, languageId, version, PieceText.of(content), undefined);
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The text of this version, in pieces. */
  get text(): PieceText {
    return this.expanded();
  }

  /** True while the text is held compressed. */
  get resting(): boolean {
    return this.packed !== undefined;
  }

  /**
   * Holds the text of a document that was never edited compressed, and drops its line index, until a feature
   * reads it. Returns false (and changes nothing) for an edited document or a text over {@link REST_LIMIT}.
   */
  rest(): boolean {
    if (this.packed === undefined) {
      if (this.edited || this.currentText === undefined || this.currentText.length > REST_LIMIT) return false;
      this.packed = pack(this.currentText.toString());
    }
    this.collapse();
    return true;
  }

  /** Applies `changes` in order; each costs what it changes plus a shift of the later line starts. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): PieceDocument {
    for (const change of changes) {
      const text = this.expanded();
      this.edited = true;
      this.packed = undefined;
      if (!('range' in change) || change.range === undefined) {
        this.currentText = PieceText.of(change.text);
        this.lineStarts = undefined;
        continue;
      }
      const [a, b] = ordered(change.range.start, change.range.end);
      const start = this.offsetAt(a);
      const end = this.offsetAt(b);
      const lines = this.lineIndex();
      this.currentText = text.edit(start, end, change.text);
      this.lineStarts = shiftLines(lines, this.currentText, start, end, change.text);
    }
    this.currentVersion = version;
    return this;
  }

  get lineCount(): number {
    return this.lineIndex().length;
  }

  getText(range?: Range): string {
    if (range === undefined) return this.expanded().toString();
    return this.expanded().slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.expanded().length));
    const lines = this.lineIndex();
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (lines[mid]! > at) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(at, lines[line]!) - lines[line]! };
  }

  offsetAt(position: Position): number {
    const lines = this.lineIndex();
    if (position.line >= lines.length) return this.expanded().length;
    if (position.line < 0) return 0;
    const lineStart = lines[position.line]!;
    if (position.character <= 0) return lineStart;
    const next = position.line + 1 < lines.length ? lines[position.line + 1]! : this.expanded().length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, next), lineStart);
  }

  getLineRange(line: number): Range {
    const lines = this.lineIndex();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, lines.length - 1);
    const start = lines[at]!;
    const next = at + 1 < lines.length ? lines[at + 1]! : this.expanded().length;
    return { start: { line: at, character: 0 }, end: { line: at, character: this.beforeLineBreak(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const lines = this.lineIndex();
    if (line < 0 || line >= lines.length) return '';
    const next = line + 1 < lines.length ? lines[line + 1]! : this.expanded().length;
    return this.expanded().slice(this.beforeLineBreak(next, lines[line]!), next);
  }

  /** `offset`, moved back over any line break characters after `lineStart`. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.expanded().charCodeAt(at - 1))) at--;
    return at;
  }

  private lineIndex(): number[] {
    return (this.lineStarts ??= lineStartsOf(this.expanded()));
  }

  /** The text, expanded from its compressed form if the document rests; the expansion is kept for a while. */
  private expanded(): PieceText {
    if (this.currentText !== undefined) return this.currentText;
    this.currentText = PieceText.of(unpack(this.packed!));
    // One timer per expansion, not a sweep over every document; it must not keep the process alive.
    this.collapseTimer = setTimeout(() => this.collapse(), EXPANDED_MS);
    this.collapseTimer.unref();
    return this.currentText;
  }

  /** Drops the expanded text and the line index of a resting document. */
  private collapse(): void {
    clearTimeout(this.collapseTimer);
    this.collapseTimer = undefined;
    if (this.packed === undefined) return;
    this.currentText = undefined;
    this.lineStarts = undefined;
  }
}

/**
 * Raw deflate at its fastest level, with an 8 KiB window and a smaller hash: as small as source code gets at the
 * default sizes, and setting up a smaller state is most of the time spent on a file of a few kilobytes.
 */
const DEFLATE = { level: 1, windowBits: 13, memLevel: 6 };

/** zlib, loaded when the first document rests rather than before the server can answer `initialize`. */
function zlib(): typeof import('node:zlib') {
  return require('node:zlib') as typeof import('node:zlib');
}

function pack(text: string): PackedText {
  const { deflateRawSync } = zlib();
  const wide = /[^\u0000-\u00ff]/.test(text);
  return { bytes: deflateRawSync(Buffer.from(text, wide ? 'utf16le' : 'latin1'), DEFLATE).toString('latin1'), wide };
}

function unpack({ bytes, wide }: PackedText): string {
  const { inflateRawSync } = zlib();
  return inflateRawSync(Buffer.from(bytes, 'latin1'), { windowBits: DEFLATE.windowBits }).toString(wide ? 'utf16le' : 'latin1');
}

/**
 * The line starts after replacing `[start, end)` by `inserted` (already applied to `text`), updated in place: the
 * starts inside the replaced span give way to those of the inserted text, the later ones move by the change in
 * length. Undefined when a `\r` sits at the edges of the edit, where the index is rebuilt instead.
 */
function shiftLines(lines: number[], text: PieceText, start: number, end: number, inserted: string): number[] | undefined {
  const insertedEnd = start + inserted.length;
  // A `\r` just before the edit may now end a line alone, or start a `\r\n` with what follows; rare enough to rebuild.
  if (text.charCodeAt(start - 1) === CR || (text.charCodeAt(insertedEnd - 1) === CR && text.charCodeAt(insertedEnd) === LF)) {
    return undefined;
  }
  const delta = inserted.length - (end - start);
  const added = lineStartsIn(inserted, start);
  // A paste of very many lines is rebuilt rather than spread into one call's arguments.
  if (added.length > 10_000) return undefined;
  const first = upperBound(lines, start);
  const removed = upperBound(lines, end) - first;
  if (removed > 0 || added.length > 0) lines.splice(first, removed, ...added);
  if (delta !== 0) for (let i = first + added.length; i < lines.length; i++) lines[i]! += delta;
  return lines;
}

/** The index of the first line start greater than `offset`. */
function upperBound(lines: readonly number[], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (lines[mid]! > offset) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The offsets where lines start inside `text`, placed at `base` (a `\r\n` is one break). */
function lineStartsIn(text: string, base: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    if (c === CR || c === LF) starts.push(base + i + 1);
  }
  return starts;
}

/** Every line start of a text, piece by piece; a `\r\n` split between two pieces is still one break. */
function lineStartsOf(text: PieceText): number[] {
  const starts = [0];
  text.forEachPiece((piece, offset) => {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (c === CR && (i + 1 < piece.length ? piece.charCodeAt(i + 1) : text.charCodeAt(offset + i + 1)) === LF) continue;
      if (c === CR || c === LF) starts.push(offset + i + 1);
    }
  });
  return starts;
}

function isLineBreak(c: number): boolean {
  return c === CR || c === LF;
}

function ordered(a: Position, b: Position): [Position, Position] {
  return a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
}
