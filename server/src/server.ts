/**
 * The language server's entry point, as editors start it (`node dist/server.js --stdio`, or forked with
 * `--node-ipc`): it loads the server itself, bundled as `serverMain.js` beside it, the way `require` would, but
 * reads the 378 KB bundle in pieces (see readInPieces.ts). Read by `require`, the bundle left 3.5 MB of freed
 * memory that malloc never returned in every server process.
 */
import Module = require('node:module');
import * as path from 'node:path';
import { readTextInPieces } from './readInPieces';

/** What `require` uses of Node's module class to run a script it has read; not in Node's public types. */
interface LoadableModule {
  filename: string;
  paths: string[];
  _compile(content: string, filename: string): unknown;
}

const file = path.join(__dirname, 'serverMain.js');
const main = new Module(file, module) as unknown as LoadableModule;
main.filename = file;
main.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
// The bundle starts with a `#!` line, which only a whole script may have: a comment keeps the line numbers.
const text = readTextInPieces(file);
main._compile(text.startsWith('#!') ? `//${text.slice(2)}` : text, file);
