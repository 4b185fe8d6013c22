/**
 * Shared values and checks for the engine's table-driven tests. The values are made up but shaped exactly like
 * Plaid's, so the engine treats them as real.
 */
import * as assert from 'assert';
import { scan, type Finding, type FixData, type RuleId, type ScanOptions, type Severity } from '../../../server/src/engine';

/** A lowercase RFC 4122 version 4 UUID. */
export const UUID = '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a9b0c';
/** A second valid UUID (version 1, variant b), so two tokens in one text differ. */
export const UUID2 = 'c0ffee12-3456-1abc-bdef-0123456789ab';
/** A Plaid-shaped secret: 30 lowercase hex digits with varied digits. */
export const SECRET = '8f3b2c1d9e0a7f6b5c4d3e2a1b0c9d';
/** Another secret, for rows that need two. */
export const SECRET2 = 'd41c7a9e03b85f26ec1a9b7d4e2f08';
/** A Plaid-shaped client_id: 24 lowercase hex digits. */
export const CLIENT_ID = '5f1e2d3c4b5a69788796a5b4';
/** Another client_id. */
export const CLIENT_ID2 = '63a1f0c9b2e84d57a6c3e1f0';

/** What one expected finding looks like in a table row. */
export interface Expected {
  rule: RuleId;
  severity: Severity;
  /** The exact text the finding's range covers. */
  flagged: string;
  /** Fragments the message must contain. */
  message?: string[];
}

/** One row of a rule table: a file name, its text, and the findings expected from the rules under test. */
export interface Row {
  name: string;
  file: string;
  text: string;
  expect: Expected[];
  /** Configured severities, when the row tests configuration. */
  rules?: ScanOptions['rules'];
}

/** Scans a row's text as its file. */
export function scanRow(row: Pick<Row, 'file' | 'text' | 'rules'>): Finding[] {
  return scan(row.text, { fileName: row.file, ...(row.rules ? { rules: row.rules } : {}) });
}

/** The text a finding's range covers. */
export function flaggedText(text: string, f: { range: { start: number; end: number } }): string {
  return text.slice(f.range.start, f.range.end);
}

/**
 * Asserts that the findings of `rules` in a row are exactly the expected ones, in order: rule, severity, flagged
 * text and message fragments. Findings of other rules are ignored, so each table tests its own rules.
 */
export function assertRow(row: Row, rules: readonly RuleId[]): Finding[] {
  const found = scanRow(row).filter((f) => rules.includes(f.rule));
  const actual = found.map((f) => ({ rule: f.rule, severity: f.severity, flagged: flaggedText(row.text, f) }));
  const wanted = row.expect.map((e) => ({ rule: e.rule, severity: e.severity, flagged: e.flagged }));
  assert.deepStrictEqual(actual, wanted);
  row.expect.forEach((e, i) => {
    for (const fragment of e.message ?? []) {
      assert.ok(found[i]!.message.includes(fragment), `message ${JSON.stringify(found[i]!.message)} lacks ${JSON.stringify(fragment)}`);
    }
  });
  return found;
}

/** Applies one replacement of a `replace` fix, or the `lowercase` fix, to the text. */
export function applyFix(text: string, fix: FixData | undefined, choice = 0): string {
  assert.ok(fix, 'the finding carries no fix');
  switch (fix.kind) {
    case 'replace': {
      const r = fix.replacements[choice];
      assert.ok(r, `no replacement #${choice}`);
      return text.slice(0, r.range.start) + r.text + text.slice(r.range.end);
    }
    case 'lowercase':
      return text.slice(0, fix.range.start) + text.slice(fix.range.start, fix.range.end).toLowerCase() + text.slice(fix.range.end);
    case 'move-to-env':
      return text.slice(0, fix.literal.start) + fix.replacement + text.slice(fix.literal.end);
  }
}

/** Every replacement text a `replace` fix offers, in order. */
export function replacementTexts(fix: FixData | undefined): string[] {
  assert.ok(fix && fix.kind === 'replace', 'expected a replace fix');
  return fix.replacements.map((r) => r.text);
}

/** The single finding of `rule` in a scan, failing when there is not exactly one. */
export function only(findings: Finding[], rule: RuleId): Finding {
  const hits = findings.filter((f) => f.rule === rule);
  assert.strictEqual(hits.length, 1, `expected one ${rule} finding, got ${hits.length}`);
  return hits[0]!;
}

/** The middle twelve characters of a value: a message holding them leaks too much of it. */
export function middle12(value: string): string {
  const at = Math.floor((value.length - 12) / 2);
  return value.slice(at, at + 12);
}
