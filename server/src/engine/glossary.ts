/**
 * Typed access to `glossary/plaid-glossary.json`, the single source of token types, environments and lifetimes.
 * Everything here is derived once, at module load, from that data.
 */
import data from '../../../glossary/plaid-glossary.json';

/** The three sections of Plaid's glossary. */
export type GlossaryCategory = 'tokens-identifiers-keys' | 'environments' | 'other';

/** Human titles of the categories, in the seed's order. */
export const CATEGORY_TITLES: Readonly<Record<GlossaryCategory, string>> = {
  'tokens-identifiers-keys': 'Tokens, identifiers and keys',
  environments: 'Environments',
  other: 'Other terminology',
};

/** Lifecycle facts of a token type. */
export interface TokenFacts {
  prefixes: string[];
  tail: 'uuid' | 'opaque';
  lifetime: { expiresAfterMinutes: number | null; updateModeMinutes?: number; text: string };
  obtained: string;
  exchanged?: string;
  rotated?: string;
  revoked: string;
  storage: string;
  sensitivity: 'credential' | 'short-lived';
  envVar: string;
  flow?: { to: string; via: string }[];
}

/** Facts about a key that authenticates calls (client_id, secret). */
export interface CredentialFacts {
  hexLength: number;
  envVar: string;
  /** Case-insensitive regular expression a key name must match, e.g. `secret`. */
  keyPattern: string;
  severity?: 'error' | 'warning';
}

/** How an SDK spells an environment. */
export interface SdkConstant {
  sdk: string;
  language: 'javascript' | 'python' | 'ruby' | 'go' | 'java';
  constant: string;
  removedIn?: string;
}

/**
 * How an older SDK release or a community SDK wrote an environment: a `constant` (`plaid.environments.development`),
 * or an `option` of a client call whose value is the segment (`Plaid::Client.new(env: :development)`).
 */
export interface LegacySpelling {
  sdk: string;
  language: SdkConstant['language'] | 'csharp';
  constant?: string;
  option?: string;
  /** The calls or tags the option belongs to, e.g. `Plaid.create(`; the option counts only inside one of them. */
  calls?: string[];
  /** Keys that mark an object literal as this SDK's configuration (Link's `publicKey`), so the option counts there. */
  withKeys?: string[];
  /** The SDK release that replaced the spelling. */
  removedIn?: string;
}

/** Facts about an environment. */
export interface EnvironmentFacts {
  segment: string;
  baseUrl: string;
  status: 'active' | 'mode' | 'decommissioned';
  /** True when the environment holds real people's financial data (Sandbox holds test data only). */
  realData: boolean;
  /** Abbreviations people write for the segment, e.g. `prod`; each names this environment only. */
  aliases?: string[];
  decommissionedOn?: string;
  sdkConstants?: SdkConstant[];
  legacySpellings?: LegacySpelling[];
}

/** One glossary entry. */
export interface GlossaryEntry {
  id: string;
  term: string;
  category: GlossaryCategory;
  summary: string;
  /** Markdown. */
  body: string;
  related: string[];
  codeNames: string[];
  token?: TokenFacts;
  credential?: CredentialFacts;
  environment?: EnvironmentFacts;
}

/** A prefix Plaid uses that is not a glossary term of its own (`payment-id`, `credit-relay`…). */
export interface OtherPrefix {
  prefix: string;
  kind: 'token' | 'identifier';
  tail: 'uuid' | 'opaque';
  description: string;
  entry?: string;
}

/** A type prefix the engine recognises, with where its facts live. */
export interface KnownPrefix {
  prefix: string;
  /** The token entry, for glossary token types. */
  entry?: GlossaryEntry & { token: TokenFacts };
  /** The other-prefix record, for prefixes outside the glossary's token terms. */
  other?: OtherPrefix;
  tail: 'uuid' | 'opaque';
}

interface GlossaryFile {
  entries: GlossaryEntry[];
  otherPrefixes: OtherPrefix[];
}

const file = data as unknown as GlossaryFile;

/** All entries, in the seed's order. */
export const entries: readonly GlossaryEntry[] = file.entries;

const byId = new Map(entries.map((e) => [e.id, e]));

/** The entry with this id, if any. */
export function getEntry(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** Entries that describe a token type. */
export const tokenEntries = entries.filter((e): e is GlossaryEntry & { token: TokenFacts } => e.token !== undefined);

/** Entries that describe an environment. */
export const environmentEntries = entries.filter(
  (e): e is GlossaryEntry & { environment: EnvironmentFacts } => e.environment !== undefined,
);

/** Entries that describe a key that authenticates calls. */
export const credentialEntries = entries.filter(
  (e): e is GlossaryEntry & { credential: CredentialFacts } => e.credential !== undefined,
);

/** An entry's term as it reads inside a sentence: `access token`, `client ID` (acronyms keep their capitals). */
export function termInSentence(entry: GlossaryEntry): string {
  return entry.term.charAt(0).toLowerCase() + entry.term.slice(1);
}

/** Every recognised type prefix, longest first so that `asset-report` wins over a shorter match. */
export const knownPrefixes: readonly KnownPrefix[] = [
  ...tokenEntries.flatMap((entry) => entry.token.prefixes.map((prefix) => ({ prefix, entry, tail: entry.token.tail }))),
  ...file.otherPrefixes.map((other) => ({ prefix: other.prefix, other, tail: other.tail })),
].sort((a, b) => b.prefix.length - a.prefix.length);

const prefixByName = new Map(knownPrefixes.map((p) => [p.prefix, p]));

/** The recognised prefix spelled exactly so, if any. */
export function getPrefix(prefix: string): KnownPrefix | undefined {
  return prefixByName.get(prefix);
}

/**
 * Environment segments as written in tokens (`sandbox`, `development`, `production`), each with the entry that
 * owns it. Limited Production shares `production` with Production; the full environment wins.
 */
export const environmentSegments: ReadonlyMap<string, GlossaryEntry & { environment: EnvironmentFacts }> = new Map(
  environmentEntries
    .filter((e) => e.environment.status !== 'mode')
    .map((e) => [e.environment.segment, e] as const),
);

/** Each abbreviation of an environment segment (`sbx`, `prod`) with the segment it stands for. */
export const environmentAliases: ReadonlyMap<string, string> = new Map(
  environmentEntries.flatMap((e) => (e.environment.aliases ?? []).map((alias) => [alias, e.environment.segment] as const)),
);

/** The environments that still run, e.g. for "did you mean" suggestions and quick fixes. */
export const activeEnvironments = environmentEntries.filter((e) => e.environment.status === 'active');

/** The decommissioned environments (Development). */
export const decommissionedEnvironments = environmentEntries.filter((e) => e.environment.status === 'decommissioned');

/**
 * Finds the entry a user most likely means by `term`: an id, a term, a code name, or a word of them.
 * Returns undefined when nothing matches.
 */
export function findEntry(term: string): GlossaryEntry | undefined {
  const wanted = normalise(term);
  if (wanted === '') return undefined;
  const exact = entries.find(
    (e) => normalise(e.id) === wanted || normalise(e.term) === wanted || e.codeNames.some((n) => normalise(n) === wanted),
  );
  if (exact) return exact;
  return entries.find((e) => normalise(e.term).includes(wanted) || normalise(e.id).includes(wanted));
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
