/**
 * The Plaid API as glossary data: typed access to `glossary/plaid-api.json` (generated from Plaid's OpenAPI spec) and
 * `glossary/plaid-api-notes.json` (our own summaries). Pure: the host reads the two files and hands the parsed values
 * to {@link createApiIndex}, so the data is parsed once, only when first needed, and never bundled into a script.
 */
import { camelCase, sdkLookupKeys, sdkSpellings, type SdkSpelling } from './apiNames';

/** One request field; object fields carry one nested level in `fields`. */
export interface ApiField {
  name: string;
  /** `string`, `integer`, `number`, `boolean`, `object`, `string[]`, `object[]`, `string | integer`… */
  type: string;
  required?: boolean;
  /** Allowed values; for an array field, the values of its items. */
  enum?: (string | number | boolean)[];
  default?: string | number | boolean | null;
  minimum?: number;
  maximum?: number;
  deprecated?: boolean;
  /** The field to use instead, when the spec names one, e.g. `authorization_id` or `partner_insights.prism_versions`. */
  replacedBy?: string;
  fields?: ApiField[];
}

/** One top-level field of a response. */
export interface ApiResponseField {
  name: string;
  type: string;
}

/** One operation of the API. */
export interface ApiEndpoint {
  path: string;
  /** `POST` for all but a few. */
  method: string;
  operationId: string;
  /** From the docs URL, e.g. `transactions`, `items`, `sandbox`. */
  product?: string;
  deprecated?: boolean;
  /** The successor path, when the spec names one, e.g. `/credit/employment/get`. */
  replacedBy?: string;
  docsUrl?: string;
  /** The request schema's name, which the SDKs use for their request class, e.g. `TransactionsSyncRequest`. */
  requestType?: string;
  responseType?: string;
  fields: ApiField[];
  responseFields: ApiResponseField[];
  /** Glossary ids of the token types the request carries, e.g. `access-token`. */
  takes: string[];
  /** Glossary ids of the token types the response carries. */
  returns: string[];
}

/** The generated file. */
export interface ApiData {
  formatVersion: number;
  source: { repository: string; file: string; version: string };
  products: string[];
  endpoints: ApiEndpoint[];
}

/** The hand-written file: summaries in our own words and what the SDKs leave out. */
export interface ApiNotes {
  /** Product id → one line, e.g. `transactions`. */
  products: Record<string, string>;
  /** Endpoint path → one line, for the most-used endpoints. */
  endpoints: Record<string, string>;
  /** Operations with no SDK method, and operations whose request has no SDK model (found in the SDK sources). */
  sdkGaps: { noMethod: string[]; noRequestModel: string[] };
}

/** The endpoints around one token type: which create, use, rotate and revoke it. */
export interface TokenEndpoints {
  creates: ApiEndpoint[];
  uses: ApiEndpoint[];
  rotates: ApiEndpoint[];
  revokes: ApiEndpoint[];
}

/** Lookups over the API data. */
export interface ApiIndex {
  readonly data: ApiData;
  readonly endpoints: readonly ApiEndpoint[];
  /** The endpoint at a path: `/transactions/sync`, also with a trailing slash or a base URL in front. */
  byPath(path: string): ApiEndpoint | undefined;
  /** The endpoint with this `operationId`, e.g. `transactionsSync`. */
  byOperationId(operationId: string): ApiEndpoint | undefined;
  /**
   * The endpoint an SDK name stands for: `transactionsSync`, `transactions_sync`, `TransactionsSync`,
   * `TransactionsSyncRequest`, `Plaid::TransactionsSyncRequest`, `plaid.NewTransactionsSyncRequest`,
   * `client.PlaidApi.TransactionsSync`.
   */
  bySdkName(name: string): ApiEndpoint | undefined;
  /** The lengths of the shortest and longest plain identifier `bySdkName` knows: any other length names nothing. */
  readonly sdkNameLengths: { readonly shortest: number; readonly longest: number };
  /** A path, an operationId or an SDK name, whichever matches. */
  find(query: string): ApiEndpoint | undefined;
  /** How each SDK spells the endpoint, leaving out what the SDKs do not have. */
  sdkSpellings(endpoint: ApiEndpoint): SdkSpelling[];
  /** Our one-line summary of the endpoint, when we wrote one. */
  summary(endpoint: ApiEndpoint): string | undefined;
  /** Our one-line summary of a product. */
  productSummary(product: string): string | undefined;
  /** The endpoints of a product, in path order. */
  byProduct(product: string): ApiEndpoint[];
  /** The endpoints that create, use, rotate and revoke a token type (glossary id, e.g. `access-token`). */
  tokenEndpoints(tokenId: string): TokenEndpoints;
}

/** Builds the lookups once; every later call is a map read. */
export function createApiIndex(data: ApiData, notes: ApiNotes): ApiIndex {
  const byPath = new Map<string, ApiEndpoint>();
  const byOperationId = new Map<string, ApiEndpoint>();
  const bySdk = new Map<string, ApiEndpoint>();
  const noMethod = new Set(notes.sdkGaps.noMethod);
  const noModel = new Set(notes.sdkGaps.noRequestModel);
  for (const e of data.endpoints) {
    byPath.set(e.path, e);
    byOperationId.set(e.operationId, e);
    if (noMethod.has(e.operationId)) continue;
    const request = noModel.has(e.operationId) ? undefined : e.requestType;
    for (const key of sdkLookupKeys(e.operationId, request)) if (!bySdk.has(key)) bySdk.set(key, e);
  }
  const tokenCache = new Map<string, TokenEndpoints>();
  const sdkNames = [...bySdk.keys()].filter((key) => PLAIN_IDENTIFIER.test(key));
  const sdkNameLengths = {
    shortest: Math.min(...sdkNames.map((key) => key.length)),
    longest: Math.max(...sdkNames.map((key) => key.length)),
  };

  const index: ApiIndex = {
    data,
    endpoints: data.endpoints,
    byPath: (path) => byPath.get(normalisePath(path)),
    byOperationId: (id) => byOperationId.get(id),
    // Most names asked about are plain identifiers (every `.name(` of a file), which have no qualifier to strip.
    bySdkName: (name) => bySdk.get(PLAIN_IDENTIFIER.test(name) ? name : stripSdkQualifiers(name)),
    sdkNameLengths,
    find(query) {
      const q = query.trim();
      if (q.startsWith('/') || /^https?:\/\//.test(q)) return index.byPath(q);
      return byOperationId.get(q) ?? index.bySdkName(q) ?? byOperationId.get(camelCase(q));
    },
    sdkSpellings(e) {
      if (noMethod.has(e.operationId)) return [];
      return sdkSpellings(e.operationId, noModel.has(e.operationId) ? undefined : e.requestType);
    },
    summary: (e) => notes.endpoints[e.path],
    productSummary: (product) => notes.products[product],
    byProduct: (product) => data.endpoints.filter((e) => e.product === product),
    tokenEndpoints(tokenId) {
      let found = tokenCache.get(tokenId);
      if (found === undefined) {
        found = tokenEndpointsOf(data.endpoints, tokenId);
        tokenCache.set(tokenId, found);
      }
      return found;
    },
  };
  return index;
}

/** `https://sandbox.plaid.com/transactions/sync/` → `/transactions/sync`. */
export function normalisePath(path: string): string {
  let p = path.trim().replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, '');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

const PLAIN_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `Plaid::X`, `plaid.X`, `client.PlaidApi.X`, `client.x`, `plaidClient.x` → `X`/`x`. */
function stripSdkQualifiers(name: string): string {
  const trimmed = name.trim().replace(/\(.*$/, '');
  const parts = trimmed.split(/::|\./);
  return parts[parts.length - 1] ?? trimmed;
}

/**
 * Sorts the endpoints around a token from the data alone: an endpoint that returns the token without taking it
 * creates it; one that takes it and returns it under a new field name (`new_access_token`) rotates it; one that takes
 * it and whose path ends in `/remove` or `/revoke` revokes it; any other that takes it uses it.
 */
function tokenEndpointsOf(endpoints: readonly ApiEndpoint[], tokenId: string): TokenEndpoints {
  const result: TokenEndpoints = { creates: [], uses: [], rotates: [], revokes: [] };
  for (const e of endpoints) {
    const takes = e.takes.includes(tokenId);
    const returns = e.returns.includes(tokenId);
    if (returns && !takes) result.creates.push(e);
    else if (returns && takes && returnsUnderNewName(e)) result.rotates.push(e);
    else if (takes && /\/(remove|revoke)$/.test(e.path)) result.revokes.push(e);
    else if (takes) result.uses.push(e);
  }
  return result;
}

/** True when a response field ending in `_token` is not a request field too, e.g. `new_access_token`. */
function returnsUnderNewName(e: ApiEndpoint): boolean {
  const asked = new Set(e.fields.map((f) => f.name));
  return e.responseFields.some((f) => /_tokens?$/.test(f.name) && !asked.has(f.name));
}
