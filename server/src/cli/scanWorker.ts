/**
 * The worker thread of a parallel scan, bundled to `dist/scanWorker.js`: reads and scans each batch of files it is
 * handed and posts the located findings back. A file's text stays in this thread.
 */
import { parentPort } from 'node:worker_threads';
import type { ScanRequest, ScanResponse } from '../files/scanPool';
import { scanFile } from '../files/scanFile';

parentPort?.on('message', (request: ScanRequest) => {
  // scanFile never throws: a file it cannot read or scan comes back as a note.
  const results = request.files.map(({ id, job }) => ({ id, result: scanFile(job, request.limits) }));
  parentPort!.postMessage({ results } satisfies ScanResponse);
});
