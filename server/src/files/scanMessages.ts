/**
 * The messages between the file scan and its worker threads, kept apart from the pool so that a worker loads only
 * these and the scanner. Every message is copied field by field, so each carries only what the other side lacks.
 */
import type { FileResult } from './report';
import type { ScanLimits } from './scanFile';
import type { FileJob } from './walk';

/**
 * What a worker is sent: a batch of files to scan, as columns rather than one object per file. A file's display
 * path stays behind: its answer is matched to it by place.
 */
export interface ScanRequest {
  absPaths: string[];
  fileNames: string[];
  /** The distinct rule settings of the batch; most batches have one. */
  rules: FileJob['rules'][];
  /** Per file, its settings' place in `rules`. */
  ruleIndex: number[];
  limits: ScanLimits;
}

/** The batch of files a worker was sent, back as jobs. */
export function jobsOf(request: ScanRequest): FileJob[] {
  return request.absPaths.map((absPath, i) => ({ absPath, displayPath: '', fileName: request.fileNames[i]!, rules: request.rules[request.ruleIndex[i]!]! }));
}

/** Packs jobs into a {@link ScanRequest}. */
export function requestOf(jobs: readonly FileJob[], limits: ScanLimits): ScanRequest {
  const rules: FileJob['rules'][] = [];
  const places = new Map<FileJob['rules'], number>();
  let none: number | undefined;
  const ruleIndex = jobs.map(({ rules: r }) => {
    // Files without settings each get an empty object of their own: they share one place.
    if (isEmpty(r)) return (none ??= rules.push(r) - 1);
    let place = places.get(r);
    if (place === undefined) places.set(r, (place = rules.push(r) - 1));
    return place;
  });
  return { absPaths: jobs.map((j) => j.absPath), fileNames: jobs.map((j) => j.fileName), rules, ruleIndex, limits };
}

function isEmpty(rules: FileJob['rules']): boolean {
  for (const _ in rules) return false;
  return true;
}

/**
 * What a worker answers for one {@link ScanRequest}: an answer per file, in the same order. Only what the main
 * thread does not know crosses back, since every answer is copied.
 */
export interface ScanResponse {
  answers: ScanAnswer[];
}

/** A file's result without the paths its job already holds, as a scanning thread answers; null: nothing to report. */
export type ScanAnswer = Omit<FileResult, 'absPath' | 'displayPath'> | null;

/** The answer for a file's result: what the thread that asked does not know already, since every answer is copied. */
export function answerOf(result: FileResult): ScanAnswer {
  const { absPath: _absPath, displayPath: _displayPath, ...rest } = result;
  return rest.findings.length === 0 && rest.note === undefined && rest.tokens === undefined ? null : rest;
}
