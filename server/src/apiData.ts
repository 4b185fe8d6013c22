/**
 * Reads the API glossary files from disk the first time something needs them, for the server and the CLI. The data
 * is not bundled into the scripts: it ships once, as `glossary/plaid-api.json`, and costs nothing until it is used.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createApiIndex, type ApiData, type ApiIndex, type ApiNotes } from './engine/api';
import { readTextInPieces } from './readInPieces';

/** The generated data file, relative to the extension's root. */
export const API_DATA_FILE = 'glossary/plaid-api.json';
/** The hand-written summaries, relative to the extension's root. */
export const API_NOTES_FILE = 'glossary/plaid-api-notes.json';

/**
 * What every API reference needs somewhere in the text: a two-segment path, a method call or a request type. A file
 * without any (a config file that only names a base URL) never makes the data load.
 */
const MAY_NAME_AN_ENDPOINT = /\/[a-z][a-z0-9_]*\/[a-z0-9_]|\.\s*[A-Za-z_]\w*\s*\(|Request\b/;

let cached: ApiIndex | undefined;
let failure: Error | undefined;

/** The API index, read and built on the first call. Throws a readable error when the files are missing. */
export function apiIndex(): ApiIndex {
  if (failure !== undefined) throw failure;
  try {
    cached ??= loadApiIndex(findRoot(__dirname));
  } catch (err) {
    failure = err as Error;
    throw failure;
  }
  return cached;
}

/**
 * The API index for a text: only a text that mentions Plaid makes the data load (the API rules report only in such
 * texts); once loaded, every text gets it, and a text given as a function is not even read. Undefined (and the API
 * features stay quiet) when it cannot be read.
 */
export function apiIndexFor(source: string | (() => string)): ApiIndex | undefined {
  if (cached !== undefined) return cached;
  // A document held in pieces is joined only until the data is loaded, which the first Plaid file does.
  const text = typeof source === 'string' ? source : source();
  if (!/plaid/i.test(text) || !MAY_NAME_AN_ENDPOINT.test(text)) return undefined;
  try {
    return apiIndex();
  } catch {
    return undefined;
  }
}

/** Builds an index from the files under `root` (the folder that holds `glossary/`). */
export function loadApiIndex(root: string): ApiIndex {
  const data = readJson<ApiData>(path.join(root, API_DATA_FILE));
  const notes = readJson<ApiNotes>(path.join(root, API_NOTES_FILE));
  if (data.formatVersion !== 1 || !Array.isArray(data.endpoints)) {
    throw new Error(`${API_DATA_FILE} has an unknown format; regenerate it with npm run glossary:api.`);
  }
  return createApiIndex(data, notes);
}

// The bundles live in dist/, the compiled tests in out/server/src/: walk up until the glossary folder shows.
function findRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, API_DATA_FILE))) return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`Cannot find ${API_DATA_FILE} above ${from}.`);
}

function readJson<T>(file: string): T {
  try {
    // In pieces: the 352 KB API data read whole left malloc holding freed blocks of up to 512 KB for good.
    return JSON.parse(readTextInPieces(file)) as T;
  } catch (err) {
    throw new Error(`Cannot read ${file}: ${(err as Error).message}`);
  }
}
