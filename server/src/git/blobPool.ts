/**
 * Scans blobs on every core: worker threads take batches of blobs (their bytes moved, not copied) and answer with
 * located, hashed findings. One job scans in this thread instead. Answers may come back in any order; each
 * caller awaits its own blob, so the caller decides the order it handles them in.
 */
import { Worker } from 'node:worker_threads';
import { maskText } from '../engine/mask';
import { scanBlob, type BlobJob, type BlobScan } from './blobScan';

/** Blobs per message, at most: a message costs about as much as scanning a small file. */
const MAX_BATCH = 16;

interface Slot {
  worker: Worker;
  inFlight: Map<number, (scan: BlobScan) => void>;
}

/** A pool of scanning threads for blobs. */
export class BlobScanPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: BlobJob; resolve: (scan: BlobScan) => void }[] = [];
  private flushScheduled = false;
  private closing = false;

  /**
   * @param jobs Threads that scan at once; 1 scans in this thread.
   * @param workerScript The bundled worker, e.g. `dist/scanWorker.js`; not read when `jobs` is 1.
   */
  constructor(
    private readonly jobs: number,
    private readonly workerScript: string,
  ) {}

  /** Scans one blob. The job's bytes are handed over: the caller must not use them afterwards. */
  scan(job: BlobJob): Promise<BlobScan> {
    if (this.jobs <= 1) return Promise.resolve(scanBlob(job));
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
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private flush(): void {
    this.flushScheduled = false;
    while (this.queue.length > 0) {
      const slot = this.slotWithRoom();
      const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(this.queue.length / this.jobs)));
      const batch = this.queue.splice(0, size);
      for (const { job, resolve } of batch) slot.inFlight.set(job.id, resolve);
      const jobs = batch.map((b) => b.job);
      const transfer = jobs.map((j) => j.bytes.buffer).filter((b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && all.indexOf(b) === i);
      slot.worker.postMessage(jobs, transfer);
    }
  }

  /** The least busy worker, starting one while the pool is not full. */
  private slotWithRoom(): Slot {
    const idle = this.slots.find((s) => s.inFlight.size === 0);
    if (idle !== undefined) return idle;
    if (this.slots.length < this.jobs) return this.startWorker();
    return this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
  }

  private startWorker(): Slot {
    const slot: Slot = { worker: new Worker(this.workerScript), inFlight: new Map() };
    slot.worker.on('message', (answers: { id: number; result: BlobScan }[]) => {
      for (const { id, result } of answers) {
        slot.inFlight.get(id)?.(result);
        slot.inFlight.delete(id);
      }
    });
    // A worker that dies fails only its own blobs; the next batch starts a new one.
    slot.worker.on('error', (error) => this.lost(slot, error.message));
    slot.worker.on('exit', (code) => {
      if (!this.closing) this.lost(slot, `the scanning thread stopped with exit code ${code}`);
    });
    this.slots.push(slot);
    return slot;
  }

  private lost(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    for (const resolve of slot.inFlight.values()) resolve({ kind: 'failed', reason: `internal error while scanning: ${maskText(reason)}` });
    slot.inFlight.clear();
  }
}
