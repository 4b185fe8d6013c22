/**
 * Reads one file as text the way the scanner needs it: bounded in size, binary files recognised, UTF-16 and
 * UTF-8 byte order marks honoured.
 */
import { promises as fs } from 'node:fs';

/** How many leading bytes are searched for a NUL byte to call a file binary (the heuristic git uses). */
export const BINARY_SNIFF_BYTES = 8192;

/** The outcome of reading one file. */
export type ReadOutcome =
  | { kind: 'text'; text: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unreadable'; reason: string };

/** Reads `path` as text unless it is larger than `maxBytes` or binary. Never throws for I/O problems. */
export async function readSourceFile(path: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'skipped', reason: 'not a regular file' };
    if (stat.size > maxBytes) return { kind: 'skipped', reason: tooLarge(stat.size, maxBytes) };
    // Read one byte past the limit so a file that grew since the stat is still caught.
    const bytes = await readAtMost(handle, maxBytes + 1, stat.size + 1);
    if (bytes.length > maxBytes) return { kind: 'skipped', reason: tooLarge(bytes.length, maxBytes) };
    const text = decodeText(bytes);
    return text === undefined ? { kind: 'skipped', reason: 'binary file' } : { kind: 'text', text };
  } catch (error) {
    return { kind: 'unreadable', reason: describeFsError(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
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

function tooLarge(size: number, maxBytes: number): string {
  return `${Math.ceil(size / 1024)} KB is over the ${Math.floor(maxBytes / 1024)} KB limit (--max-file-size)`;
}

/** The end of the longest even-length run from `start`, so a truncated UTF-16 code unit is dropped. */
function evenEnd(buffer: Buffer, start: number): number {
  return buffer.length - ((buffer.length - start) % 2);
}

/** Reads up to `limit` bytes; the first read is sized for the expected length, so most files take one read. */
async function readAtMost(handle: fs.FileHandle, limit: number, expected: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(total === 0 ? expected : 64 * 1024, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}
