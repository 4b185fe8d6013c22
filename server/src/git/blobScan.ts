/**
 * Scans one blob's bytes with the engine, as a file of that name would be scanned, and hashes each flagged value.
 * Depends only on its arguments, so it runs as it is on a worker thread; the text never leaves that thread.
 */
import { scan, type RuleId, type SeverityLevel } from '../engine';
import { maskText } from '../engine/mask';
import { decodeText } from '../files/readText';
import type { LocatedFinding } from '../files/report';
import { locateFindings } from '../files/scanFile';

/** One blob to scan. */
export interface BlobJob {
  id: number;
  bytes: Uint8Array;
  /** The path in the repository, posix; chooses the language as a file name does. */
  fileName: string;
  rules: Partial<Record<RuleId, SeverityLevel>>;
  /** Hex salt of the value hashes. */
  salt: string;
}

/** A located finding with the salted hash of its value. */
export type HashedFinding = LocatedFinding & { valueHash: string };

/** What scanning a blob gave. */
export type BlobScan =
  | { kind: 'scanned'; findings: HashedFinding[] }
  | { kind: 'binary' }
  | { kind: 'failed'; reason: string };

/** Scans one blob; never throws. */
export function scanBlob(job: BlobJob): BlobScan {
  const text = decodeText(job.bytes);
  if (text === undefined) return { kind: 'binary' };
  try {
    const findings = scan(text, { fileName: job.fileName, rules: job.rules });
    return { kind: 'scanned', findings: locateFindings(text, findings, undefined, job.salt) as HashedFinding[] };
  } catch (error) {
    return { kind: 'failed', reason: `internal error while scanning: ${maskText(error instanceof Error ? error.message : String(error))}` };
  }
}
