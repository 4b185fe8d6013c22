/**
 * deprecated-api and unknown-api-field: calls to deprecated endpoints, and fields written in a known call's request
 * that are deprecated or that the request does not have. The facts come from the API glossary data.
 */
import type { ApiEndpoint, ApiField, ApiIndex } from '../api';
import { findApiReferences, REFERENCE_REACH, requestOf, type ApiReference } from '../apiCalls';
import type { RequestKey } from '../apiObjects';
import type { ScanContext } from '../context';
import { fileKindOf, languageOf } from '../language';
import type { FixData, ScanOptions } from '../types';

/**
 * The literals a file must contain (in any case) for these rules to find anything: they report only in files that
 * mention Plaid, so a byte prefilter may skip files without `plaid`.
 */
export const API_RULE_NEEDLES: readonly string[] = ['plaid'];

/** Runs both API rules over the references whose first character lies in `[from, to)` (the whole text by default). */
export function checkApi(ctx: ScanContext, api: ApiIndex | undefined, from = 0, to = ctx.text.length): void {
  const deprecated = ctx.enabled('deprecated-api');
  const unknown = ctx.enabled('unknown-api-field');
  if (api === undefined || (!deprecated && !unknown) || ctx.kind !== 'code' || !ctx.mentionsPlaid()) return;
  for (const ref of findApiReferences(ctx.text, api, ctx.language, from, to)) {
    if (deprecated && ref.kind !== 'request' && ref.endpoint.deprecated) reportEndpoint(ctx, ref);
    const request = requestOf(ctx.text, ref, ctx.language);
    if (request !== undefined) checkKeys(ctx, ref.endpoint, request.keys, ref.endpoint.fields, undefined);
  }
}

/**
 * True when an API finding could depend on text in `[from, to)`: some API reference starts there or within a
 * request's reach before it. The incremental scanner re-scans the whole text then.
 */
export function apiFindingsNear(options: ScanOptions, text: string, from: number, to: number, mentionsPlaid: boolean): boolean {
  const api = options.api;
  if (api === undefined || !mentionsPlaid) return false;
  if (options.rules?.['deprecated-api'] === 'off' && options.rules?.['unknown-api-field'] === 'off') return false;
  const language = languageOf(options.fileName, options.languageId);
  if (fileKindOf(language) !== 'code') return false;
  return findApiReferences(text, api, language, Math.max(0, from - REFERENCE_REACH), Math.min(text.length, to)).length > 0;
}

function reportEndpoint(ctx: ScanContext, ref: ApiReference): void {
  const severity = ctx.severity('deprecated-api');
  if (severity === undefined) return;
  const e = ref.endpoint;
  const written = ctx.text.slice(ref.range.start, ref.range.end);
  const what = ref.kind === 'path' ? `\`${e.path}\`` : `\`${written}\` (\`${e.path}\`)`;
  const instead = e.replacedBy !== undefined ? ` Use \`${e.replacedBy}\` instead.` : '';
  ctx.report({
    rule: 'deprecated-api',
    severity,
    range: ref.range,
    message: `${what} is deprecated in Plaid's API.${instead}`,
    deprecated: true,
  });
}

/** Checks the keys of one request level against the fields the spec gives that level. */
function checkKeys(ctx: ScanContext, e: ApiEndpoint, keys: RequestKey[], fields: ApiField[], parent: ApiField | undefined): void {
  for (const key of keys) {
    // Python SDK models take options such as `_check_type`; they are not request fields.
    if (key.name.startsWith('_')) continue;
    const field = fields.find((f) => f.name === key.name);
    const where = parent === undefined ? `\`${e.path}\`` : `\`${parent.name}\` of \`${e.path}\``;
    if (field === undefined) {
      reportUnknown(ctx, key, fields, where);
      continue;
    }
    if (field.deprecated) reportDeprecatedField(ctx, key, field, where);
    if (key.nested !== undefined && parent === undefined && field.fields !== undefined) {
      checkKeys(ctx, e, key.nested.keys, field.fields, field);
    }
  }
}

function reportDeprecatedField(ctx: ScanContext, key: RequestKey, field: ApiField, where: string): void {
  const severity = ctx.severity('deprecated-api');
  if (severity === undefined) return;
  const instead = field.replacedBy !== undefined ? ` Use \`${field.replacedBy}\` instead.` : '';
  ctx.report({
    rule: 'deprecated-api',
    severity,
    range: key.range,
    message: `\`${field.name}\` is a deprecated field of ${where}.${instead}`,
    deprecated: true,
  });
}

function reportUnknown(ctx: ScanContext, key: RequestKey, fields: ApiField[], where: string): void {
  const severity = ctx.severity('unknown-api-field');
  if (severity === undefined) return;
  const guess = closestField(key.name, fields);
  const fix: FixData | undefined =
    guess === undefined
      ? undefined
      : { kind: 'replace', replacements: [{ title: `Change to \`${guess}\``, range: key.range, text: guess, preferred: true }] };
  ctx.report({
    rule: 'unknown-api-field',
    severity,
    range: key.range,
    message: `\`${key.name}\` is not a field of ${where}${guess !== undefined ? `; did you mean \`${guess}\`?` : '.'}`,
    ...(fix !== undefined ? { fix } : {}),
  });
}

/** The one field a misspelt key most likely means: same letters in another case, or at most one or two edits away. */
export function closestField(name: string, fields: readonly ApiField[]): string | undefined {
  const lower = name.toLowerCase();
  const camelAsSnake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const same = fields.find((f) => f.name === lower || f.name === camelAsSnake);
  if (same !== undefined) return same.name;
  const limit = name.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const f of fields) {
    const d = editDistance(lower, f.name, limit);
    if (d < bestDistance) {
      best = f.name;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= limit && !tie ? best : undefined;
}

/** Levenshtein distance with adjacent swaps counted as one edit, giving up above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}
