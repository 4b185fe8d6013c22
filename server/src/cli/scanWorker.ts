/**
 * The worker thread of a parallel scan, bundled to `dist/scanWorker.js`: scans the batches it is handed and posts
 * the located findings back. A batch is either files to read (a workspace or CLI scan) or git blobs (a staged or
 * history scan); one script serves both, so the engine ships once more, not twice. Text stays in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { answerOf, jobsOf, type ScanRequest, type ScanResponse } from '../files/scanMessages';
import { scanFile } from '../files/scanFile';
import { scanBlob, type BlobJob } from '../git/blobScan';

parentPort?.on('message', (request: ScanRequest | BlobJob[]) => {
  if (Array.isArray(request)) {
    parentPort!.postMessage(request.map((job) => ({ id: job.id, result: scanBlob(job) })));
    return;
  }
  // scanFile never throws: a file it cannot read or scan comes back as a note.
  const answers = jobsOf(request).map((job) => answerOf(scanFile(job, request.limits)));
  parentPort!.postMessage({ answers } satisfies ScanResponse);
});
