/**
 * The Plaid API data for the client's views and pages. It is read from the extension's own folder the first time a
 * view or page needs it, through the same loader the server and CLI use, so the data ships once (as
 * `glossary/plaid-api.json`), stays out of `dist/extension.js`, and costs nothing while the extension starts.
 */
import type * as vscode from 'vscode';
import { loadApiIndex } from '../../server/src/apiData';
import type { ApiEndpoint, ApiIndex, TokenEndpoints } from '../../server/src/engine/api';

/** The API index, loaded on first use; a file that cannot be read becomes a message, never a broken view. */
export class ApiCatalog {
  private index: ApiIndex | undefined;
  private failure: string | undefined;

  /** `root` is the folder that holds `glossary/`: the extension's install folder. */
  constructor(private readonly root: string) {}

  /** A catalog of the extension's own data. */
  static of(context: vscode.ExtensionContext): ApiCatalog {
    return new ApiCatalog(context.extensionUri.fsPath);
  }

  /** True once the data has been read (or has failed to be). */
  get loaded(): boolean {
    return this.index !== undefined || this.failure !== undefined;
  }

  /** Why the data could not be read, if it could not. */
  get error(): string | undefined {
    this.get();
    return this.failure;
  }

  /** The index, reading the files on the first call; undefined when they cannot be read. */
  get(): ApiIndex | undefined {
    if (this.index === undefined && this.failure === undefined) {
      try {
        this.index = loadApiIndex(this.root);
      } catch (error) {
        this.failure = error instanceof Error ? error.message : String(error);
      }
    }
    return this.index;
  }

  /** The endpoint a path, operationId or SDK name stands for. */
  find(query: string): ApiEndpoint | undefined {
    return this.get()?.find(query);
  }

  /** The endpoints that create, use, rotate and revoke a token type; undefined without data. */
  tokenEndpoints(tokenId: string): TokenEndpoints | undefined {
    return this.get()?.tokenEndpoints(tokenId);
  }
}
