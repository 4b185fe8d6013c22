/**
 * The server speaks over stdio or node IPC only: the library's socket and pipe transports would open a connection,
 * so both the server bundle and `plaid-lens server` refuse them. Over stdio it ends with its input, as editors
 * expect of a server they started.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { ShutdownRequest } from 'vscode-languageserver-protocol';
import { REPO_ROOT, SERVER_PATH, TestServer, withDeadline } from './harness';

const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Runs a command to its end and returns its exit code and stderr. */
function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

suite('Transports', () => {
  const refused: { name: string; args: string[]; message: RegExp }[] = [
    { name: 'the server bundle with --socket=PORT', args: [SERVER_PATH, '--socket=45123'], message: /--socket is not supported/ },
    { name: 'the server bundle with --socket PORT', args: [SERVER_PATH, '--socket', '45123'], message: /--socket is not supported/ },
    { name: 'the server bundle with --pipe', args: [SERVER_PATH, '--pipe=/tmp/plaid-lens-test.sock'], message: /--pipe is not supported/ },
    { name: 'plaid-lens server --socket=PORT', args: [CLI_PATH, 'server', '--socket=45123'], message: /server takes --stdio or --node-ipc/ },
  ];
  for (const { name, args, message } of refused) {
    test(`Should refuse ${name}`, async () => {
      const { code, stderr } = await withDeadline(run(args), name);
      assert.equal(code, 2);
      assert.match(stderr, message);
    });
  }

  for (const shutdown of [true, false]) {
    test(`Should exit with ${shutdown ? 0 : 1} when its input ends ${shutdown ? 'after' : 'without'} a shutdown request`, async () => {
      const server = await TestServer.start();
      const exited = new Promise<number | null>((resolve) => server.process.on('exit', (code) => resolve(code)));
      if (shutdown) await withDeadline(server.connection.sendRequest(ShutdownRequest.type), 'shutdown response');
      server.process.stdin!.end();
      assert.equal(await withDeadline(exited, 'server exit'), shutdown ? 0 : 1);
      server.connection.dispose();
    });
  }
});
