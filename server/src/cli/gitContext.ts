/**
 * What `scan --staged` and `history` set up alike: the repository (a usage error outside one), the config resolver,
 * the blob reader and the scanning pool, and their closing.
 */
import * as path from 'node:path';
import { ConfigResolver } from '../files/configs';
import { defaultJobs } from '../files/scanPool';
import { BlobScanPool } from '../git/blobPool';
import { BlobReader } from '../git/blobReader';
import { GitError } from '../git/gitProcess';
import { NotARepository, openRepository, type Repository } from '../git/repository';
import { UsageError } from './args';

/** The pieces a git scan runs with. */
export interface GitScanTools {
  repo: Repository;
  configs: ConfigResolver;
  reader: BlobReader;
  pool: BlobScanPool;
  /** Uses every core when `blobs` are many and `--jobs` was not given (the pool starts no thread before its first blob). */
  scaleFor(blobs: number): void;
  /** Ends git and the worker threads. */
  close(): Promise<void>;
}

/** Blobs below which starting worker threads costs more than it saves, as for files named to `scan`. */
const FEW_BLOBS = 16;

/** Opens the repository around `cwd` and starts the reader and pool; "not a git repository" is a usage error. */
export async function openGitScan(cwd: string, options: { config?: string; maxFileSizeKb: number; jobs?: number }, manyBlobs: boolean): Promise<GitScanTools> {
  const repo = await asUsageError(openRepository(cwd));
  // Up to the root, as `scan` does: the nearest config at or above a file's place in the work tree applies.
  const configs = options.config === undefined ? ConfigResolver.discovering({ cwd }) : ConfigResolver.fixed(cwd, options.config);
  const reader = new BlobReader(cwd, options.maxFileSizeKb * 1024);
  const workerScript = path.join(__dirname, 'scanWorker.js');
  const tools: GitScanTools = {
    repo,
    configs,
    reader,
    pool: new BlobScanPool(options.jobs ?? (manyBlobs ? defaultJobs() : 1), workerScript),
    scaleFor: (blobs) => {
      if (options.jobs === undefined && !manyBlobs && blobs >= FEW_BLOBS) tools.pool = new BlobScanPool(defaultJobs(), workerScript);
    },
    close: async () => {
      await Promise.all([reader.close(), tools.pool.close()]);
    },
  };
  return tools;
}

/** Turns the git failures a user can fix (not a repository, git missing, a bad revision) into usage errors. */
export async function asUsageError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotARepository || error instanceof GitError) throw new UsageError(error.message);
    throw error;
  }
}

/** The size limit as the notes name it. */
export function sizeLimitName(maxFileSizeKb: number): string {
  return `${maxFileSizeKb} KB (--max-file-size)`;
}
