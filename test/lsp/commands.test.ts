/**
 * The decode command, the glossary requests of the shared protocol file, and the server's answer to a handler
 * that throws: a masked LSP error, a masked log line, and a server that keeps serving.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ErrorCodes,
  ExecuteCommandRequest,
  HoverRequest,
  MessageType,
  ResponseError,
  type CodeActionParams,
} from 'vscode-languageserver-protocol';
import type { DecodedToken } from '../../server/src/engine';
import { DecodeTokenCommand, GlossaryEntryRequest, GlossaryListRequest } from '../../server/src/protocol';
import { ACCESS_SANDBOX, MALFORMED, SECRET } from './fixtures';
import { REPO_ROOT, TestServer, withDeadline } from './harness';

const glossary = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'glossary', 'plaid-glossary.json'), 'utf8')) as {
  entries: { id: string; term: string; category: string }[];
};

function isError(code: number): (error: unknown) => boolean {
  return (error: unknown) => error instanceof ResponseError && error.code === code;
}

suite('LSP commands and glossary requests', () => {
  let server: TestServer;

  suiteSetup(async () => {
    server = await TestServer.start();
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  function decode(...args: unknown[]): Promise<DecodedToken> {
    return withDeadline(server.connection.sendRequest(ExecuteCommandRequest.type, { command: DecodeTokenCommand.id, arguments: args }), 'decode');
  }

  test('Should decode a token into its anatomy, masked', async () => {
    const decoded = await decode(ACCESS_SANDBOX);
    assert.equal(decoded.valid, true);
    assert.equal(decoded.entryId, 'access-token');
    assert.equal(decoded.environmentId, 'sandbox');
    assert.deepEqual(decoded.uuid, { version: 4, variant: 'rfc4122' });
    assert.equal(decoded.masked, 'access-sandbox-…7a34');
    assert.ok(!JSON.stringify(decoded).includes(ACCESS_SANDBOX.slice('access-sandbox-'.length)), 'the UUID never comes back whole');
  });

  test('Should report a mistyped environment with its suggestion', async () => {
    const decoded = await decode(MALFORMED);
    assert.equal(decoded.valid, false);
    const problem = decoded.problems.find((p) => p.kind === 'unknown-environment');
    assert.equal(problem?.suggestion, 'production');
  });

  test('Should answer bad arguments and unknown commands with InvalidParams, masking what was sent', async () => {
    await assert.rejects(decode(), isError(ErrorCodes.InvalidParams));
    await assert.rejects(decode(42), isError(ErrorCodes.InvalidParams));
    await assert.rejects(decode('x'.repeat(5000)), isError(ErrorCodes.InvalidParams));
    const unknown = server.connection.sendRequest(ExecuteCommandRequest.type, { command: `plaidLens.${SECRET}`, arguments: [] });
    await assert.rejects(unknown, (error: unknown) => {
      assert.ok(isError(ErrorCodes.InvalidParams)(error));
      const message = (error as ResponseError<unknown>).message;
      assert.ok(!message.includes(SECRET) && message.includes(`${SECRET.slice(0, 4)}…`), message);
      return true;
    });
  });

  test('Should list every glossary entry with the categories in order', async () => {
    const list = await withDeadline(server.connection.sendRequest(GlossaryListRequest.type, {}), 'glossary list');
    assert.deepEqual(list.entries.map((e) => e.id), glossary.entries.map((e) => e.id));
    assert.deepEqual(list.categories.map((c) => c.id), ['tokens-identifiers-keys', 'environments', 'other']);
    assert.ok(list.categories.every((c) => c.title.length > 0));
    assert.deepEqual(Object.keys(list.entries[0]!).sort(), ['category', 'id', 'summary', 'term']);
  });

  const lookups = [
    { id: 'link-token', expected: 'link-token' },
    { id: 'PLAID_SECRET', expected: 'secret' },
    { id: 'accessToken', expected: 'access-token' },
    { id: 'no-such-thing-at-all', expected: null },
  ];
  for (const { id, expected } of lookups) {
    test(`Should look up the glossary entry for ${id}`, async () => {
      const entry = await withDeadline(server.connection.sendRequest(GlossaryEntryRequest.type, { id }), 'glossary entry');
      assert.equal(entry?.id ?? null, expected);
      if (entry !== null) assert.equal(entry.term, glossary.entries.find((e) => e.id === expected)!.term);
    });
  }

  test('Should reject a glossary entry request without an id', async () => {
    const request = server.connection.sendRequest(GlossaryEntryRequest.type, {} as { id: string });
    await assert.rejects(request, isError(ErrorCodes.InvalidParams));
  });

  test('Should answer a handler that throws with InternalError, log it masked, and keep serving', async () => {
    const uri = 'untitled:crash';
    await server.openAndDiagnose(uri, 'typescript', `const access_token = '${ACCESS_SANDBOX}';\n`);
    const from = server.logs.mark();
    const broken = { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as CodeActionParams;
    await assert.rejects(server.connection.sendRequest('textDocument/codeAction', broken), isError(ErrorCodes.InternalError));
    const logged = await server.logs.waitFor((l) => l.message.includes('codeAction failed'), 'the error log line', from);
    assert.equal(logged.type, MessageType.Error);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } });
    assert.ok(hover !== null, 'the server still answers');
    assert.equal(server.process.exitCode, null);
    assert.ok(!JSON.stringify(server.logs.items).includes(ACCESS_SANDBOX));
  });
});
