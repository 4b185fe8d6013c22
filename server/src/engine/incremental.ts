/**
 * Incremental re-scans for editors. After a change, only the text around it is scanned again: the changed span
 * plus a margin wide enough for any rule's reach (a token is at most about 160 characters, the context checks look
 * 160 characters back on the line), with the file-level facts of the whole text standing in for the window's own.
 * Findings before the change are kept, findings after it are moved; a change that could alter a file-level fact
 * (a suppression comment, whether the file mentions Plaid, the environment it configures) or that is large gets
 * a full scan instead. The result is always exactly what `scan` returns for the new text.
 */
import { REFERENCE_REACH } from './apiCalls';
import { environmentEntries } from './glossary';
import { apiFindingsNear } from './rules/apiRules';
import { configuredEnvironment } from './rules/development';
import { runRules, type FileFacts } from './scan';
import { applySuppressions } from './suppress';
import {
  countPlaid,
  directiveLines,
  evidenceAround,
  lineEndAt,
  lineStartAt,
  plaidCountAround,
  reachBack,
  reachForward,
  touchesDirectiveText,
  type DirectiveLine,
} from './textSpans';
import type { Finding, FixData, OffsetRange, ScanOptions } from './types';

/** One change to a text: `[start, end)` of the text before it is replaced by `text`, as LSP incremental sync sends. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * A text that can be read in parts without being one string, e.g. an editor's document held in pieces. A string is
 * one. `edit`, when present, gives the text after a change without building it whole.
 */
export interface TextSource {
  readonly length: number;
  slice(start: number, end: number): string;
  toString(): string;
  edit?(start: number, end: number, text: string): TextSource;
}

/** A scanned text with what the next {@link rescan} needs. Treat as opaque apart from `findings` and `mode`. */
export interface ScanSnapshot {
  /** The scanned text, as one string (joined on first use when the snapshot was made from a {@link TextSource}). */
  readonly text: string;
  /** The scanned text as it was given. */
  readonly source: TextSource;
  readonly options: ScanOptions;
  /** Exactly `scan(text, options)`. */
  readonly findings: Finding[];
  /** How the findings were reached: a `full` scan, or `incremental`ly from the previous snapshot. */
  readonly mode: 'full' | 'incremental';
  readonly facts: FileFacts;
  /** How many times the text holds `plaid` in any case. */
  readonly plaidCount: number;
  /** The lines holding suppression comments. */
  readonly directives: readonly DirectiveLine[];
  readonly optionsKey: string;
}

/**
 * Margin on each side, in characters (a whitespace run counts as one): every finding's evidence lies within it.
 * Generous on purpose: scanning a few more characters costs microseconds, missing one costs a wrong answer.
 */
const MARGIN = 512;

/** Changes per batch above which one full scan is cheaper than rebuilding the text after each change. */
export const MAX_STEPS = 16;

/** Scans `source` in full and keeps what an incremental re-scan needs. */
export function scanSnapshot(source: string | TextSource, options: ScanOptions = {}): ScanSnapshot {
  const text = source.toString();
  const plaidCount = countPlaid(text);
  const facts: FileFacts = { configured: configuredEnvironment(text), mentionsPlaid: plaidCount > 0 };
  const findings = applySuppressions(text, runRules(text, options, facts));
  const directives = directiveLines(text);
  return snapshotOf(source, { options, findings, mode: 'full', facts, plaidCount, directives, optionsKey: optionsKey(options) });
}

/** A snapshot of `source` whose `text` is joined only when read. */
function snapshotOf(source: TextSource, rest: Omit<ScanSnapshot, 'text' | 'source'>): ScanSnapshot {
  return {
    ...rest,
    source,
    get text() {
      return source.toString();
    },
  };
}

/**
 * The snapshot after `changes`, applied in order, each to the text the previous one left. `text`, when given, is
 * the final text (an editor already has it; passing it saves rebuilding it). Falls back to a full scan whenever
 * re-scanning a window could differ from scanning the whole text.
 */
export function rescan(previous: ScanSnapshot, changes: readonly TextChange[], options: ScanOptions, text?: string | TextSource): ScanSnapshot {
  const finalText = (): TextSource => text ?? changes.reduce((t: TextSource, c) => applyTo(t, c), previous.source);
  if (optionsKey(options) !== previous.optionsKey || changes.length > MAX_STEPS) return scanSnapshot(finalText(), options);
  if (changes.length === 0) return text === undefined || text === previous.source ? previous : scanSnapshot(text, options);
  let current = previous;
  for (const [i, change] of changes.entries()) {
    const next = i === changes.length - 1 && text !== undefined ? text : applyTo(current.source, change);
    const stepped = rescanOne(current, change, next);
    if (stepped === undefined) return scanSnapshot(finalText(), options);
    current = stepped;
  }
  return current;
}

/** The text after one change. */
export function applyChange(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** A source after one change, without joining it when it can edit itself. */
function applyTo(source: TextSource, change: TextChange): TextSource {
  return source.edit !== undefined ? source.edit(change.start, change.end, change.text) : applyChange(source.toString(), change);
}

/**
 * How far either side of a change the re-scan reads, in characters. Everything it looks at lies within a few
 * margins of the change; when a look reaches the edge of what was read, the re-scan gives way to a full scan.
 */
const READ_AHEAD = 8 * MARGIN;

/** True when the evidence a configured environment is read from can hold whitespace (it cannot today). */
const EVIDENCE_HAS_SPACE = environmentEntries.some((e) =>
  [e.environment.baseUrl, ...(e.environment.sdkConstants ?? []).map((c) => c.constant)].some((s) => /\s/.test(s)),
);

/**
 * One change, incrementally; undefined when only a full scan gives the right answer. Reads only the text around
 * the change (and, when the file has suppression comments and the change found something, the lines they need),
 * so its cost grows with the change and not with the text.
 */
function rescanOne(previous: ScanSnapshot, change: TextChange, next: TextSource): ScanSnapshot | undefined {
  const oldSource = previous.source;
  const { start, end } = change;
  const insertedEnd = start + change.text.length;
  const delta = next.length - oldSource.length;
  if (start < 0 || start > end || end > oldSource.length || delta !== change.text.length - (end - start)) return undefined;
  if (previous.directives.some((d) => d.lineStart <= end && start <= d.zoneEnd)) return undefined;
  // Both texts are equal before `start`, so one origin serves both views.
  // Near an API call the look for one reaches back a request's length, so the view reaches back that much further.
  const reachBackBy = READ_AHEAD + (previous.options.api !== undefined && previous.facts.mentionsPlaid ? REFERENCE_REACH : 0);
  const from = Math.max(0, start - reachBackBy);
  const old = oldSource.slice(from, Math.min(oldSource.length, end + READ_AHEAD));
  const text = next.slice(from, Math.min(next.length, insertedEnd + READ_AHEAD));
  const clippedLeft = from > 0;
  const clippedRight = from + text.length < next.length;
  const clippedOldRight = from + old.length < oldSource.length;
  const s = start - from;
  const e = end - from;
  const ie = insertedEnd - from;
  if (touchesDirectiveText(text, s, ie)) return undefined;
  const plaidCount = previous.plaidCount - plaidCountAround(old, s, e) + plaidCountAround(text, s, ie);
  if (plaidCount > 0 !== previous.facts.mentionsPlaid) return undefined;
  // Evidence runs stop at whitespace; a view without any on one side may have cut a run short.
  const evidenceCut =
    EVIDENCE_HAS_SPACE ||
    (clippedLeft && !/\s/.test(text.slice(0, s))) ||
    (clippedRight && !/\s/.test(text.slice(ie))) ||
    (clippedOldRight && !/\s/.test(old.slice(e)));
  if (evidenceCut || !sameList(evidenceAround(old, s, e), evidenceAround(text, s, ie))) {
    // An SDK constant or base URL changed: worth a look at the whole text, which may still configure the same.
    if (!sameConfigured(configuredEnvironment(next.toString()), previous.facts.configured)) return undefined;
  }
  const dirtyStart = reachBack(text, s, MARGIN);
  const dirtyEnd = reachForward(text, ie, MARGIN);
  const windowStart = reachBack(text, dirtyStart, MARGIN);
  const windowEnd = reachForward(text, dirtyEnd, MARGIN);
  if ((clippedLeft && windowStart === 0) || (clippedRight && windowEnd === text.length)) return undefined;
  if (windowEnd - windowStart > next.length / 2) return undefined;
  // An API call's request reaches far past the margin: near one, only a full scan is sure to be right.
  if (clippedLeft && reachBackBy > READ_AHEAD && windowStart < REFERENCE_REACH) return undefined;
  if (apiFindingsNear(previous.options, text, windowStart, windowEnd, previous.facts.mentionsPlaid)) return undefined;
  if (apiFindingsNear(previous.options, old, windowStart, windowEnd - delta, previous.facts.mentionsPlaid)) return undefined;
  const directives = previous.directives.map((d) => (d.lineStart > end ? shiftDirective(d, delta) : d));
  const at = from + windowStart;
  const windowFindings = runRules(text.slice(windowStart, windowEnd), previous.options, previous.facts)
    .filter((f) => f.range.start + windowStart >= dirtyStart && f.range.start + windowStart < dirtyEnd)
    .map((f) => moveFinding(f, at));
  // Suppression comments are rare: when there are some, the lines they need are read from the whole text.
  const kept = windowFindings.length > 0 && directives.length > 0 ? suppressWithin(next.toString(), windowFindings, directives) : windowFindings;
  const findings = [
    ...previous.findings.slice(0, firstAtOrAfter(previous.findings, from + dirtyStart)),
    ...kept,
    ...previous.findings.slice(firstAtOrAfter(previous.findings, from + dirtyEnd - delta)).map((f) => moveFinding(f, delta)),
  ];
  return snapshotOf(next, { ...rest(previous), findings, mode: 'incremental', plaidCount, directives });
}

/** A snapshot's fields besides its text. */
function rest(snapshot: ScanSnapshot): Omit<ScanSnapshot, 'text' | 'source'> {
  const { options, findings, mode, facts, plaidCount, directives, optionsKey } = snapshot;
  return { options, findings, mode, facts, plaidCount, directives, optionsKey };
}

/**
 * Applies the suppression comments to findings of a window, reading the same lines `scan` would: the lines from
 * the one before the first finding to the last finding's, and before them every line that holds a comment.
 */
function suppressWithin(text: string, findings: Finding[], directives: readonly DirectiveLine[]): Finding[] {
  if (findings.length === 0 || directives.length === 0) return findings;
  const firstLine = lineStartAt(text, findings[0]!.range.start);
  const from = firstLine > 0 ? lineStartAt(text, firstLine - 1) : 0;
  const to = lineEndAt(text, Math.max(...findings.map((f) => f.range.end)));
  const before = directives.filter((d) => d.lineStart < from).map((d) => text.slice(d.lineStart, d.lineEnd) + '\n');
  const lines = before.join('') + text.slice(from, to);
  const shift = lines.length - (to - from) - from;
  const placed = findings.map((f) => ({ ...f, range: { start: f.range.start + shift, end: f.range.end + shift } }));
  const kept = new Set(applySuppressions(lines, placed));
  return findings.filter((_, i) => kept.has(placed[i]!));
}

/** The index of the first finding that starts at or after `offset` (findings are sorted by start). */
function firstAtOrAfter(findings: readonly Finding[], offset: number): number {
  let low = 0;
  let high = findings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (findings[mid]!.range.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A finding with every offset it carries moved by `by`. */
function moveFinding(finding: Finding, by: number): Finding {
  if (by === 0) return finding;
  const moved: Finding = { ...finding, range: moveRange(finding.range, by) };
  if (finding.fix !== undefined) moved.fix = moveFix(finding.fix, by);
  if (finding.token !== undefined) moved.token = { ...finding.token, range: moveRange(finding.token.range, by) };
  return moved;
}

function moveFix(fix: FixData, by: number): FixData {
  switch (fix.kind) {
    case 'replace':
      return { ...fix, replacements: fix.replacements.map((r) => ({ ...r, range: moveRange(r.range, by) })) };
    case 'lowercase':
      return { ...fix, range: moveRange(fix.range, by) };
    case 'move-to-env':
      return { ...fix, literal: moveRange(fix.literal, by), value: moveRange(fix.value, by) };
  }
}

function moveRange(range: OffsetRange, by: number): OffsetRange {
  return { start: range.start + by, end: range.end + by };
}

function shiftDirective(d: DirectiveLine, by: number): DirectiveLine {
  return { lineStart: d.lineStart + by, lineEnd: d.lineEnd + by, zoneEnd: d.zoneEnd + by };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function sameConfigured(a: FileFacts['configured'], b: FileFacts['configured']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Options compared by value: the same file name, language and severities give the same findings. */
function optionsKey(options: ScanOptions): string {
  const rules = Object.entries(options.rules ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([options.fileName ?? null, options.languageId ?? null, rules, options.api !== undefined]);
}
