/**
 * Scans the files a walk lists on every core: worker threads read and scan the files they are handed (a file's
 * text never crosses threads, only its located findings do), and results come back in the order the walk listed
 * the files, so the output is the same whatever the timing and however many workers run. One job scans in this
 * thread instead. A scan stops when its signal aborts.
 */
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { maskText } from '../engine/mask';
import type { FileResult } from './report';
import { scanFile, type ScanLimits } from './scanFile';
import type { FileJob, WalkItem } from './walk';

/** What a worker is sent: a batch of files to scan, each with its place in the walk. */
export interface ScanRequest {
  files: { id: number; job: FileJob }[];
  limits: ScanLimits;
}

/** What a worker answers for one {@link ScanRequest}: a result per file, in the same order. */
export interface ScanResponse {
  results: { id: number; result: FileResult }[];
}

/** How a scan runs. */
export interface ScanRunOptions {
  /** Threads that scan at once, e.g. `4`; 1 scans in this thread without workers. */
  jobs: number;
  limits: ScanLimits;
  /** The worker's script, e.g. `dist/scanWorker.js`; not read when `jobs` is 1. */
  workerScript: string;
  /** Aborting it stops the scan: workers are terminated and no further result is delivered. */
  signal?: AbortSignal;
}

/** One scanning thread per core the process may use, and at least one. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Batches handed to one worker at a time: the next one waits in its queue, so the worker never idles between two. */
const PER_WORKER = 2;

/**
 * Files per batch, at most. A message costs about as much as scanning a small file, so files travel in batches;
 * small enough that the last batches spread over every worker.
 */
const MAX_BATCH = 16;

/** Items walked between two turns of the event loop, where the workers' answers are read. */
const YIELD_EVERY = 32;

/** Files listed but not yet delivered, at most; bounds the queue and the results held back behind a slow file. */
const MAX_AHEAD = 1024;

/**
 * Scans every file the walk yields, calling `onResult` once per item in walk order (notes included). Resolves
 * with true when every item was delivered, false when the signal stopped the scan. Rejects with the walk's error.
 */
export async function scanFiles(items: AsyncIterable<WalkItem>, options: ScanRunOptions, onResult: (result: FileResult) => void): Promise<boolean> {
  if (options.jobs <= 1) return scanHere(items, options, onResult);
  const pool = new WorkerPool(options, onResult);
  try {
    return await pool.run(items);
  } finally {
    await pool.close();
  }
}

/** The single-threaded scan: each file read and scanned in turn, the walk moving on between files. */
async function scanHere(items: AsyncIterable<WalkItem>, options: ScanRunOptions, onResult: (result: FileResult) => void): Promise<boolean> {
  const { limits, signal } = options;
  let count = 0;
  for await (const item of items) {
    if (signal?.aborted) return false;
    onResult(item.kind === 'file' ? scanFile(item.job, limits) : noteResult(item));
    // Reading, listing and scanning are all synchronous here: let a Ctrl-C or a cancellation in now and then.
    if (++count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return signal?.aborted !== true;
}

function noteResult(item: Extract<WalkItem, { kind: 'note' }>): FileResult {
  return { absPath: item.absPath, displayPath: item.displayPath, findings: [], note: item.note };
}

/** One worker and the batches it holds, keyed by the id of their first file. */
interface Slot {
  worker: Worker;
  inFlight: Map<number, { id: number; job: FileJob }[]>;
}

/**
 * Worker threads fed from a walk. The walk runs ahead of the workers into a queue, so that a worker never waits on
 * a folder listing; a reorder buffer sits between the workers' answers and `onResult`.
 */
class WorkerPool {
  private readonly slots: Slot[] = [];
  /** Files listed and not yet handed to a worker, in walk order. */
  private readonly queue: { id: number; job: FileJob }[] = [];
  private readonly ready = new Map<number, FileResult>();
  private nextId = 0;
  private nextOut = 0;
  private closing = false;
  /** Wakes the walking loop when a result arrives or the scan is aborted. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly options: ScanRunOptions,
    private readonly onResult: (result: FileResult) => void,
  ) {}

  /** Feeds every item to the workers and waits for the last result; false when aborted. */
  async run(items: AsyncIterable<WalkItem>): Promise<boolean> {
    const { signal } = this.options;
    const abort = (): void => this.wake?.();
    signal?.addEventListener('abort', abort);
    try {
      for await (const item of items) {
        if (signal?.aborted) return false;
        const id = this.nextId++;
        if (item.kind === 'note') this.ready.set(id, noteResult(item));
        else this.queue.push({ id, job: item.job });
        this.pump();
        this.flush();
        // The walk may run this far ahead of what has been delivered, which bounds the results held back.
        while (this.nextId - this.nextOut > MAX_AHEAD && !signal?.aborted) await this.nextEvent();
        // A walk that never waits on I/O would keep the workers' answers, and the files they ask for, waiting.
        if (this.nextId % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      while (this.nextOut < this.nextId && !signal?.aborted) await this.nextEvent();
      return signal?.aborted !== true;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** Hands queued files, in batches, to workers with room, starting workers up to the pool's size. */
  private pump(): void {
    while (this.queue.length > 0 && !this.options.signal?.aborted) {
      const slot = this.freeSlot();
      if (slot === undefined) return;
      const size = Math.min(MAX_BATCH, Math.ceil(this.queue.length / this.options.jobs));
      const files = this.queue.splice(0, size);
      slot.inFlight.set(files[0]!.id, files);
      slot.worker.postMessage({ files, limits: this.options.limits } satisfies ScanRequest);
    }
  }

  private freeSlot(): Slot | undefined {
    const idle = this.slots.find((s) => s.inFlight.size === 0);
    if (idle !== undefined) return idle;
    if (this.slots.length < this.options.jobs) return this.startWorker();
    const least = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
    return least.inFlight.size < PER_WORKER ? least : undefined;
  }

  private startWorker(): Slot {
    const slot: Slot = { worker: new Worker(this.options.workerScript), inFlight: new Map() };
    slot.worker.on('message', (response: ScanResponse) => {
      slot.inFlight.delete(response.results[0]!.id);
      for (const { id, result } of response.results) this.ready.set(id, result);
      this.pump();
      this.flush();
      this.wake?.();
    });
    // A worker that dies takes only its own files with it: each becomes a note, and a new worker takes its place.
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
    const note = { kind: 'failed' as const, reason: `internal error while scanning: ${maskText(reason)}` };
    for (const { id, job } of [...slot.inFlight.values()].flat()) {
      this.ready.set(id, { absPath: job.absPath, displayPath: job.displayPath, findings: [], note });
    }
    this.pump();
    this.flush();
    this.wake?.();
  }

  /** Delivers the results that are next in walk order. */
  private flush(): void {
    for (let result = this.ready.get(this.nextOut); result !== undefined; result = this.ready.get(this.nextOut)) {
      if (this.options.signal?.aborted) return;
      this.ready.delete(this.nextOut++);
      this.onResult(result);
    }
  }

  /** Resolves at the next result, lost worker or abort. */
  private nextEvent(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    });
  }
}
