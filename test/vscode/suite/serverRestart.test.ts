import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, plaidDiagnostics, plaidLens, SERVER_TIMEOUT_MS, waitFor, waitForDiagnostics } from './util';

suite('Server restart', () => {
  test('Should bring a killed server back and publish diagnostics again', async () => {
    const api = await plaidLens();
    const { document } = await openFixture('src/findings.js');
    await waitForDiagnostics(document.uri, ['malformed-token']);
    const pid = api.serverProcessId();
    assert.ok(pid, 'the running server has a process id');

    // Recorded from events, so a short gap between the old diagnostics and the new ones cannot be missed.
    let cleared = false;
    let stopped = false;
    const listeners = [
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((u) => u.toString() === document.uri.toString()) && plaidDiagnostics(document.uri).length === 0) cleared = true;
      }),
      api.onDidChangeServerStatus((status) => {
        if (status !== 'running') stopped = true;
      }),
    ];
    try {
      process.kill(pid, 'SIGKILL');
      await waitFor(
        () => stopped && api.serverStatus() === 'running' && api.serverProcessId() !== pid,
        SERVER_TIMEOUT_MS,
        'a new server process running',
      );
      await waitFor(() => cleared, SERVER_TIMEOUT_MS, "the dead server's diagnostics cleared");
      await waitForDiagnostics(document.uri, ['malformed-token', 'expiring-token']);
    } finally {
      for (const listener of listeners) listener.dispose();
    }
    assert.throws(() => process.kill(pid, 0), /ESRCH/, 'the old process is gone');
  });
});
