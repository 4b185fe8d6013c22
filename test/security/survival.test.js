'use strict';
/**
 * The language server survives an exception in any handler: malformed requests and notifications over a real stdio
 * connection each get an error or an empty answer, and afterwards the server still hovers, still publishes
 * diagnostics, and shuts down cleanly. A hostile `.plaidlens.json` in the workspace must not stall it either.
 */
const assert = require('node:assert/strict');
const path = require('node:path');
const { GLOSSARY } = require('./lib/planted');
const { assertBuilt, makeTempDir, removeTree, writeTree } = require('./lib/processes');
const { LspClient, fileUri, positionAt } = require('./lib/lsp');

const DEV_URL = GLOSSARY.entries.find((e) => e.environment && e.environment.status === 'decommissioned').environment.baseUrl;
const TEXT = `// plaid\nconst plaidBase = '${DEV_URL}';\nconst token = 'access-sandbox-8f5c2a1e-1b2c-4d3e-9f40-112233445566';\n`;

/** Settles to `{ result }` or `{ error }`; a test fails only when neither arrives. */
function answered(reply) {
  return reply.error !== undefined || reply.result !== undefined;
}

suite('Language server survives exceptions in handlers', () => {
  let root;
  let client;
  let uri;

  suiteSetup(async () => {
    assertBuilt();
    root = makeTempDir('survival');
    writeTree(root, { 'src/a.ts': TEXT });
    uri = fileUri(path.join(root, 'src/a.ts'));
    client = new LspClient({ folders: [root], settings: { trace: { server: 'verbose' } }, trace: 'verbose' });
    await client.initialize();
    const diagnostics = await client.openAndDiagnose(uri, 'typescript', TEXT);
    assert.ok(diagnostics.length > 0, 'the document under test has no diagnostics');
    client.diagnostics = diagnostics;
  });

  suiteTeardown(() => {
    if (client) client.kill();
    removeTree(root);
  });

  const tokenAt = () => positionAt(TEXT, TEXT.indexOf('access-') + 3);

  const requests = [
    { name: 'a hover far outside the document', method: 'textDocument/hover', params: () => ({ textDocument: { uri }, position: { line: 1e9, character: 1e9 } }) },
    { name: 'a hover at a negative position', method: 'textDocument/hover', params: () => ({ textDocument: { uri }, position: { line: -3, character: -7 } }) },
    { name: 'a hover with no text document', method: 'textDocument/hover', params: () => ({ position: { line: 0, character: 0 } }) },
    { name: 'a hover with a position of the wrong type', method: 'textDocument/hover', params: () => ({ textDocument: { uri }, position: 'top' }) },
    { name: 'a hover on a document never opened', method: 'textDocument/hover', params: () => ({ textDocument: { uri: 'file:///nowhere/x.ts' }, position: { line: 0, character: 0 } }) },
    {
      name: 'a code action whose diagnostic data is garbage',
      method: 'textDocument/codeAction',
      params: () => ({
        textDocument: { uri },
        range: client.diagnostics[0].range,
        context: { diagnostics: client.diagnostics.map((d) => ({ ...d, data: { version: 1, fix: { kind: 'replace', replacements: 'none' } } })) },
      }),
    },
    {
      name: 'a code action whose move-to-env offsets are out of bounds',
      method: 'textDocument/codeAction',
      params: () => ({
        textDocument: { uri },
        range: client.diagnostics[0].range,
        context: { diagnostics: [{ ...client.diagnostics[0], data: { version: 1, fix: { kind: 'move-to-env', envVar: 'X', literal: { start: -5, end: 1e9 }, value: 7, replacement: 'x' } } }] },
      }),
    },
    { name: 'a code action with diagnostics that are not a list', method: 'textDocument/codeAction', params: () => ({ textDocument: { uri }, range: client.diagnostics[0].range, context: { diagnostics: 42 } }) },
    { name: 'a code action with no context', method: 'textDocument/codeAction', params: () => ({ textDocument: { uri }, range: client.diagnostics[0].range }) },
    {
      name: 'a resolve with out-of-bounds offsets',
      method: 'codeAction/resolve',
      params: () => ({ title: 'x', data: { uri, version: 1, fix: { kind: 'move-to-env', envVar: 'X', literal: { start: 0, end: 1e9 }, value: { start: -1, end: 2 }, replacement: 'x' } } }),
    },
    { name: 'a resolve whose data is a string', method: 'codeAction/resolve', params: () => ({ title: 'x', data: 'garbage' }) },
    { name: 'a decode with a number', method: 'workspace/executeCommand', params: () => ({ command: 'plaidLens.decodeToken', arguments: [42] }) },
    { name: 'a decode with an object', method: 'workspace/executeCommand', params: () => ({ command: 'plaidLens.decodeToken', arguments: [{ token: 'access-sandbox-x' }] }) },
    { name: 'a decode with no arguments', method: 'workspace/executeCommand', params: () => ({ command: 'plaidLens.decodeToken' }) },
    { name: 'a decode of a megabyte', method: 'workspace/executeCommand', params: () => ({ command: 'plaidLens.decodeToken', arguments: ['access-'.repeat(150_000)] }) },
    { name: 'an unknown command', method: 'workspace/executeCommand', params: () => ({ command: 'plaidLens.nope', arguments: [] }) },
    { name: 'a glossary entry request with no id', method: 'plaidLens/glossary/entry', params: () => ({}) },
  ];

  for (const r of requests) {
    test(`Should answer ${r.name} with an error or a plain result, and hover afterwards`, async () => {
      const reply = await client.request(r.method, r.params());
      assert.ok(answered(reply), `no answer to ${r.name}`);
      if (reply.error) assert.equal(typeof reply.error.message, 'string');
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: tokenAt() });
      assert.ok(hover.result && /access-sandbox-…/.test(hover.result.contents.value), 'no token hover after the malformed request');
    });
  }

  test('Should shrug off malformed notifications and still publish diagnostics', async () => {
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.ts', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///broken.ts', languageId: 'typescript', version: 'one' } });
    await client.notify('textDocument/didClose', {});
    await client.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    await client.notify('workspace/didChangeConfiguration', { settings: { plaidLens: [1, 2, 3] } });
    await client.notify('plaidLens/unknownNotification', { x: 1 });
    const second = fileUri(path.join(root, 'src/b.ts'));
    const diagnostics = await client.openAndDiagnose(second, 'typescript', TEXT);
    assert.ok(diagnostics.length > 0, 'no diagnostics for a document opened after the malformed notifications');
  });

  test('Should still be running and shut down cleanly, with nothing on stderr', async () => {
    assert.equal(client.process.exitCode, null, 'the server exited');
    const exit = await client.stop();
    assert.equal(exit.code, 0);
    assert.equal(client.stderr, '');
  });
});

suite('Language server on a hostile workspace config', () => {
  let root;
  let client;

  suiteSetup(async () => {
    assertBuilt();
    root = makeTempDir('survival-config');
    // The same hostile glob as test/security/config.test.js, met by the server as soon as a matching file opens.
    writeTree(root, { '.plaidlens.json': JSON.stringify({ ignore: [`${'*a'.repeat(12)}b`] }) });
    client = new LspClient({ folders: [root] });
    await client.initialize();
  });

  suiteTeardown(() => {
    if (client) client.kill();
    removeTree(root);
  });

  test('Should keep answering when a .plaidlens.json glob is built to backtrack against the file name', async () => {
    const victim = fileUri(path.join(root, `${'a'.repeat(64)}.ts`));
    const diagnostics = await client.openAndDiagnose(victim, 'typescript', TEXT).catch((error) => error);
    assert.ok(Array.isArray(diagnostics), `the server stopped answering: ${diagnostics.message}`);
  });
});
