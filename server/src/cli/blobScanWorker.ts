/**
 * The worker thread of a git scan, bundled to `dist/blobScanWorker.js`: scans the blobs it is handed and posts the
 * located findings, with value hashes, back. A blob's text stays in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { scanBlob, type BlobJob } from '../git/blobScan';

parentPort?.on('message', (jobs: BlobJob[]) => {
  parentPort!.postMessage(jobs.map((job) => ({ id: job.id, result: scanBlob(job) })));
});
