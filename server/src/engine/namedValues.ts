/**
 * Name/value pairs, where the key that names a value sits in a `name` field beside it rather than before it:
 * Kubernetes and Helm `env:` lists (`- name: PLAID_SECRET` then `value: "…"`), ECS and CloudFormation objects
 * (`{ "name": "PLAID_SECRET", "value": "…" }`), Terraform blocks (`name = "PLAID_ENV"` then `value = "…"`).
 */
import { isSpace } from './textSpans';

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
  // Most values are no pair's value: a look at the few characters before them settles that without allocating.
  if (!followsValueKey(text, valueStart)) return undefined;
  // Only the stretch before the value on its line, at most REACH characters: a minified line can be megabytes long.
  const before = text.slice(Math.max(0, valueStart - REACH), valueStart);
  const prefix = before.slice(Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1);
  const key = VALUE_KEY.exec(prefix);
  if (!key) return undefined;
  const keyAt = valueStart - prefix.length + key.index;
  return nameBefore(text, keyAt) ?? nameAfter(text, valueStart);
}

/** The last `name` between the start of the item or object holding `keyAt` and `keyAt`. */
function nameBefore(text: string, keyAt: number): string | undefined {
  const floor = Math.max(0, keyAt - REACH);
  let start = floor;
  let lines = 0;
  for (let i = keyAt - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    // An object or block boundary (`{`, `}`, `[`, `]`) ends the item: what lies before it is another item's.
    if (c === 123 || c === 125 || c === 91 || c === 93) {
      start = i + 1;
      break;
    }
    if (c === 10 || c === 13) {
      // The line that opens this YAML list item (`- name: …`) is the item's first; a few lines at most.
      if (opensListItem(text, i + 1) || ++lines > MAX_LINES_BETWEEN) {
        start = i + 1;
        break;
      }
      if (c === 10 && text.charCodeAt(i - 1) === 13) i--;
    }
  }
  return lastName(text.slice(start, keyAt));
}

/** Group 1 of the last match of {@link NAME_KEY} in `text`, without `matchAll`'s copy of the expression and iterator. */
function lastName(text: string): string | undefined {
  let last: string | undefined;
  NAME_KEY.lastIndex = 0;
  for (let m = NAME_KEY.exec(text); m !== null; m = NAME_KEY.exec(text)) last = m[1];
  return last;
}

/** True when the line starting at `at` opens a YAML list item: blanks, then `-` and a blank or its end. */
function opensListItem(text: string, at: number): boolean {
  let i = at;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === '-' && (i + 1 >= text.length || /\s/.test(text[i + 1]!));
}

/** A `name` after the value, in the same one-line or nested object (`{ "value": "…", "name": "PLAID_ENV" }`). */
function nameAfter(text: string, valueStart: number): string | undefined {
  const ahead = text.slice(valueStart, valueStart + REACH);
  const close = ahead.search(/[{}[\]]/);
  if (close < 0 || ahead[close] !== '}') return undefined;
  const inside = ahead.slice(0, close);
  if (inside.split(/\r\n|\r|\n/).length > MAX_LINES_BETWEEN + 1) return undefined;
  NAME_KEY.lastIndex = 0;
  const first = NAME_KEY.exec(inside);
  NAME_KEY.lastIndex = 0;
  return first?.[1];
}

/** True when the word `value` (any case) ends within a few quotes, blanks, `:` or `=` before `at`: a pair's value may start there. */
export function followsValueKey(text: string, at: number): boolean {
  // Read code by code: this runs for every token-like value, and most are no pair's value.
  let i = at - 1;
  for (let skipped = 0; i >= 0 && skipped < 8 && isBeforeValue(text.charCodeAt(i)); i--) skipped++;
  if (i < 4) return false;
  for (let k = 0; k < 5; k++) if ((text.charCodeAt(i - 4 + k) | 0x20) !== VALUE_WORD.charCodeAt(k)) return false;
  return true;
}

const VALUE_WORD = 'value';

/** `["'\\\s:=]`: what may stand between the key `value` and its value; `\s` as regular expressions read it. */
export function isBeforeValue(c: number): boolean {
  return c === 34 || c === 39 || c === 92 || c === 58 || c === 61 || isSpace(c);
}
