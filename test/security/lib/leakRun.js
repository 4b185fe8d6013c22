'use strict';
/**
 * One full exchange with the language server over the leak fixtures, trace at `verbose`: open every file, hover on
 * every planted value, ask for and resolve every code action, decode every value, change settings and a document,
 * and shut down. Returns what the server said as labelled captures, plus counts that show each path really ran.
 */
const path = require('node:path');
const { LspClient, fileUri, positionAt } = require('./lsp');
const { serverCaptures } = require('./captures');

/** What `workspace/configuration` answers: trace at verbose, plus wrong values holding planted strings. */
function leakSettings(planted) {
  const [, token] = planted.tokens.map((t) => t.value);
  const [clientId, secret] = planted.credentials.map((c) => c.value);
  return {
    trace: { server: 'verbose' },
    rules: { [token]: 'error', 'hardcoded-client-id': clientId },
    maxFileSizeKB: secret,
  };
}

/** Every offset range where a planted value occurs in `text`. */
function occurrences(text, values) {
  const ranges = [];
  for (const { value } of values) {
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) ranges.push({ start: at, end: at + value.length });
  }
  return ranges;
}

/** Hovers at the start, middle and last character of every planted value, and at every diagnostic. */
async function hoverEverything(client, uri, text, values, diagnostics) {
  const positions = [];
  for (const { start, end } of occurrences(text, values)) {
    for (const offset of [start, Math.floor((start + end) / 2), end - 1]) positions.push(positionAt(text, offset));
  }
  positions.push(...diagnostics.map((d) => d.range.start));
  const hovers = await Promise.all(
    positions.map((position) => client.request('textDocument/hover', { textDocument: { uri }, position })),
  );
  return hovers.filter((h) => h.result && /…/.test(JSON.stringify(h.result))).length;
}

/** Asks for the quick fixes of each diagnostic and of all at once, and resolves every action that has data. */
async function fixEverything(client, uri, diagnostics) {
  const contexts = [...diagnostics.map((d) => [d]), diagnostics];
  let resolvedMoves = 0;
  for (const list of contexts) {
    if (list.length === 0) continue;
    const { result } = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: list[0].range,
      context: { diagnostics: list },
    });
    for (const action of result || []) {
      if (action.data === undefined) continue;
      const resolved = await client.request('codeAction/resolve', action);
      if (resolved.result && resolved.result.edit) resolvedMoves++;
    }
  }
  return resolvedMoves;
}

/** Runs `plaidLens.decodeToken` on each value, as pasted with spaces, inside a sentence, too long, and not a string. */
async function decodeEverything(client, values) {
  const command = (args) => client.request('workspace/executeCommand', { command: 'plaidLens.decodeToken', arguments: args });
  let decoded = 0;
  for (const { value } of values) {
    const answers = await Promise.all([
      command([value]),
      command([`  ${value}\n`]),
      command([`token=${value};`]),
      command([value.repeat(40)]),
      client.request('plaidLens/glossary/entry', { id: value }),
    ]);
    if (answers[0].result !== undefined) decoded++;
  }
  await command([{ token: values[0].value }]);
  await client.request('workspace/executeCommand', { command: `plaidLens.${values[1].value}`, arguments: [values[1].value] });
  return decoded;
}

/** The whole exchange; resolves with `{ client, captures, excluded, summary }`. */
async function runLeakExchange({ ws, files, planted }) {
  const values = [...planted.credentials, ...planted.tokens];
  const client = new LspClient({ folders: [ws], settings: leakSettings(planted), trace: 'verbose' });
  try {
    await client.initialize();
    await client.notify('$/setTrace', { value: 'verbose' });
    const summary = { diagnostics: 0, maskedHovers: 0, resolvedMoves: 0, decoded: 0 };
    const opened = [];
    for (const [file, { languageId, text }] of Object.entries(files)) {
      const uri = fileUri(path.join(ws, file));
      const diagnostics = await client.openAndDiagnose(uri, languageId, text);
      summary.diagnostics += diagnostics.length;
      opened.push({ uri, text, diagnostics });
    }
    for (const name of ['bad-severity', 'unknown-setting', 'bad-glob', 'bad-json']) {
      await client.openAndDiagnose(fileUri(path.join(ws, 'broken', name, 'a.ts')), 'typescript', '// plaid\n');
    }
    for (const { uri, text, diagnostics } of opened) {
      summary.maskedHovers += await hoverEverything(client, uri, text, values, diagnostics);
      summary.resolvedMoves += await fixEverything(client, uri, diagnostics);
    }
    summary.decoded = await decodeEverything(client, values);
    await changeEverything(client, opened[0], planted);
    await client.stop();
    summary.verboseLogs = client.notifications('window/logMessage').filter((p) => p.type === 4 || p.type === 3).length;
    summary.showMessages = client.notifications('window/showMessage').length;
    summary.logTraces = client.notifications('$/logTrace').length;
    const { captures, excluded } = serverCaptures(client, { root: ws, envUri: fileUri(path.join(ws, '.env')) });
    return { client, captures, excluded, summary, kill: () => client.kill() };
  } catch (error) {
    client.kill();
    throw error;
  }
}

/** A settings change (the server pulls the bad settings again) and an edit that adds a token, then close. */
async function changeEverything(client, document, planted) {
  const from = client.received.length;
  await client.notify('workspace/didChangeConfiguration', { settings: null });
  const line = document.text.split('\n').length - 1;
  await client.notify('textDocument/didChange', {
    textDocument: { uri: document.uri, version: 2 },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `// ${planted.tokens[2].value}\n` }],
  });
  await client.waitFor(
    (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === document.uri && m.params.version === 2,
    'diagnostics after the change',
    from,
  );
  await client.notify('textDocument/didClose', { textDocument: { uri: document.uri } });
}

module.exports = { runLeakExchange };
