/**
 * Scans blobs on every core: the shared scanning threads take batches of blobs (their bytes moved, not copied) and
 * answer with located, hashed findings. One job scans in this thread instead. Each caller awaits its own blob, so
 * the caller decides the order it handles them in.
 */
import { ThreadPool } from '../files/threadPool';
import { scanBlob, type BlobJob, type BlobScan } from './blobScan';

/** Blobs per message, at most: a message costs about as much as scanning a small file. */
const MAX_BATCH = 16;

/** A pool of scanning threads for blobs. */
export class BlobScanPool {
  private readonly threads: ThreadPool | undefined;
  private readonly queue: { job: BlobJob; resolve: (scan: BlobScan) => void }[] = [];
  private flushScheduled = false;

  /**
   * @param jobs Threads that scan at once; 1 scans in this thread.
   * @param workerScript The bundled worker, e.g. `dist/scanWorker.js`; not read when `jobs` is 1.
   */
  constructor(
    private readonly jobs: number,
    workerScript: string,
  ) {
    this.threads = jobs > 1 ? new ThreadPool(jobs, workerScript) : undefined;
  }

  /** Scans one blob. The job's bytes are handed over: the caller must not use them afterwards. */
  scan(job: BlobJob): Promise<BlobScan> {
    if (this.threads === undefined) return Promise.resolve(scanBlob(job));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // Gathers the blobs asked for in one turn into batches.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Terminates the workers. */
  async close(): Promise<void> {
    await this.threads?.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.queue.length > 0) {
      const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(this.queue.length / this.jobs)));
      const batch = this.queue.splice(0, size);
      const jobs = batch.map((b) => b.job);
      const transfer = jobs.map((j) => j.bytes.buffer).filter((b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === i);
      this.threads!.send<{ id: number; result: BlobScan }[]>(jobs, transfer).then(
        (answers) => answers.forEach((answer, i) => batch[i]!.resolve(answer.result)),
        // A worker that dies fails only its own blobs; the next batch starts a new one.
        (error: Error) => batch.forEach((b) => b.resolve({ kind: 'failed', reason: error.message })),
      );
    }
  }
}
