/**
 * Reads a text file in 64 KiB pieces. glibc's malloc raises the size from which it maps blocks of their own each
 * time it frees a larger mapped block, and `fs.readFileSync(file, 'utf8')` grows one buffer by doubling: reading a
 * 378 KB file once left malloc keeping freed blocks of up to 512 KB, and a megabyte at the top of its heap, for the
 * life of the process. Pieces this small come from the heap malloc already has and go back to it.
 */
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

const PIECE_BYTES = 64 * 1024;

/** The file's text, decoded as UTF-8. Throws what `fs` throws for a file that cannot be read. */
export function readTextInPieces(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const piece = Buffer.allocUnsafeSlow(PIECE_BYTES);
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    for (let read = fs.readSync(fd, piece, 0, PIECE_BYTES, null); read > 0; read = fs.readSync(fd, piece, 0, PIECE_BYTES, null)) {
      parts.push(decoder.write(piece.subarray(0, read)));
    }
    parts.push(decoder.end());
    return parts.join('');
  } finally {
    fs.closeSync(fd);
  }
}
