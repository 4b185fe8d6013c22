/**
 * Reads one file as text the way the scanner needs it: bounded in size, binary files recognised, UTF-16 and
 * UTF-8 byte order marks honoured.
 */
import * as fs from 'node:fs';

/** How many leading bytes are searched for a NUL byte to call a file binary (the heuristic git uses). */
export const BINARY_SNIFF_BYTES = 8192;

/** The outcome of reading one file. */
export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; reason: string };

/** How a "too large" note names the size limit: the option or setting that sets it, and its unit (1024 bytes). */
export interface SizeLimitName {
  /** e.g. `--max-file-size` (the CLI) or `plaidLens.maxFileSizeKB` (the editor). */
  name: string;
  /** e.g. `KB` (the CLI's help says kilobytes) or `KiB` (the editor's setting). */
  unit: string;
}

/**
 * Without blocking: a FIFO put where a file was when the walk listed it answers at once, and is skipped as not a
 * regular file, instead of hanging the scan. (Windows has no such flag.)
 */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** The outcome of reading one file's bytes. */
export type ReadBytesOutcome =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads `path` as text unless it is larger than `maxBytes` or binary. Never throws for I/O problems. `limitName`
 * says, in the note on a file over the limit, which option or setting to change.
 */
export function readSourceFile(path: string, maxBytes: number, limitName?: SizeLimitName): ReadOutcome {
  const read = readSourceBytes(path, maxBytes, limitName);
  if (read.kind !== 'bytes') return read;
  const text = decodeText(read.bytes);
  return text === undefined ? { kind: 'skipped', reason: 'binary file' } : { kind: 'text', text };
}

/**
 * Reads `path` as bytes unless it is larger than `maxBytes`. Never throws for I/O problems. Synchronous on
 * purpose: it runs on scanning threads, where a file read in a few system calls beats five promise round trips
 * through the I/O thread pool. With a `scratch` buffer, a file of up to {@link QUICK_READ_BYTES} is read in one
 * call (open, read, close); of any other, no more than that is read before its size is checked.
 */
export function readSourceBytes(path: string, maxBytes: number, limitName?: SizeLimitName, scratch?: ReadScratch): ReadBytesOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, OPEN_FLAGS);
    // Most files fit the scratch buffer as it already is: one read, and no call to ask their size.
    const quick = scratch?.readIfSmall(fd, maxBytes);
    if (quick !== undefined) return { kind: 'bytes', bytes: quick };
    // The size first: a file over the limit is skipped without reading more of it.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    if (stat.size > maxBytes) return { kind: 'skipped', reason: tooLarge(stat.size, maxBytes, limitName) };
    const first = scratch?.read(fd, stat.size, maxBytes);
    if (first?.whole) return { kind: 'bytes', bytes: first.bytes };
    // Read one byte past the limit so a file that grew since the stat is still caught.
    const bytes = readAtMost(fd, maxBytes + 1, stat.size + 1, first?.bytes);
    if (bytes.length > maxBytes) return { kind: 'skipped', reason: tooLarge(bytes.length, maxBytes, limitName) };
    return { kind: 'bytes', bytes };
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

/**
 * The most a scanning thread reads of a file before it knows the file's size: a file this small or smaller is read
 * in one call; of a larger one, over the size limit or not, no more than this is read before its size is asked.
 */
export const QUICK_READ_BYTES = 64 * 1024;

/** The scratch buffer grows to hold the largest file read so far, up to this size; larger files get their own. */
export const SCRATCH_BYTES = 16 * 1024 * 1024;

/**
 * One thread's reusable read buffer: a file is read into it in one call with no allocation, so reading a tree
 * touches the same memory again instead of fresh pages per file. The bytes it returns are valid until its next read.
 */
export class ReadScratch {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /**
   * Reads the file open on `fd` from its start, without moving its offset, when it fits this buffer as it is, within
   * `maxBytes` and {@link QUICK_READ_BYTES}: undefined when it may not (the read came back full), when it read
   * nothing (an empty file, or not a file at all) or failed (a FIFO cannot be read at an offset). Such a file is
   * then read the sized way, as if this had not been tried. The walk listed a regular file here; a short read
   * means its end.
   */
  readIfSmall(fd: number, maxBytes: number): Buffer | undefined {
    // Capped, so that no more than this is ever read of a file over the limit before its size is known.
    const wanted = Math.min(this.buffer.length, maxBytes + 1, QUICK_READ_BYTES);
    let read: number;
    try {
      read = fs.readSync(fd, this.buffer, 0, wanted, 0);
    } catch {
      return undefined;
    }
    return read > 0 && read < wanted ? this.buffer.subarray(0, read) : undefined;
  }

  /**
   * Reads a file of `size` bytes (as its stat said) from `fd`, asking for one byte more so that a file that grew
   * since is noticed; `whole` when the read came back short, at the file's end, within `maxBytes`. Undefined for
   * a file too large for the scratch buffer.
   */
  read(fd: number, size: number, maxBytes: number): { bytes: Buffer; whole: boolean } | undefined {
    const wanted = Math.min(size + 1, maxBytes + 1);
    if (wanted > SCRATCH_BYTES) return undefined;
    if (wanted > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.min(SCRATCH_BYTES, Math.max(wanted, this.buffer.length * 2)));
    const read = fs.readSync(fd, this.buffer, 0, wanted, null);
    // A regular file reads short only at its end; a full read means it grew since its size was read.
    return { bytes: this.buffer.subarray(0, read), whole: read < wanted };
  }
}

/** How file bytes are to be decoded: `utf16` for a UTF-16 byte order mark, `binary` for a NUL byte near the start. */
export function encodingOf(bytes: Uint8Array): 'utf8' | 'utf16' | 'binary' {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8';
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0) ? 'binary' : 'utf8';
}

/**
 * Decodes file bytes: a UTF-16 LE/BE byte order mark selects UTF-16, a UTF-8 one is stripped, anything else is
 * UTF-8 with invalid sequences replaced. Returns undefined for binary content (a NUL byte near the start).
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString('utf16le', 2, evenEnd(buffer, 2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2, evenEnd(buffer, 2)));
    return swapped.swap16().toString('utf16le');
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  if (buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return undefined;
  return buffer.toString('utf8');
}

/** A short, human explanation of a file-system error, naming its code; never includes file content. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOENT':
      return 'it no longer exists: deleted during the scan, or a dangling symbolic link (ENOENT)';
    case 'ELOOP':
      return 'symbolic link loop (ELOOP)';
    case 'EISDIR':
      return 'it is a directory (EISDIR)';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    case 'EIO':
      return 'input/output error (EIO)';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** E.g. `3 KB is over the 1 KB limit (--max-file-size)`; a limit set in fractions (the editor's) keeps two decimals. */
function tooLarge(size: number, maxBytes: number, limitName: SizeLimitName | undefined): string {
  const unit = limitName?.unit ?? 'KB';
  const limit = Math.floor((maxBytes / 1024) * 100) / 100;
  const named = limitName === undefined ? '' : ` (${limitName.name})`;
  return `${Math.ceil(size / 1024)} ${unit} is over the ${limit} ${unit} limit${named}`;
}

/** The end of the longest even-length run from `start`, so a truncated UTF-16 code unit is dropped. */
function evenEnd(buffer: Buffer, start: number): number {
  return buffer.length - ((buffer.length - start) % 2);
}

/**
 * Reads up to `limit` bytes into one buffer sized for the expected length, so a file is held once and most files
 * take one allocation; the buffer grows only for a file that grew since its size was read. `readSoFar` holds the
 * bytes already read from the start of the file.
 */
function readAtMost(fd: number, limit: number, expected: number, readSoFar?: Buffer): Buffer {
  const start = readSoFar?.length ?? 0;
  let buffer = Buffer.allocUnsafe(Math.max(start, Math.min(expected, limit)));
  if (readSoFar !== undefined) readSoFar.copy(buffer);
  let total = start;
  for (;;) {
    if (total === buffer.length) {
      if (total >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(limit, total + 64 * 1024));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const wanted = buffer.length - total;
    const read = fs.readSync(fd, buffer, total, wanted, null);
    total += read;
    // A regular file reads short only at its end, so a short read saves the extra call that would return 0.
    if (read < wanted) break;
  }
  return buffer.subarray(0, total);
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // Nothing was written, so a failed close loses nothing.
  }
}
