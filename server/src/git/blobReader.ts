/**
 * Reads blobs through one long-lived `git cat-file --batch`: object names go in on stdin, contents come back in
 * the same order, so thousands of blobs cost one process. A blob over the size limit is skipped as it streams past,
 * never held; a missing or corrupt object (a partial clone, a damaged pack) is answered "missing" by git and
 * becomes a note. If git itself dies on an object, the request it died on fails and a new process takes the rest.
 */
import { collectStderr, exited, firstLine, startGit, type GitChild } from './gitProcess';

/** What reading one blob gave. */
export type BlobRead =
  | { kind: 'blob'; bytes: Buffer }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  | { kind: 'failed'; reason: string };

interface Request {
  sha: string;
  resolve: (read: BlobRead) => void;
}

/** Restarts after git died, at most; beyond it every remaining read fails, so a broken repository cannot loop. */
const MAX_RESTARTS = 20;

/** A `cat-file --batch` process answering blob reads in order. */
export class BlobReader {
  private child: GitChild | undefined;
  private readonly pending: Request[] = [];
  private restarts = 0;
  private closed = false;
  // Parser state for the answer at the head of `pending`.
  private buffered: Buffer = Buffer.alloc(0);
  private body: { request: Request; bytes: Buffer | undefined; filled: number; size: number; remaining: number } | undefined;

  /** @param maxBytes Blobs larger than this are skipped without being held. */
  constructor(
    private readonly cwd: string,
    private readonly maxBytes: number,
  ) {}

  /** Reads one blob by its full object name. */
  read(sha: string): Promise<BlobRead> {
    if (this.closed) return Promise.resolve({ kind: 'failed', reason: 'the blob reader is closed' });
    return new Promise((resolve) => {
      const request = { sha, resolve };
      this.pending.push(request);
      this.process().stdin.write(`${sha}\n`);
    });
  }

  /** Ends the process once every read has been answered. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (child === undefined) return;
    child.stdin.end();
    await exited(child).catch(() => undefined);
  }

  private process(): GitChild {
    if (this.child !== undefined) return this.child;
    const child = startGit(['cat-file', '--batch'], this.cwd);
    const stderr = collectStderr(child);
    child.stdin.on('error', () => undefined); // a dead process is handled on 'close'
    child.stdout.on('data', (chunk: Buffer) => this.consume(chunk));
    child.on('error', () => undefined);
    child.on('close', (code) => this.died(child, code, stderr()));
    this.child = child;
    return child;
  }

  /** Git exited: fail the read it was answering, start a new process for the others. */
  private died(child: GitChild, code: number | null, stderr: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.buffered = Buffer.alloc(0);
    this.body = undefined;
    if (this.pending.length === 0) return;
    const reason = firstLine(stderr) || `git cat-file exited with code ${code}`;
    const failed = this.pending.shift()!;
    failed.resolve({ kind: 'failed', reason });
    const rest = this.pending.splice(0);
    if (++this.restarts > MAX_RESTARTS) {
      for (const r of rest) r.resolve({ kind: 'failed', reason: 'git cat-file kept failing; gave up on this repository' });
      return;
    }
    for (const r of rest) {
      this.pending.push(r);
      this.process().stdin.write(`${r.sha}\n`);
    }
  }

  private consume(chunk: Buffer): void {
    let data = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
    this.buffered = Buffer.alloc(0);
    while (data.length > 0) {
      if (this.body !== undefined) {
        data = this.fillBody(data);
        continue;
      }
      const newline = data.indexOf(0x0a);
      if (newline < 0) {
        this.buffered = Buffer.from(data);
        return;
      }
      this.header(data.subarray(0, newline).toString('latin1'));
      data = data.subarray(newline + 1);
    }
  }

  /** `<sha> blob <size>` starts a body; `<sha> missing` (or `ambiguous`) answers at once. */
  private header(line: string): void {
    const request = this.pending[0];
    if (request === undefined) return;
    const [, type, sizeText] = line.split(' ');
    if (type === 'missing' || type === 'ambiguous' || sizeText === undefined) {
      this.pending.shift();
      request.resolve(type === 'missing' ? { kind: 'missing' } : { kind: 'failed', reason: `unexpected answer from git cat-file` });
      return;
    }
    const size = Number(sizeText);
    const keep = type === 'blob' && size <= this.maxBytes;
    // The body is followed by one newline, read (and dropped) with it. Never from the shared pool: the bytes are
    // handed to a worker thread, which takes the whole underlying buffer.
    this.body = { request, bytes: keep ? Buffer.allocUnsafeSlow(size) : undefined, filled: 0, size, remaining: size + 1 };
    if (type !== 'blob') this.body.size = -1;
  }

  private fillBody(data: Buffer): Buffer {
    const body = this.body!;
    const take = Math.min(body.remaining, data.length);
    if (body.bytes !== undefined && body.filled < body.bytes.length) {
      const copy = Math.min(take, body.bytes.length - body.filled);
      data.copy(body.bytes, body.filled, 0, copy);
      body.filled += copy;
    }
    body.remaining -= take;
    if (body.remaining === 0) {
      this.body = undefined;
      this.pending.shift();
      if (body.size < 0) body.request.resolve({ kind: 'failed', reason: 'not a blob' });
      else if (body.bytes === undefined) body.request.resolve({ kind: 'too-large', size: body.size });
      else body.request.resolve({ kind: 'blob', bytes: body.bytes });
    }
    return data.subarray(take);
  }
}
