/**
 * hardcoded-secret and hardcoded-client-id: a Plaid secret or client_id written as a literal value of a key that
 * names it, in a file or under a key that is about Plaid. Formats and key names come from the glossary.
 */
import type { ScanContext } from '../context';
import { credentialEntries, termInSentence, type CredentialFacts, type GlossaryEntry } from '../glossary';
import { envReadExpression } from '../language';
import { maskSecret } from '../mask';
import { pairedName } from '../namedValues';
import { LINE_PREFIX_LENGTH, linePrefix } from '../tokens';
import type { RuleId } from '../types';
import { quotedLiteral } from './tokenRules';

interface CredentialKind {
  rule: RuleId;
  entry: GlossaryEntry & { credential: CredentialFacts };
  keyPattern: RegExp;
  /** The words of every message of this kind before the masked value and after the key. */
  messageHead: string;
  messageTail: string;
}

const RULE_OF: Record<string, RuleId> = { secret: 'hardcoded-secret', 'client-id': 'hardcoded-client-id' };

const kinds: CredentialKind[] = credentialEntries
  .filter((entry) => RULE_OF[entry.id] !== undefined)
  .map((entry) => ({
    rule: RULE_OF[entry.id]!,
    entry,
    keyPattern: new RegExp(entry.credential.keyPattern, 'i'),
    messageHead: `Hard-coded Plaid ${termInSentence(entry)} `,
    messageTail: `\`: keep it out of source and read it from the ${entry.credential.envVar} environment variable.`,
  }));

const lengths = new Set(kinds.map((k) => k.entry.credential.hexLength));
const shortest = Math.min(...lengths);

/**
 * Whole runs of lowercase hex at least as long as the shortest credential; the exact lengths are checked after.
 * The definition of what {@link hexRunsIn} finds, which tests hold it to.
 */
export const CREDENTIAL_HEX_RUN = new RegExp(`(?<![A-Za-z0-9_])[a-f0-9]{${shortest},}(?![A-Za-z0-9_])`, 'g');

/**
 * The key a value is assigned to: `secret: "`, `PLAID_SECRET=`, `api_key["secret"] = '`, `.clientId("`, and the
 * fallback of an environment read, `process.env.PLAID_SECRET || '`, which ships the value all the same. Quotes may be
 * escaped, as in JSON written inside a string literal (`"{\"secret\":\"…\"}"`).
 * A key never starts right after a letter, `_` or `$`: the match starting one character earlier is the same key, one
 * longer, and comes first. Saying so spares the search a try at every character of every word on the line.
 */
export const ASSIGNED_TO = /(?<![A-Za-z_$])([A-Za-z_$][\w$.-]*)(?:\\?["'\])])*\s*(:|=>|:=|=|\(|,|\|\||\?\?|\bor\b)\s*\\?["'`]?$/;
const FALLBACK_OPERATORS = new Set(['||', '??', 'or']);
/** An environment read earlier on the line: the literal after it is a default (`os.getenv('PLAID_SECRET', '…')`). */
const ENV_READ = /\bgetenv\b|\bGetenv\b|System\.getenv|os\.environ|process\.env\b|\bENV\b|\bLookupEnv\b/;

/** Scanners found that real keys have varied digits; `000…` and `abab…` are placeholders. */
const MIN_ENTROPY_BITS = 3;

/** Reports hard-coded secrets and client IDs. */
export function checkCredentials(ctx: ScanContext): void {
  const active = kinds.filter((k) => ctx.enabled(k.rule));
  // Every credential needs Plaid in its key or in the file, so a file that never says "plaid" has none.
  if (active.length === 0 || ctx.privateEnvFile || !ctx.mentionsPlaid()) return;
  // Built once per scan: a line of hostile text holds a finding every few hundred characters, and each finding is kept
  // until the scan ends, so what it shares with the others is not allocated again.
  const replacements = new Map(active.map((k) => [k, envReadExpression(ctx.language, k.entry.credential.envVar)]));
  const endings = new MessageEndings();
  runsAfterKeys(ctx.text, (start, end) => {
    const length = end - start;
    if (!lengths.has(length)) return;
    const prefix = linePrefix(ctx.text, start);
    const assigned = ASSIGNED_TO.exec(prefix);
    // `value: "…"` of a name/value pair (`- name: PLAID_SECRET`) is named by its pair's `name`.
    const named = assigned?.[1] !== undefined && /^value$/i.test(assigned[1]) ? pairedName(ctx.text, start) : assigned?.[1];
    if (!assigned || !named) return;
    let byKey: CredentialKind | undefined;
    for (const k of active) {
      if (k.entry.credential.hexLength === length && k.keyPattern.test(named)) {
        byKey = k;
        break;
      }
    }
    const byPosition = byKey ? undefined : positionalCredential(prefix, active);
    const kind = byKey ?? (byPosition?.kind.entry.credential.hexLength === length ? byPosition.kind : undefined);
    const key = byKey ? named : byPosition?.call ?? named;
    if (!kind) return;
    const value = ctx.text.slice(start, end);
    if (entropy(value) < MIN_ENTROPY_BITS) return;
    const severity = ctx.severity(kind.rule, kind.entry.credential.severity);
    if (!severity) return;
    const range = { start, end };
    const envVar = kind.entry.credential.envVar;
    // A default already sits next to an environment read: the fix is to delete it, not to read the variable twice.
    const isDefault = FALLBACK_OPERATORS.has(assigned[2]!) || ENV_READ.test(prefix);
    const replacement = isDefault ? undefined : replacements.get(kind);
    const literal = quotedLiteral(ctx.text, range);
    const message = kind.messageHead + maskSecret(value) + endings.of(kind, key);
    const rule = kind.rule;
    ctx.report(
      replacement && literal
        ? { rule, severity, range, message, fix: { kind: 'move-to-env', envVar, literal, value: range, replacement } }
        : { rule, severity, range, message },
    );
  });
}

/** Distinct endings kept per scan; past that, an ending is built for each finding. */
const MAX_ENDINGS = 256;

/**
 * The end of a message after the masked value (`` in `PLAID_SECRET`: keep it out… ``), one string per kind and key
 * within a scan: on a text where one key recurs thousands of times, its findings share it.
 */
class MessageEndings {
  private readonly byKind = new Map<CredentialKind, Map<string, string>>();
  private count = 0;

  of(kind: CredentialKind, key: string): string {
    let byKey = this.byKind.get(kind);
    const known = byKey?.get(key);
    if (known !== undefined) return known;
    const ending = ' in `' + displayKey(key, kind) + kind.messageTail;
    if (this.count >= MAX_ENDINGS) return ending;
    if (!byKey) this.byKind.set(kind, (byKey = new Map()));
    byKey.set(key, ending);
    this.count++;
    return ending;
  }
}

/** A call's literal arguments before the one being read: `.clientIdAndSecret("…", "`. */
const CALL_ARGUMENTS = /([A-Za-z_$][\w$]*)\(\s*((?:(?:"[^"\n]*"|'[^'\n]*'|[\w$.]+)\s*,\s*)*)["']$/;
const ARGUMENT = /(?:"[^"\n]*"|'[^'\n]*'|[\w$.]+)\s*,/g;

/**
 * The credential a positional argument holds when the call's name names several in order
 * (`clientIdAndSecret(id, secret)`): the n-th argument is the n-th credential the name mentions.
 */
function positionalCredential(prefix: string, active: readonly CredentialKind[]): { kind: CredentialKind; call: string } | undefined {
  const call = CALL_ARGUMENTS.exec(prefix);
  if (!call) return undefined;
  const named = active
    .map((k) => ({ k, at: k.keyPattern.exec(call[1]!)?.index ?? -1 }))
    .filter((n) => n.at >= 0)
    .sort((a, b) => a.at - b.at);
  if (named.length < 2) return undefined;
  const index = [...call[2]!.matchAll(ARGUMENT)].length;
  const kind = named[index]?.k;
  return kind ? { kind, call: call[1]! } : undefined;
}

/** Keys a person wrote are short words; a run of hex or several digits in a "key" is a value glued to one. */
const VALUE_IN_KEY = /[A-Fa-f0-9]{8}|(?:[^0-9]*[0-9]){4}/;

/** A key name for a message. A key that may hold a value (`secret_8f3b…`) shows only the part that names it. */
function displayKey(key: string, kind: CredentialKind): string {
  if (key.length <= 40 && !VALUE_IN_KEY.test(key)) return key;
  return '…' + (kind.keyPattern.exec(key)?.[0] ?? '');
}

/** Any key name that could name a credential, e.g. `secret` or `client_id` inside `PLAID_CLIENT_ID`. */
const KEY_HINT = new RegExp(kinds.map((k) => `(?:${k.entry.credential.keyPattern})`).join('|'), 'gi');

/**
 * Calls `visit` with the hex runs that follow a key naming a credential within {@link LINE_PREFIX_LENGTH} characters
 * on the same line: the only ones the rule can report, since it reads the key from that stretch. Keys are rare and
 * hex is everywhere (hashes, ids, minified code), so finding keys first is much cheaper than testing every run of hex.
 */
function runsAfterKeys(text: string, visit: (start: number, end: number) => void): void {
  let scannedTo = 0;
  const keys = new RegExp(KEY_HINT.source, KEY_HINT.flags);
  for (let key = keys.exec(text); key !== null; key = keys.exec(text)) {
    const before = linePrefix(text, key.index);
    const named = NAMED_BY.test(before);
    // A pair's value may also come first on the name's line (`{ "value": "…", "name": "PLAID_SECRET" }`).
    const from = Math.max(named ? key.index - before.length : key.index + key[0].length, scannedTo);
    const to = named
      ? linesEnd(text, key.index, PAIR_LINES, key.index + PAIR_REACH)
      : lineEnd(text, key.index, key.index + LINE_PREFIX_LENGTH + 1);
    if (from >= to) continue;
    hexRunsIn(text, from, to, visit);
    scannedTo = to;
  }
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isLowerHex = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 102);

/**
 * Calls `visit` with each match of {@link CREDENTIAL_HEX_RUN} that starts in `[from, to)`; a run may end past `to`.
 * A loop over the window rather than the regular expression, whose search would go on past `to` to the next run of
 * hex, which on a line of keys and values is the next value: reading each stretch twice.
 */
export function hexRunsIn(text: string, from: number, to: number, visit: (start: number, end: number) => void): void {
  const limit = Math.min(to, text.length);
  let i = from;
  while (i < limit) {
    if (!isLowerHex(text.charCodeAt(i)) || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && isLowerHex(text.charCodeAt(end))) end++;
    if (end - i >= shortest && (end === text.length || !isWordChar(text.charCodeAt(end)))) visit(i, end);
    i = end;
  }
}

/** A key hint that is the `name` of a name/value pair: its value follows on one of the next lines. */
const NAMED_BY = /(?<![A-Za-z0-9_$.-])(?:\\?["'])?name(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?[A-Za-z0-9_.-]*$/i;
/** Lines a pair's value may follow its name by, plus the name's own line. */
const PAIR_LINES = 4;
/** Characters a pair's value may follow its name by: well inside the incremental scanner's margin (512). */
const PAIR_REACH = 400;

/** The end of the `count`-th line from the one holding `from` (that line is the first), or `limit` if that comes first. */
function linesEnd(text: string, from: number, count: number, limit: number): number {
  let at = from;
  for (let n = 0; n < count && at < limit && at < text.length; n++) at = lineEnd(text, at, limit) + 1;
  return Math.min(at, limit, text.length);
}

/** The end of the line holding `from`, or `limit` if that comes first. */
function lineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return Math.min(limit, text.length);
}

/** Counts per character code below 128, kept between calls: entropy runs once per candidate value. */
const asciiCounts = new Int32Array(128);
/** The distinct characters of the current value, in the order they first occur. */
const asciiOrder = new Int32Array(128);

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  // ASCII values (all hex credentials) are counted in a reused table; the sum runs over characters in the order they
  // first occur, as the general path's Map does, so that both give the same bits to the last binary digit.
  let distinct = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return entropyOfAny(s, distinct);
    if (asciiCounts[c]!++ === 0) asciiOrder[distinct++] = c;
  }
  let bits = 0;
  for (let k = 0; k < distinct; k++) {
    const c = asciiOrder[k]!;
    const p = asciiCounts[c]! / s.length;
    asciiCounts[c] = 0;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Entropy of any string, by code point; first clears the `dirty` entries of the ASCII table that `entropy` left. */
function entropyOfAny(s: string, dirty: number): number {
  for (let k = 0; k < dirty; k++) asciiCounts[asciiOrder[k]!] = 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
