/**
 * `plaid-lens server [--stdio | --node-ipc]`: runs the language server in this process, for editors other than
 * VS Code. The library's socket and pipe transports are not offered: the server never opens a network connection.
 * The server is the bundle next to the CLI's own (`dist/server.js`), loaded in-process: no
 * child process, and nothing printed on stdout, which belongs to the protocol.
 */
import * as path from 'node:path';
import { UsageError } from './args';

const TRANSPORTS = /^(--stdio|--node-ipc)$/;

/** Starts the server bundled in `distDir`; it ends the process itself on the protocol's `exit`. */
export function runServer(args: string[], distDir: string): Promise<number> {
  const transports = args.filter((a) => TRANSPORTS.test(a));
  const unknown = args.filter((a) => !TRANSPORTS.test(a));
  if (unknown.length > 0) throw new UsageError(`server takes --stdio or --node-ipc, not ${unknown[0]}`);
  if (transports.length > 1) throw new UsageError('server takes one transport');
  const entry = path.join(distDir, 'server.js');
  // The server reads its transport from argv, as it does when an editor starts it directly.
  process.argv = [process.argv[0]!, entry, transports[0] ?? '--stdio'];
  require(entry);
  return new Promise<number>(() => undefined);
}
