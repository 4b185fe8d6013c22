/**
 * How each Plaid SDK spells an operation and its request type, derived from the spec's `operationId` and request
 * schema name. The rules were checked against the generated SDK sources (plaid-node, plaid-python, plaid-ruby,
 * plaid-go, plaid-java): every SDK is generated from the same spec with the stock OpenAPI generator conventions.
 */

/** The five SDKs Plaid publishes. */
export type SdkName = 'node' | 'python' | 'ruby' | 'go' | 'java';

/** Every SDK, in the order hovers list them. */
export const SDKS: readonly SdkName[] = ['node', 'python', 'ruby', 'go', 'java'];

/** How one SDK spells one operation. */
export interface SdkSpelling {
  sdk: SdkName;
  /** The method on the client, e.g. `transactionsSync`, `transactions_sync`, `TransactionsSync`. */
  method: string;
  /** A typical call as written in that SDK, e.g. `client.transactions_sync(request)`. */
  call: string;
  /** The request type as code names it, e.g. `TransactionsSyncRequest`, `Plaid::TransactionsSyncRequest`. */
  requestClass?: string;
  /** How a request is built, e.g. `plaid.NewTransactionsSyncRequest(…)` in Go. */
  requestConstructor?: string;
}

/** `transactionsSync` → `transactions_sync`; `CRACheckReportCreateRequest` → `cra_check_report_create_request`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** `transactionsSync` → `TransactionsSync`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `TransactionsSync` → `transactionsSync`. */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Every SDK's spelling of an operation; `requestType` is omitted where the SDKs have no model for it. */
export function sdkSpellings(operationId: string, requestType: string | undefined): SdkSpelling[] {
  const camel = camelCase(operationId);
  const snake = snakeCase(operationId);
  const pascal = pascalCase(operationId);
  const request = requestType;
  return [
    { sdk: 'node', method: camel, call: `client.${camel}(request)`, ...(request ? { requestClass: request } : {}) },
    {
      sdk: 'python',
      method: snake,
      call: `client.${snake}(request)`,
      ...(request ? { requestClass: request, requestConstructor: `${request}(…)` } : {}),
    },
    {
      sdk: 'ruby',
      method: snake,
      call: `client.${snake}(request)`,
      ...(request ? { requestClass: `Plaid::${request}`, requestConstructor: `Plaid::${request}.new(…)` } : {}),
    },
    {
      sdk: 'go',
      method: pascal,
      call: `client.PlaidApi.${pascal}(ctx)`,
      ...(request ? { requestClass: `plaid.${request}`, requestConstructor: `plaid.New${request}(…)` } : {}),
    },
    {
      sdk: 'java',
      method: camel,
      call: `client.${camel}(request)`,
      ...(request ? { requestClass: request, requestConstructor: `new ${request}()` } : {}),
    },
  ];
}

/**
 * The keys under which an operation can be looked up by an SDK name: the method in each casing, the request type,
 * and Go's constructor. Lookups are exact; callers strip `Plaid::`, `plaid.` and `client.` first.
 */
export function sdkLookupKeys(operationId: string, requestType: string | undefined): string[] {
  const keys = [camelCase(operationId), snakeCase(operationId), pascalCase(operationId)];
  if (requestType !== undefined) keys.push(requestType, `New${requestType}`);
  return [...new Set(keys)];
}
