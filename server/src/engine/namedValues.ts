/**
 * Name/value pairs, where the key that names a value sits in a `name` field beside it rather than before it:
 * Kubernetes and Helm `env:` lists (`- name: PLAID_SECRET` then `value: "…"`), ECS and CloudFormation objects
 * (`{ "name": "PLAID_SECRET", "value": "…" }`), Terraform blocks (`name = "PLAID_ENV"` then `value = "…"`).
 */
import { lineStartAt } from './textSpans';

/** An optional quote, possibly escaped inside a string literal (`\"`). */
const Q = String.raw`(?:\\?["'])?`;

/** `value:`, `"value":`, `value =`, `Value:` and an opening quote, ending where the value starts. */
const VALUE_KEY = new RegExp(String.raw`(?<![A-Za-z0-9_$.-])${Q}value${Q}\s*[:=]\s*${Q}$`, 'i');

/** `name: PLAID_SECRET`, `"name": "PLAID_SECRET"`, `name = "PLAID_ENV"`; group 1 is the name. */
const NAME_KEY = new RegExp(String.raw`(?<![A-Za-z0-9_$.-])${Q}name${Q}\s*[:=]\s*${Q}([A-Za-z_][\w.-]*)`, 'gi');

/** How far the name may sit from its value: a few lines of one list item or object. */
const MAX_LINES_BETWEEN = 3;
/** Characters looked at on either side, well inside the incremental scanner's margin. */
const REACH = 300;

/**
 * The name that the value starting at `valueStart` belongs to, when it is the `value` of a name/value pair; the
 * name must sit in the same list item or object, so an item without a name never borrows the one above it.
 */
export function pairedName(text: string, valueStart: number): string | undefined {
  const lineStart = lineStartAt(text, valueStart);
  const prefix = text.slice(Math.max(lineStart, valueStart - REACH), valueStart);
  const key = VALUE_KEY.exec(prefix);
  if (!key) return undefined;
  const keyAt = valueStart - prefix.length + key.index;
  return nameBefore(text, keyAt) ?? nameAfter(text, valueStart);
}

/** The last `name` between the start of the item or object holding `keyAt` and `keyAt`. */
function nameBefore(text: string, keyAt: number): string | undefined {
  let from = Math.max(0, keyAt - REACH);
  let region = text.slice(from, keyAt);
  // An object or block boundary (`{`, `}`, `[`, `]`) ends the item: what lies before it is another item's.
  const boundary = Math.max(region.lastIndexOf('{'), region.lastIndexOf('}'), region.lastIndexOf('['), region.lastIndexOf(']'));
  if (boundary >= 0) {
    from += boundary + 1;
    region = region.slice(boundary + 1);
  }
  const lines = region.split(/\r\n|\r|\n/);
  // Only the last few lines, and none before the line that opens this YAML list item (`- name: …`).
  let first = Math.max(0, lines.length - 1 - MAX_LINES_BETWEEN);
  for (let i = lines.length - 1; i >= first; i--) {
    if (/^\s*-(\s|$)/.test(lines[i]!)) {
      first = i;
      break;
    }
  }
  let last: string | undefined;
  for (const m of lines.slice(first).join('\n').matchAll(NAME_KEY)) last = m[1];
  return last;
}

/** A `name` after the value, in the same one-line or nested object (`{ "value": "…", "name": "PLAID_ENV" }`). */
function nameAfter(text: string, valueStart: number): string | undefined {
  const ahead = text.slice(valueStart, valueStart + REACH);
  const close = ahead.search(/[{}[\]]/);
  if (close < 0 || ahead[close] !== '}') return undefined;
  const inside = ahead.slice(0, close);
  if (inside.split(/\r\n|\r|\n/).length > MAX_LINES_BETWEEN + 1) return undefined;
  for (const m of inside.matchAll(NAME_KEY)) return m[1];
  return undefined;
}
