/**
 * Scans the files a walk lists on every core: worker threads read and scan the files they are handed (a file's
 * text never crosses threads, only its located findings do), and results come back in the order the walk listed
 * the files, so the output is the same whatever the timing and however many workers run. One job scans in this
 * thread instead. A scan stops when its signal aborts.
 */
import type { FileResult } from './report';
import { scanFile, type ScanLimits } from './scanFile';
import { requestOf, type ScanResponse } from './scanMessages';
import { ThreadPool } from './threadPool';
import type { FileJob, WalkItem } from './walk';

/** How a scan runs. */
export interface ScanRunOptions {
  /** Threads that scan at once, e.g. `4`; 1 scans in this thread without workers. */
  jobs: number;
  limits: ScanLimits;
  /** The worker's script, e.g. `dist/scanWorker.js`; not read when `jobs` is 1. */
  workerScript: string;
  /** Aborting it stops the scan: workers are terminated and no further result is delivered. */
  signal?: AbortSignal;
  /**
   * True: this thread is one of the `jobs`, scanning a batch whenever every worker is busy, e.g. for the CLI, where
   * a thread fewer saves its start-up and warm-up. Leave it out where this thread must stay responsive (a server).
   */
  scanHere?: boolean;
}

export { defaultJobs } from './threadPool';

/** Batches handed to one worker at a time: the next one waits in its queue, so the worker never idles between two. */
const PER_WORKER = 2;

/**
 * Files per batch, at most. A message costs about as much as scanning a small file, so files travel in batches;
 * small enough that the last batches spread over every worker.
 */
const MAX_BATCH = 64;

/** Items walked between two turns of the event loop, where the workers' answers are read. */
const YIELD_EVERY = 32;

/**
 * Files listed but not yet delivered, at most; bounds the queue and the results held back behind a slow batch. At
 * 1,024, this thread sat idle for up to a few hundred milliseconds on the benchmark corpus, behind a worker batch of
 * large bundles or the worker's first, cold batch; a held-back result without findings is a few hundred bytes.
 */
const MAX_AHEAD = 4096;

/** A walk's items: listed synchronously (the CLI's walk) or one promise at a time (a list built with pauses). */
export type WalkItems = Iterable<WalkItem> | AsyncIterable<WalkItem>;

/**
 * Scans every file the walk yields, calling `onResult` once per item in walk order (notes included). Resolves
 * with true when every item was delivered, false when the signal stopped the scan. Rejects with the walk's error.
 */
export async function scanFiles(items: WalkItems, options: ScanRunOptions, onResult: (result: FileResult) => void): Promise<boolean> {
  if (options.jobs <= 1) return scanHere(items, options, onResult);
  const pool = new WorkerPool(options, onResult);
  try {
    return await pool.run(items);
  } finally {
    await pool.close();
  }
}

/** The single-threaded scan: each file read and scanned in turn, the walk moving on between files. */
async function scanHere(items: WalkItems, options: ScanRunOptions, onResult: (result: FileResult) => void): Promise<boolean> {
  const { limits, signal } = options;
  let count = 0;
  const walked = await eachItem(items, (item) => {
    if (signal?.aborted) return false;
    onResult(item.kind === 'file' ? scanFile(item.job, limits) : noteResult(item));
    // Reading, listing and scanning are all synchronous here: let a Ctrl-C or a cancellation in now and then.
    return ++count % YIELD_EVERY === 0 ? turn() : true;
  });
  return walked && signal?.aborted !== true;
}

/**
 * Calls `step` on each item in order until it answers false, and says whether every item was seen. Only the
 * promises `step` returns are awaited: a synchronous walk then costs no promise per item.
 */
async function eachItem(items: WalkItems, step: (item: WalkItem) => boolean | Promise<boolean>): Promise<boolean> {
  if (Symbol.iterator in items) {
    for (const item of items) {
      const next = step(item);
      if (!(next === true || (next !== false && (await next)))) return false;
    }
  } else {
    for await (const item of items) {
      const next = step(item);
      if (!(next === true || (next !== false && (await next)))) return false;
    }
  }
  return true;
}

/** One turn of the event loop, where timers, signals and the workers' answers are handled; resolves true. */
function turn(): Promise<true> {
  return new Promise((resolve) => setImmediate(() => resolve(true)));
}

function noteResult(item: Extract<WalkItem, { kind: 'note' }>): FileResult {
  return { absPath: item.absPath, displayPath: item.displayPath, findings: [], note: item.note };
}

/**
 * Worker threads fed from a walk. The walk runs ahead of the workers into a queue, so that a worker never waits on
 * a folder listing; a reorder buffer sits between the workers' answers and `onResult`.
 */
class WorkerPool {
  private readonly threads: ThreadPool;
  /** Files listed and not yet handed to a worker, in walk order. */
  private readonly queue: { id: number; job: FileJob }[] = [];
  private readonly ready = new Map<number, FileResult>();
  private nextId = 0;
  private nextOut = 0;
  /** True once the walk has ended: batches no longer wait to be full. */
  private walked = false;
  /** Wakes the walking loop when a result arrives or the scan is aborted. */
  private wake: (() => void) | undefined;

  constructor(
    private readonly options: ScanRunOptions,
    private readonly onResult: (result: FileResult) => void,
  ) {
    this.threads = new ThreadPool(options.scanHere ? options.jobs - 1 : options.jobs, options.workerScript);
    this.threads.warmUp();
  }

  /** Feeds every item to the workers and waits for the last result; false when aborted. */
  async run(items: WalkItems): Promise<boolean> {
    const { signal } = this.options;
    const abort = (): void => this.wake?.();
    signal?.addEventListener('abort', abort);
    try {
      const walked = await eachItem(items, (item) => {
        if (signal?.aborted) return false;
        const id = this.nextId++;
        if (item.kind === 'note') this.ready.set(id, noteResult(item));
        else this.queue.push({ id, job: item.job });
        this.pump();
        this.flush();
        // The walk may run this far ahead of what has been delivered, which bounds the results held back.
        if (this.nextId - this.nextOut > MAX_AHEAD && !signal?.aborted) return this.catchUp();
        // A walk that never waits on I/O would keep the workers' answers, and the files they ask for, waiting.
        return this.nextId % YIELD_EVERY === 0 ? turn() : true;
      });
      if (!walked) return false;
      this.walked = true;
      this.pump(true);
      while (this.nextOut < this.nextId && !signal?.aborted) await this.nextEvent();
      return signal?.aborted !== true;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Waits until the walk is no more than {@link MAX_AHEAD} items ahead of delivery; resolves true. */
  private async catchUp(): Promise<true> {
    while (this.nextId - this.nextOut > MAX_AHEAD && !this.options.signal?.aborted) {
      // What is held back may wait on a batch not yet full: send it.
      this.pump(true);
      await this.nextEvent();
    }
    return true;
  }

  /** Terminates every worker. */
  close(): Promise<void> {
    return this.threads.close();
  }

  /**
   * Hands queued files, in batches, to workers with room. While the walk goes on, a batch waits until it is full;
   * at the end (`last`), the rest is spread over every worker.
   */
  private pump(last = false): void {
    while (this.queue.length > 0 && !this.options.signal?.aborted) {
      const size = last ? Math.min(MAX_BATCH, Math.ceil(this.queue.length / this.options.jobs)) : MAX_BATCH;
      if (this.queue.length < size) return;
      if (this.threads.leastBusy() < PER_WORKER) {
        this.send(this.queue.splice(0, size));
        continue;
      }
      // One batch at most, then back to the event loop, where the workers' answers wait for their next batch.
      if (this.options.scanHere) this.scanBatchHere(this.queue.splice(0, size));
      return;
    }
  }

  private scanBatchHere(files: { id: number; job: FileJob }[]): void {
    for (const { id, job } of files) this.ready.set(id, scanFile(job, this.options.limits));
    this.flush();
  }

  private send(files: { id: number; job: FileJob }[]): void {
    const request = requestOf(
      files.map((f) => f.job),
      this.options.limits,
    );
    this.threads.send<ScanResponse>(request).then(
      (response) => {
        for (const [i, { id, job }] of files.entries()) {
          this.ready.set(id, { absPath: job.absPath, displayPath: job.displayPath, findings: [], ...response.answers[i] });
        }
        this.settled();
      },
      // A worker that dies takes only its own files with it: each becomes a note, and a new worker takes its place.
      (error: Error) => {
        const note = { kind: 'failed' as const, reason: error.message };
        for (const { id, job } of files) this.ready.set(id, { absPath: job.absPath, displayPath: job.displayPath, findings: [], note });
        this.settled();
      },
    );
  }

  private settled(): void {
    this.pump(this.walked);
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
