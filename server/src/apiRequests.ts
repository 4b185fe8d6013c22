/**
 * The API glossary's custom requests: the endpoint list, one endpoint, and the endpoints around a token type. The
 * client's API view, endpoint page and lifecycle picture draw from these; the data is read on the first request.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { apiIndex } from './apiData';
import type { ApiIndex } from './engine/api';
import { endpointMarkdown } from './engine/apiDescribe';
import { getEntry } from './engine';
import type {
  ApiEndpointParams,
  ApiEndpointResult,
  ApiListResult,
  TokenEndpointsParams,
  TokenEndpointsResult,
} from './protocol';

/** Every endpoint, in path order, with the products. */
export function listApi(): ApiListResult {
  const api = loadedApi();
  return {
    source: api.data.source,
    products: api.data.products.map((id) => ({ id, ...optional('summary', api.productSummary(id)) })),
    endpoints: api.endpoints.map((e) => ({
      path: e.path,
      method: e.method,
      operationId: e.operationId,
      ...optional('product', e.product),
      ...(e.deprecated ? { deprecated: true } : {}),
      ...optional('replacedBy', e.replacedBy),
      ...optional('summary', api.summary(e)),
    })),
  };
}

/** One endpoint; null when the query names none. */
export function apiEndpoint(params: ApiEndpointParams | null | undefined): ApiEndpointResult | null {
  if (typeof params?.query !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { "query": "<path, operationId or SDK name>" }.');
  }
  const api = loadedApi();
  const endpoint = api.find(params.query);
  if (endpoint === undefined) return null;
  return {
    endpoint,
    ...optional('summary', api.summary(endpoint)),
    ...optional('productSummary', endpoint.product === undefined ? undefined : api.productSummary(endpoint.product)),
    sdk: api.sdkSpellings(endpoint),
    markdown: endpointMarkdown(api, endpoint),
  };
}

/** The paths around a token type. */
export function tokenEndpoints(params: TokenEndpointsParams | null | undefined): TokenEndpointsResult {
  const id = params?.tokenId;
  if (typeof id !== 'string' || getEntry(id)?.token === undefined) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'Expected { "tokenId": "<token entry id, e.g. access-token>" }.');
  }
  const found = loadedApi().tokenEndpoints(id);
  const paths = (list: { path: string }[]): string[] => list.map((e) => e.path);
  return { creates: paths(found.creates), uses: paths(found.uses), rotates: paths(found.rotates), revokes: paths(found.revokes) };
}

function loadedApi(): ApiIndex {
  try {
    return apiIndex();
  } catch (err) {
    throw new ResponseError(ErrorCodes.InternalError, (err as Error).message);
  }
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
