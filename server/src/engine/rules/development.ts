/**
 * The development-environment rule for everything but tokens: base URLs, SDK constants and `PLAID_ENV`-style
 * settings. Also finds which environment a file configures, for environment-mismatch.
 */
import type { ScanContext } from '../context';
import { activeEnvironments, decommissionedEnvironments, environmentEntries } from '../glossary';
import { pairedName } from '../namedValues';
import { escapeRegExp, trieSource } from '../regexp';
import type { OffsetRange, Replacement } from '../types';
import { matchAllInWindows, matchAllNear, windowsNear, wordRanges, type Reach } from '../windows';

/** The one environment a file configures, and what shows it (for messages). */
export interface ConfiguredEnvironment {
  segment: string;
  evidence: string;
}

const development = decommissionedEnvironments[0];
/** The decommissioned environment's word as tokens, hosts and settings write it: `development`. */
const developmentWord = development?.environment.segment ?? '';
const host = (url: string) => url.replace(/^https:\/\//, '');

/**
 * `PLAID_ENV=development`, `plaid_env: "development"`, `"PLAID_ENVIRONMENT": "development"`, `plaidEnv = 'development'`,
 * and `development` as the fallback of a read, which is what runs whenever the variable is unset:
 * `os.getenv('PLAID_ENV', 'development')`, `process.env.PLAID_ENV || 'development'`, `${PLAID_ENV:-development}`.
 * Inside string literals too: `"PLAID_ENV=development\n"`, `"{\"PLAID_ENV\":\"development\"}"`.
 */
const ENV_SETTING = new RegExp(
  String.raw`(?<!(?<!\\)[A-Za-z0-9_])plaid[_-]?env(?:ironment)?\\?["']?(?:\s*(?::|=>|:=|=|(?:[\])]\s*)?(?:,|\|\||\?\?|\bor\b))|:-)\s*\\?["']?(${escapeRegExp(developmentWord)})(?![A-Za-z0-9_])`,
  'gi',
);

/** The names of the environment setting, for the `name` of a name/value pair (`- name: PLAID_ENV`). */
const ENV_SETTING_NAME = /^plaid[_-]?env(?:ironment)?$/i;

/** `value: development`, `"value": "development"`, `value = "development"`: the value half of a name/value pair. */
const PAIRED_VALUE = new RegExp(
  String.raw`(?<![A-Za-z0-9_$.-])(?:\\?["'])?value(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?(${escapeRegExp(developmentWord)})(?![A-Za-z0-9_])`,
  'gi',
);

/** What a written SDK constant stands for. */
interface ConstantMeaning {
  /** The environment segment, e.g. `sandbox`. */
  segment: string;
  /** The SDK that spells the constant so, e.g. `plaid-node`. */
  sdk: string;
  language: string;
  /** The release that replaced a legacy spelling, when known. */
  removedIn?: string;
  legacy: boolean;
}

/**
 * Every spelling of every environment's SDK constants, current and legacy, from the glossary. One spelling can
 * belong to several SDKs (`Environment.Development` is plaid-python's and Going.Plaid's); the file's language picks.
 */
const constantMeanings = new Map<string, ConstantMeaning[]>();
for (const env of environmentEntries.filter((e) => e.environment.status !== 'mode')) {
  const segment = env.environment.segment;
  const spellings = [
    ...(env.environment.sdkConstants ?? []).map((c) => ({ ...c, legacy: false })),
    ...(env.environment.legacySpellings ?? []).flatMap((l) => (l.constant !== undefined ? [{ ...l, constant: l.constant, legacy: true }] : [])),
  ];
  for (const c of spellings) {
    const meaning: ConstantMeaning = { segment, sdk: c.sdk, language: c.language, legacy: c.legacy, ...(c.removedIn ? { removedIn: c.removedIn } : {}) };
    for (const v of constantVariants(c.constant)) constantMeanings.set(v, [...(constantMeanings.get(v) ?? []), meaning]);
  }
}

/** The languages of Plaid's own SDKs, which the engine tells apart by file name. */
const SDK_LANGUAGES = new Set(environmentEntries.flatMap((e) => (e.environment.sdkConstants ?? []).map((c) => c.language)));

/**
 * The meaning of a written constant in a file of `language`: the SDK of that language; in a file of a language the
 * engine does not tell apart (`other`, such as C#), a community SDK of another language; else the first.
 */
function meaningOf(written: string, language: string): ConstantMeaning {
  const meanings = constantMeanings.get(written)!;
  const sdkLanguage = language === 'typescript' ? 'javascript' : language;
  const elsewhere = language === 'other' ? meanings.find((m) => !SDK_LANGUAGES.has(m.language as never)) : undefined;
  return meanings.find((m) => m.language === sdkLanguage) ?? elsewhere ?? meanings[0]!;
}

/** An option of a legacy client call that names the environment (`env: :development` in `Plaid::Client.new(`). */
interface LegacyOption {
  sdk: string;
  option: string;
  calls: string[];
  withKeys: string[];
  removedIn?: string;
}

const legacyOptions: LegacyOption[] = (development?.environment.legacySpellings ?? []).flatMap((l) =>
  l.option !== undefined && l.calls !== undefined
    ? [{ sdk: l.sdk, option: l.option, calls: l.calls, withKeys: l.withKeys ?? [], ...(l.removedIn ? { removedIn: l.removedIn } : {}) }]
    : [],
);

/**
 * `env: :development`, `environment='development'`, `env="development"`, `env={'development'}`, `:env => :development`:
 * a legacy option set to the Development segment, whatever the call; the call is checked after.
 */
const LEGACY_OPTION = new RegExp(
  String.raw`(?<![A-Za-z0-9_$.-])(${[...new Set(legacyOptions.map((o) => escapeRegExp(o.option)))].join('|') || '(?!)'})\s*(?::|=>|=)\s*(?:\{\s*)?(?:["'\`]|:)?(${escapeRegExp(developmentWord)})(?![A-Za-z0-9_])`,
  'g',
);

/** How far back the call that holds an option may open, in characters (inside the incremental scanner's margin). */
const CALL_REACH = 400;

/** One pass finds every environment's constants; a map lookup says which one matched. */
const ALL_CONSTANTS = alternationRegExp([...constantMeanings.keys()]);

/**
 * Every environment's word in any case, with the character before it in the spellings (`.` in `plaid.Sandbox`, `"` in
 * `Environment["sandbox"]`): each constant holds its environment's word so, while slugs such as
 * `link-production-banner` do not.
 */
const ENVIRONMENT_WORDS = ((): RegExp => {
  const words = [...new Set([...constantMeanings.values()].flat().map((m) => m.segment))];
  const before = [...constantMeanings].map(([written, meanings]) => written[written.toLowerCase().indexOf(meanings[0]!.segment) - 1]);
  const lead = before.every((c) => c !== undefined) ? `[${[...new Set(before)].map(escapeRegExp).join('')}]` : '';
  return new RegExp(`${lead}(?:${words.map(escapeRegExp).join('|') || '(?!)'})`, 'gi');
})();

/** How far a constant reaches around its environment's word, from the spellings themselves. */
const CONSTANT_REACH: Reach = [...constantMeanings].reduce(
  (reach, [written, meanings]) => {
    const segment = meanings[0]!.segment;
    const at = written.toLowerCase().indexOf(segment);
    return { before: Math.max(reach.before, at), after: Math.max(reach.after, written.length - at - segment.length) };
  },
  { before: 0, after: 0 },
);

/**
 * How far the setting and option patterns reach before the Development word, with room to spare: at most 14 units of
 * quotes, operators, blanks (a run of them one unit) and key (`\"value\": \"`); a longer key is one word, which
 * the window takes whole. They end with the word.
 */
const SETTING_REACH: Reach = { before: 32, after: 0 };

/** The Development word in any case, as the setting patterns match it. */
const DEVELOPMENT_WORD = new RegExp(escapeRegExp(developmentWord) || '(?!)', 'gi');

/** The Development constants only, for the rule (gated on the text containing the word at all). */
const DEVELOPMENT_CONSTANTS = alternationRegExp(
  [...constantMeanings].filter(([, m]) => m.some((x) => x.segment === development?.environment.segment)).map(([v]) => v),
);

/**
 * Matches any of `literals` as a whole name: not inside a longer identifier, a member chain or another namespace's
 * Ruby `::` path (a top-level `::Plaid::…` is Plaid's own). A literal that starts with `.` is a builder method
 * (`.developmentBaseUrl()`) and follows any receiver.
 */
function alternationRegExp(literals: string[]): RegExp {
  const names = literals.filter((l) => !l.startsWith('.'));
  const methods = literals.filter((l) => l.startsWith('.'));
  const parts = [`(?<![A-Za-z0-9_.])(?<![A-Za-z0-9_]::)${trieSource(names)}`, ...(methods.length ? [trieSource(methods)] : [])];
  return new RegExp(`(?:${parts.join('|')})(?![A-Za-z0-9_])`, 'g');
}

function constantVariants(constant: string): Set<string> {
  const variants = new Set([constant]);
  const parts = constant.split('.');
  const last = parts[parts.length - 1]!;
  if (/^[a-z]+$/.test(last)) {
    const head = parts.slice(0, -1).join('.');
    variants.add(`${head}['${last}']`).add(`${head}["${last}"]`);
  }
  if (constant.includes('"')) variants.add(constant.replace(/"/g, "'"));
  // `plaid.Environment.Development` is also written `Environment.Development` after `from plaid import Environment`.
  if (parts.length >= 3 && /^[a-z]/.test(parts[0]!)) variants.add(parts.slice(1).join('.'));
  // A constant named for Plaid but not the module itself is also read through the module object:
  // `plaid.PlaidEnvironments.development`, where the whole SDK module is bound to `plaid`.
  if (/^Plaid[A-Z]/.test(parts[0]!)) for (const v of [...variants]) variants.add(`plaid.${v}`);
  // The module object is often bound to a capitalised name: `Plaid.environments.development`.
  if (parts[0] === 'plaid') for (const v of [...variants]) if (v.startsWith('plaid.')) variants.add('P' + v.slice(1));
  return variants;
}

/** The patterns that run only around their words, with the reach they promise: for the tests that hold them to it. */
export const WINDOWED_PATTERNS: readonly { name: string; re: RegExp; words: RegExp; reach: Reach }[] = [
  { name: 'Development constants', re: DEVELOPMENT_CONSTANTS, words: DEVELOPMENT_WORD, reach: CONSTANT_REACH },
  { name: 'legacy options', re: LEGACY_OPTION, words: DEVELOPMENT_WORD, reach: SETTING_REACH },
  { name: 'name/value pairs', re: PAIRED_VALUE, words: DEVELOPMENT_WORD, reach: SETTING_REACH },
  { name: 'settings', re: ENV_SETTING, words: DEVELOPMENT_WORD, reach: SETTING_REACH },
  { name: 'every constant', re: ALL_CONSTANTS, words: ENVIRONMENT_WORDS, reach: CONSTANT_REACH },
];

/** The sentence every Development finding shares, with the date from the glossary. */
export function developmentMessage(): string {
  const on = development?.environment.decommissionedOn ?? 'an earlier date';
  const active = activeEnvironments.map((e) => `${e.term} (${e.environment.baseUrl})`).join(' or ');
  return `${development?.term ?? 'Decommissioned'} environment, decommissioned on ${on}; use ${active}.`;
}

/** Replacements that swap the environment word in `range` for each active environment, keeping its case. */
export function developmentReplacements(range: OffsetRange, written: string): Replacement[] {
  return activeEnvironments.map((env) => {
    const word = env.environment.segment;
    const text = /^[A-Z]/.test(written) ? word[0]!.toUpperCase() + word.slice(1) : word;
    return { title: `Switch to ${env.term} (\`${text}\`)`, range, text, preferred: false };
  });
}

/** Reports Development URLs, SDK constants and settings. */
export function checkDevelopment(ctx: ScanContext): void {
  // The word without its first letter matches `development` and `Development` alike, in one cheap pass.
  if (!development || !ctx.text.includes(developmentWord.slice(1))) return;
  const severity = ctx.severity('development-environment');
  if (!severity) return;
  const report = (range: OffsetRange, what: string, wordRange: OffsetRange, word: string) =>
    ctx.report({
      rule: 'development-environment',
      severity,
      range,
      message: `${what} points at the ${developmentMessage()}`,
      deprecated: true,
      fix: { kind: 'replace', replacements: developmentReplacements(wordRange, word) },
    });

  const devHost = host(development.environment.baseUrl);
  for (let at = ctx.text.indexOf(devHost); at >= 0; at = ctx.text.indexOf(devHost, at + devHost.length)) {
    if (at > 0 && /[A-Za-z0-9-]/.test(ctx.text[at - 1]!)) continue;
    if (/[A-Za-z0-9-]/.test(ctx.text[at + devHost.length] ?? '')) continue;
    const start = ctx.text.startsWith('https://', at - 8) ? at - 8 : ctx.text.startsWith('http://', at - 7) ? at - 7 : at;
    report({ start, end: at + devHost.length }, `\`${devHost}\``, { start: at, end: at + developmentWord.length }, developmentWord);
  }
  // Every pattern below holds the word, so each runs only around its occurrences.
  const words = wordRanges(ctx.text, DEVELOPMENT_WORD);
  for (const { index, 0: written } of matchAllNear(ctx.text, DEVELOPMENT_CONSTANTS, words, CONSTANT_REACH)) {
    // `ApiClient.Development` or `Environment.Development` alone could be anyone's enum; Plaid's need Plaid nearby.
    if (!/plaid/i.test(written) && !ctx.mentionsPlaid()) continue;
    const meaning = meaningOf(written, ctx.language);
    const wordAt = written.toLowerCase().lastIndexOf(developmentWord);
    const range = { start: index, end: index + written.length };
    const wordRange = { start: index + wordAt, end: index + wordAt + developmentWord.length };
    report(range, `The ${meaning.sdk} constant \`${written}\`${replacedIn(meaning)}`, wordRange, written.slice(wordAt, wordAt + developmentWord.length));
  }
  // The three setting patterns share their reach, so they share the windows and the windows' text.
  const settingWindows = windowsNear(ctx.text, words, SETTING_REACH);
  for (const m of matchAllInWindows(ctx.text, LEGACY_OPTION, settingWindows)) {
    const option = legacyOptions.find(
      (o) => o.option === m[1] && (insideCall(ctx.text, m.index, o.calls) || insideObjectWith(ctx.text, m.index, o.withKeys)),
    );
    if (!option) continue;
    const valueAt = m.index + m[0].length - m[2]!.length;
    const range = { start: valueAt, end: valueAt + m[2]!.length };
    report(range, `The ${option.sdk} option \`${m[1]}\` = \`${m[2]}\`${replacedIn(option)}`, range, m[2]!);
  }
  // A setting's name says Plaid (`PLAID_ENV`): in a file that never does, no pair's name is one, and no name is read.
  const pairs = matchAllInWindows(ctx.text, PAIRED_VALUE, settingWindows);
  for (const m of pairs.length > 0 && ctx.mentionsPlaid() ? pairs : []) {
    const valueAt = m.index + m[0].length - m[1]!.length;
    const name = pairedName(ctx.text, valueAt);
    if (name === undefined || !ENV_SETTING_NAME.test(name)) continue;
    const range = { start: valueAt, end: valueAt + m[1]!.length };
    report(range, `The setting \`${name}\` = \`${m[1]}\``, range, m[1]!);
  }
  for (const m of matchAllInWindows(ctx.text, ENV_SETTING, settingWindows)) {
    const valueAt = m.index + m[0].length - m[1]!.length;
    const range = { start: valueAt, end: valueAt + m[1]!.length };
    report(range, `The setting \`${m[0].slice(0, m[0].search(/[^A-Za-z0-9_-]/))}\` = \`${m[1]}\``, range, m[1]!);
  }
}

/**
 * The environment the file configures through a base URL or an SDK constant, when there is exactly one.
 * Files that mention several (a switch over environments) configure none in particular.
 */
export function configuredEnvironment(text: string): ConfiguredEnvironment | undefined {
  if (!text.includes('plaid') && !text.includes('Plaid')) return undefined;
  const seen = new Map<string, string>();
  const hosts = hostsIn(text);
  for (const env of environmentHosts) {
    if (hosts.has(env.host)) seen.set(env.segment, env.host);
  }
  for (const { 0: written } of matchAllNear(text, ALL_CONSTANTS, wordRanges(text, ENVIRONMENT_WORDS), CONSTANT_REACH)) {
    const segment = constantMeanings.get(written)![0]!.segment;
    if (!seen.has(segment)) seen.set(segment, written);
  }
  if (seen.size !== 1) return undefined;
  const [segment, evidence] = [...seen][0]!;
  return { segment, evidence: `\`${evidence}\`` };
}

/** Per environment that is not a mode: its host. */
const environmentHosts = environmentEntries
  .filter((env) => env.environment.status !== 'mode')
  .map((env) => ({ segment: env.environment.segment, host: host(env.environment.baseUrl) }));

/** The end every host shares (`.plaid.com`): one search for it stands in for one search per host. */
const HOST_SUFFIX = environmentHosts.reduce(
  (suffix, env) => {
    let n = 0;
    while (n < suffix.length && n < env.host.length && suffix[suffix.length - 1 - n] === env.host[env.host.length - 1 - n]) n++;
    return suffix.slice(suffix.length - n);
  },
  environmentHosts[0]?.host ?? '',
);

/** The environments' hosts that `text` holds. */
function hostsIn(text: string): Set<string> {
  const found = new Set<string>();
  if (HOST_SUFFIX.length < 4) {
    for (const env of environmentHosts) if (text.includes(env.host)) found.add(env.host);
    return found;
  }
  for (let at = text.indexOf(HOST_SUFFIX); at >= 0; at = text.indexOf(HOST_SUFFIX, at + 1)) {
    const end = at + HOST_SUFFIX.length;
    for (const env of environmentHosts) if (text.startsWith(env.host, end - env.host.length)) found.add(env.host);
  }
  return found;
}

/** ` (replaced in plaid-node 9.0.0)` for a legacy spelling whose replacement release is known. */
function replacedIn(spelling: { sdk: string; removedIn?: string; legacy?: boolean }): string {
  return spelling.removedIn !== undefined && spelling.legacy !== false ? ` (replaced in ${spelling.sdk} ${spelling.removedIn})` : '';
}

/**
 * True when `at` lies inside one of `calls`, opened at most {@link CALL_REACH} characters before and not closed
 * since: a call's brackets (`Plaid::Client.new(`) or a tag (`<PlaidLink`), where `>` outside braces ends it.
 */
function insideCall(text: string, at: number, calls: readonly string[]): boolean {
  const from = Math.max(0, at - CALL_REACH);
  const before = text.slice(from, at);
  for (const call of calls) {
    let open = before.lastIndexOf(call);
    // `Client(` must not be the end of another name (`HttpClient(`).
    while (open > 0 && /^\w/.test(call) && /[A-Za-z0-9_]/.test(before[open - 1]!)) open = before.lastIndexOf(call, open - 1);
    if (open < 0) continue;
    if (stillOpen(before.slice(open + call.length), call.startsWith('<'))) return true;
  }
  return false;
}

/** True when the text after a call's opening never closes it: brackets stay open, or a tag meets no `>`. */
function stillOpen(after: string, tag: boolean): boolean {
  let depth = tag ? 0 : 1;
  for (let i = 0; i < after.length; i++) {
    const c = after[i]!;
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (tag && c === '>' && depth === 0 && after[i - 1] !== '=') return false;
    if (depth < 0 || (!tag && depth === 0)) return false;
  }
  return true;
}

/**
 * True when `at` lies in an object literal that also holds one of `keys` (`{ env: 'development', publicKey: … }`):
 * a configuration built first and handed to the call later. The object must open and close within
 * {@link CALL_REACH} characters.
 */
function insideObjectWith(text: string, at: number, keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  let depth = 0;
  let open = -1;
  for (let i = at - 1; i >= Math.max(0, at - CALL_REACH); i--) {
    const c = text[i];
    if (c === '}' || c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') depth--;
    else if (c === '{' && depth-- === 0) {
      open = i;
      break;
    }
    if (depth < 0) return false;
  }
  if (open < 0) return false;
  depth = 1;
  let close = -1;
  for (let i = open + 1; i < Math.min(text.length, at + CALL_REACH); i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) return false;
  const body = text.slice(open + 1, close);
  return keys.some((k) => new RegExp(`(?<![A-Za-z0-9_$])${escapeRegExp(k)}\\s*:`).test(body));
}
