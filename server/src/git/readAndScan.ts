/**
 * Reads a blob and scans it: the step `scan --staged` and `history` share. Whatever went wrong on the way becomes
 * an outcome with a sentence for a note, never an exception.
 */
import type { RuleId, SeverityLevel } from '../engine';
import type { FileNote } from '../files/report';
import type { BlobReader } from './blobReader';
import type { BlobScanPool } from './blobPool';
import type { HashedFinding } from './blobScan';

/** A blob to read and scan. */
export interface BlobTask {
  blob: string;
  /** Path in the repository, posix. */
  path: string;
  rules: Partial<Record<RuleId, SeverityLevel>>;
}

/** The outcome for one blob: its findings, or why it has none. */
export type BlobOutcome = { kind: 'scanned'; findings: HashedFinding[] } | { kind: 'skipped' | 'unreadable' | 'failed'; reason: string; binary?: true };

let nextId = 0;

/** Reads `task.blob` and, when it is text within the size limit, scans it on the pool. */
export async function readAndScan(task: BlobTask, reader: BlobReader, pool: BlobScanPool, salt: string, sizeLimit: string): Promise<BlobOutcome> {
  const read = await reader.read(task.blob);
  switch (read.kind) {
    case 'missing':
      return { kind: 'unreadable', reason: `blob ${task.blob.slice(0, 12)} is missing or corrupt in this repository (a partial or damaged clone)` };
    case 'failed':
      return { kind: 'unreadable', reason: `could not read blob ${task.blob.slice(0, 12)}: ${read.reason}` };
    case 'too-large':
      return { kind: 'skipped', reason: `${Math.ceil(read.size / 1024)} KB is over the ${sizeLimit} limit` };
    case 'blob': {
      const scanned = await pool.scan({ id: nextId++, bytes: read.bytes, fileName: task.path, rules: task.rules, salt });
      if (scanned.kind === 'binary') return { kind: 'skipped', reason: 'binary file', binary: true };
      return scanned;
    }
  }
}

/** The note a file result carries for an outcome without findings. */
export function noteOf(outcome: BlobOutcome): FileNote | undefined {
  return outcome.kind === 'scanned' ? undefined : { kind: outcome.kind, reason: outcome.reason };
}
