/**
 * The protocol between the Plaid Lens client and server beyond standard LSP: command ids, custom requests and the
 * settings shape. Shared by both sides, so it imports only protocol types (and engine types, which are erased).
 */
import { RequestType, type Range, type WorkDoneProgressParams } from 'vscode-languageserver-protocol';
import type { DecodedToken, GlossaryCategory, GlossaryEntry, RuleId, SeverityLevel } from './engine';
import type { ApiEndpoint } from './engine/api';
import type { SdkSpelling } from './engine/apiNames';

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'plaid-lens';

/** The section the server asks for with `workspace/configuration`. */
export const SETTINGS_SECTION = 'plaidLens';

/** How much the server logs: `off` (errors and warnings only), `messages`, or `verbose`. */
export type TraceLevel = 'off' | 'messages' | 'verbose';

/** What a client may say in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** The client runs `command:` links in hover Markdown, e.g. `true` for the VS Code extension; others get the CLI command. */
  commandLinks?: boolean;
}

/** The `plaidLens.*` settings, pulled per resource; every field may be missing or of the wrong type on the wire. */
export interface PlaidLensSettings {
  /** Scan documents at all, e.g. `false` to silence the server in one folder. */
  enable: boolean;
  /** Severity per rule, merged over `.plaidlens.json`, e.g. `{ "hardcoded-client-id": "off" }`. */
  rules: Partial<Record<RuleId, SeverityLevel>>;
  /** Documents larger than this many KiB are not scanned, e.g. `1024`. */
  maxFileSizeKB: number;
  /** Server log verbosity, e.g. `{ "server": "verbose" }`. */
  trace: { server: TraceLevel };
}

/**
 * `workspace/executeCommand` with arguments `[token: string]`; the result is a {@link DecodedToken} (masked).
 * The server registers this id, so the VS Code client must not register a command of the same name itself.
 */
export namespace DecodeTokenCommand {
  export const id = 'plaidLens.decodeToken';
}

/** A client-side command with arguments `[entryId: string]` that opens a glossary entry; hovers link to it. */
export namespace ShowGlossaryEntryCommand {
  export const id = 'plaidLens.showGlossaryEntry';
}

/** One line of the glossary list: enough to draw a tree item. */
export interface GlossaryEntrySummary {
  id: string;
  term: string;
  category: GlossaryCategory;
  summary: string;
}

/** The glossary list: categories in display order and every entry. */
export interface GlossaryListResult {
  categories: { id: GlossaryCategory; title: string }[];
  entries: GlossaryEntrySummary[];
}

/** Lists every glossary entry, e.g. for the sidebar. */
export namespace GlossaryListRequest {
  export const method = 'plaidLens/glossary/list';
  export const type = new RequestType<Record<string, never> | null, GlossaryListResult, void>(method);
}

/** Which entry {@link GlossaryEntryRequest} should return: an id such as `access-token`, or a term or code name. */
export interface GlossaryEntryParams {
  id: string;
}

/** Returns one glossary entry (by id, else by term or code name), or null when none matches. */
export namespace GlossaryEntryRequest {
  export const method = 'plaidLens/glossary/entry';
  export const type = new RequestType<GlossaryEntryParams, GlossaryEntry | null, void>(method);
}

/** The decoded token, as `workspace/executeCommand` returns it for {@link DecodeTokenCommand}. */
export type DecodeTokenResult = DecodedToken;

/**
 * What {@link ScanWorkspaceRequest} scans: workspace folder URIs, e.g. `['file:///home/me/app']`; every workspace
 * folder when missing. A `workDoneToken` makes the progress report to the client's own token.
 */
export interface ScanWorkspaceParams extends WorkDoneProgressParams {
  folders?: string[];
}

/** The most tokens one {@link ScanWorkspaceResult} lists; the rest are counted in `tokensOmitted`. */
export const MAX_SCAN_TOKENS = 10_000;

/** A token found by a workspace scan, only ever in its masked form; the range is LSP's (0-based, UTF-16). */
export interface ScannedToken {
  /** The file, e.g. `file:///home/me/app/src/plaid.ts`. */
  uri: string;
  range: Range;
  /** The type prefix, e.g. `access`. */
  type: string;
  /** The environment segment as written, e.g. `sandbox`. */
  environment: string;
  /** e.g. `access-sandbox-…4f2a`. */
  masked: string;
}

/** What a workspace scan did. */
export interface ScanWorkspaceResult {
  /** Files read and scanned. */
  files: number;
  /** Findings in those files. */
  findings: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Files left out: open in the editor (their diagnostics are live), binary, too large or unreadable. */
  skipped: number;
  /**
   * The tokens of the scanned files, masked, in walk order, e.g. for a Tokens view: at most
   * {@link MAX_SCAN_TOKENS} of them, so a folder of fixtures cannot make the answer huge.
   */
  tokens: ScannedToken[];
  /** Tokens found beyond {@link MAX_SCAN_TOKENS} and left out of `tokens`, e.g. `0`. */
  tokensOmitted: number;
}

/**
 * Scans every file under the workspace folders on all cores, honouring `.gitignore`, `.plaidlens.json` and the
 * settings; publishes the diagnostics of each file with findings, reports work-done progress with a percentage,
 * answers the counts and the masked tokens it found, and stops when the request or its progress is cancelled
 * (answering `RequestCancelled`).
 */
export namespace ScanWorkspaceRequest {
  export const method = 'plaidLens/scanWorkspace';
  export const type = new RequestType<ScanWorkspaceParams, ScanWorkspaceResult, void>(method);
}

/** One endpoint in the API list: enough to group, filter and mark it. */
export interface ApiEndpointSummary {
  path: string;
  method: string;
  operationId: string;
  product?: string;
  deprecated?: boolean;
  /** The successor path, when the spec names one. */
  replacedBy?: string;
  /** Our one-line summary, for the most-used endpoints. */
  summary?: string;
}

/** Every endpoint of the API glossary, in path order, with the products and their summaries. */
export interface ApiListResult {
  /** Where the data came from, e.g. `{ repository: 'plaid/plaid-openapi', file: '2020-09-14.yml', version: '2020-09-14_1.697.4' }`. */
  source: { repository: string; file: string; version: string };
  products: { id: string; summary?: string }[];
  endpoints: ApiEndpointSummary[];
}

/** Lists the API glossary, e.g. for a sidebar view grouped by product. */
export namespace ApiListRequest {
  export const method = 'plaidLens/api/list';
  export const type = new RequestType<Record<string, never> | null, ApiListResult, void>(method);
}

/** Which endpoint: a path (`/transactions/sync`), an operationId (`transactionsSync`) or an SDK name (`transactions_sync`). */
export interface ApiEndpointParams {
  query: string;
}

/** One endpoint's facts, how each SDK spells it, and a ready page of Markdown. */
export interface ApiEndpointResult {
  endpoint: ApiEndpoint;
  summary?: string;
  productSummary?: string;
  sdk: SdkSpelling[];
  /** The same Markdown the hover shows, with the SDK spellings. */
  markdown: string;
}

/** One endpoint by path, operationId or SDK name; null when nothing matches. */
export namespace ApiEndpointRequest {
  export const method = 'plaidLens/api/endpoint';
  export const type = new RequestType<ApiEndpointParams, ApiEndpointResult | null, void>(method);
}

/** A token type by glossary id, e.g. `access-token`. */
export interface TokenEndpointsParams {
  tokenId: string;
}

/** The paths of the endpoints that create, use, rotate and revoke a token type. */
export interface TokenEndpointsResult {
  creates: string[];
  uses: string[];
  rotates: string[];
  revokes: string[];
}

/** The endpoints around a token type, e.g. for the lifecycle picture. */
export namespace TokenEndpointsRequest {
  export const method = 'plaidLens/api/tokenEndpoints';
  export const type = new RequestType<TokenEndpointsParams, TokenEndpointsResult, void>(method);
}
