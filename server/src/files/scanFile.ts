/**
 * Scans one file: read, decode, run the engine, place each finding (and, when asked, each token) by line and
 * column. Depends only on its arguments, so a pool of workers can run it as it is.
 */
import { isAscii } from 'node:buffer';
import { apiIndexFor } from '../apiData';
import { findTokens, maskSecret, type Finding, type TokenRef } from '../engine';
import { CHECKS, checksNeeded, scanChecks, type CheckId } from '../engine/scan';
import { maskText } from '../engine/mask';
import { LineIndex } from '../engine/lineIndex';
import { decodeText, encodingOf, readSourceBytes, ReadScratch, type SizeLimitName } from './readText';
import type { FileResult, LocatedFinding, LocatedToken } from './report';
import { valueHash } from './valueHash';
import type { FileJob } from './walk';

/** Limits and extras that apply to every file of a scan. */
export interface ScanLimits {
  /** Files larger than this many bytes are skipped with a note. */
  maxBytes: number;
  /** What sets that limit, named in the note on a file over it, e.g. `{ name: '--max-file-size', unit: 'KB' }`. */
  sizeLimit?: SizeLimitName;
  /** Also list each file's tokens, masked, e.g. `true` for the editor's Tokens view; the CLI leaves it out. */
  listTokens?: boolean;
  /** Add a salted hash of each flagged value (hex salt), e.g. for a baseline; unset leaves it out. */
  valueSalt?: string;
}

/**
 * Scans one file. Never throws: problems become a note on the result. The raw bytes are first tested for the
 * checks' needles, so a file that cannot hold a finding is never decoded.
 */
export function scanFile(job: FileJob, limits: ScanLimits): FileResult {
  const base = { absPath: job.absPath, displayPath: job.displayPath, findings: [] };
  // The bytes are read into this thread's scratch buffer: they are done with before the next file is read.
  const read = readSourceBytes(job.absPath, limits.maxBytes, limits.sizeLimit, scratch);
  if (read.kind === 'skipped') return { ...base, note: { kind: 'skipped', reason: read.reason } };
  if (read.kind === 'unreadable') return { ...base, note: { kind: 'unreadable', reason: `could not read the file: ${read.reason}` } };
  const encoding = encodingOf(read.bytes);
  if (encoding === 'binary') return { ...base, note: { kind: 'skipped', reason: 'binary file' } };
  const off = offChecks(job.rules);
  // With every rule off, nothing is decoded: a folder turned off costs its reads only.
  if (off.size === CHECKS.length && !limits.listTokens) return base;
  try {
    // UTF-16 puts a NUL beside every ASCII byte, so only its decoded text can be tested.
    const bytesAsText = encoding === 'utf8' ? read.bytes.toString('latin1') : undefined;
    const checks = bytesAsText !== undefined ? checksNeeded(bytesAsText) : undefined;
    if (checks?.size === 0) return limits.listTokens ? { ...base, tokens: [] } : base;
    // ASCII reads the same in latin1 and UTF-8, so most source files are decoded once, not twice.
    const text = bytesAsText !== undefined && isAscii(read.bytes) ? bytesAsText : decodeText(read.bytes)!;
    const needed = checks ?? checksNeeded(text);
    const run = withoutChecks(needed, off);
    const api = run.has('api') ? apiIndexFor(text) : undefined;
    const findings = scanChecks(text, { fileName: job.fileName, rules: job.rules, ...(api !== undefined ? { api } : {}) }, run);
    const lines = lazyLineIndex(text);
    const located = { ...base, findings: locateFindings(text, findings, lines, limits.valueSalt) };
    if (!limits.listTokens) return located;
    return { ...located, tokens: needed.has('tokens') ? locateTokens(findTokens(text), lines) : [] };
  } catch (error) {
    // An engine bug must not end the whole scan; the message is masked in case it quotes the text.
    const reason = maskText(error instanceof Error ? error.message : String(error));
    return { ...base, note: { kind: 'failed', reason: `internal error while scanning: ${reason}` } };
  }
}

const scratch = new ReadScratch();

/** {@link offChecks} per settings object: the files of a folder share theirs, so this is worked out once for them. */
const offByRules = new WeakMap<FileJob['rules'], ReadonlySet<CheckId>>();

/** The checks whose every rule is `off`: running them could report nothing. */
function offChecks(rules: FileJob['rules']): ReadonlySet<CheckId> {
  let off = offByRules.get(rules);
  if (off === undefined) {
    off = new Set(CHECKS.filter((check) => check.rules.every((rule) => rules[rule] === 'off')).map((check) => check.id));
    offByRules.set(rules, off);
  }
  return off;
}

function withoutChecks(checks: ReadonlySet<CheckId>, off: ReadonlySet<CheckId>): ReadonlySet<CheckId> {
  if (off.size === 0) return checks;
  return new Set([...checks].filter((id) => !off.has(id)));
}

/** Converts offset ranges to 1-based positions and keeps a masked copy of each flagged text for fingerprints. */
export function locateFindings(text: string, findings: readonly Finding[], lines = lazyLineIndex(text), valueSalt?: string): LocatedFinding[] {
  // Most files have no finding; indexing their lines would cost a pass over the text for nothing.
  if (findings.length === 0) return [];
  const index = lines();
  const located = findings.map((finding): LocatedFinding => {
    const start = index.positionAt(finding.range.start);
    const end = index.positionAt(finding.range.end);
    return {
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      maskedText: maskSecret(text.slice(finding.range.start, finding.range.end)),
      ...(finding.deprecated ? { deprecated: true } : {}),
      ...(valueSalt === undefined ? {} : { valueHash: valueHash(text, finding, valueSalt) }),
    };
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

/** Places tokens by line and column; only their masked form is kept. */
function locateTokens(tokens: readonly TokenRef[], lines: () => LineIndex): LocatedToken[] {
  if (tokens.length === 0) return [];
  const index = lines();
  return tokens.map((token) => {
    const start = index.positionAt(token.range.start);
    const end = index.positionAt(token.range.end);
    return { type: token.type, environment: token.environment, masked: token.masked, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

/** The text's line index, built on first use and then shared by findings and tokens. */
function lazyLineIndex(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= new LineIndex(text));
}
