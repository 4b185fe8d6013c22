/**
 * The scanning threads that the file scan and the git scans share: a fixed number of workers, each answering its
 * messages one by one and in the order they were sent. A message goes to an idle worker, or to the least busy
 * one; a worker that dies fails only the messages it held, and the next message starts a new one in its place.
 */
import * as os from 'node:os';
import { Worker, type Transferable } from 'node:worker_threads';
import { maskText } from '../engine/mask';

/** One thread per core the process may use, and at least one. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Why a message got no answer: the worker that held it died. The reason is masked, as it may quote scanned text. */
export class LostWorker extends Error {
  constructor(reason: string) {
    super(`internal error while scanning: ${maskText(reason)}`);
  }
}

/** A message on its way: what settles it when its worker answers or dies. */
interface Pending {
  resolve(answer: unknown): void;
  reject(error: LostWorker): void;
}

interface Slot {
  worker: Worker;
  /** Messages sent to this worker and not yet answered, oldest first: a worker answers in order. */
  pending: Pending[];
}

/** A pool of worker threads running `script`, started as messages need them. */
export class ThreadPool {
  private readonly slots: Slot[] = [];
  private closing = false;

  /**
   * @param size Threads at most, e.g. `2`.
   * @param script The bundled worker, e.g. `dist/scanWorker.js`.
   */
  constructor(
    readonly size: number,
    private readonly script: string,
  ) {}

  /** Starts every thread now, so that their start-up overlaps with the caller's own (listing the first folders). */
  warmUp(): void {
    while (!this.closing && this.slots.length < this.size) this.startWorker();
  }

  /** Messages held by the least busy worker; 0 while a thread is idle or not yet started. */
  leastBusy(): number {
    if (this.slots.length < this.size) return 0;
    return Math.min(...this.slots.map((s) => s.pending.length));
  }

  /**
   * Sends `message` to the least busy worker and resolves with its answer; rejects with {@link LostWorker} when
   * that worker dies first. `transfer` lists buffers moved to the worker rather than copied.
   */
  send<Answer>(message: unknown, transfer?: readonly Transferable[]): Promise<Answer> {
    if (this.closing) return Promise.reject(new LostWorker('the scan was closed'));
    const slot = this.pickSlot();
    return new Promise<Answer>((resolve, reject) => {
      slot.pending.push({ resolve: resolve as (answer: unknown) => void, reject });
      slot.worker.postMessage(message, transfer as Transferable[] | undefined);
    });
  }

  /** Terminates every worker; messages still pending are left unsettled. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private pickSlot(): Slot {
    const idle = this.slots.find((s) => s.pending.length === 0);
    if (idle !== undefined) return idle;
    if (this.slots.length < this.size) return this.startWorker();
    return this.slots.reduce((a, b) => (b.pending.length < a.pending.length ? b : a));
  }

  private startWorker(): Slot {
    const slot: Slot = { worker: new Worker(this.script), pending: [] };
    slot.worker.on('message', (answer: unknown) => slot.pending.shift()?.resolve(answer));
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
    const error = new LostWorker(reason);
    for (const pending of slot.pending.splice(0)) pending.reject(error);
  }
}
