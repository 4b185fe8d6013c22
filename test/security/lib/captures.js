'use strict';
/**
 * Turning what a language server produced into labelled text for the leak search. The one thing left out
 * is the line "Move to environment variable" appends to `.env`: writing the value there is the point of that fix.
 */
const path = require('node:path');
const { fileURLToPath } = require('node:url');

/** A short name for a `file:` URI relative to the workspace, for "where it came from". */
function shortUri(uri, root) {
  try {
    return path.relative(root, fileURLToPath(uri)) || uri;
  } catch {
    return uri;
  }
}

/**
 * A copy of a message with the `newText` of every edit to `envUri` replaced by a marker; each removed text is pushed
 * to `excluded` so the test can check it is the `.env` line and nothing else.
 */
function withoutEnvFileLines(message, envUri, excluded) {
  const copy = JSON.parse(JSON.stringify(message));
  const redact = (edits) => {
    for (const edit of edits) {
      excluded.push(edit.newText);
      edit.newText = '<.env line>';
    }
  };
  const visit = (node) => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      if (node.textDocument && node.textDocument.uri === envUri && Array.isArray(node.edits)) redact(node.edits);
      if (node.changes && Array.isArray(node.changes[envUri])) redact(node.changes[envUri]);
      Object.values(node).forEach(visit);
    }
  };
  visit(copy);
  return copy;
}

/** Where a message from the server came from: a notification's method (and document), or the request it answers. */
function describeMessage(client, message, root) {
  if (message.method !== undefined && message.id === undefined) {
    const uri = message.params && (message.params.uri || (message.params.textDocument && message.params.textDocument.uri));
    return uri ? `${message.method} for ${shortUri(uri, root)}` : message.method;
  }
  if (message.method !== undefined) return `${message.method} request from the server`;
  return `response to ${client.methodOfRequest(message.id)} #${message.id}`;
}

/**
 * Every message the server sent, its raw stdout and its stderr as `{ source, text }`, with the `.env` lines taken
 * out. Returns the captures and the excluded texts.
 */
function serverCaptures(client, { root, envUri }) {
  const excluded = [];
  const captures = client.received.map((message) => ({
    source: describeMessage(client, message, root),
    text: JSON.stringify(withoutEnvFileLines(message, envUri, excluded)),
    message,
  }));
  let raw = client.rawStdout;
  for (const text of new Set(excluded)) raw = raw.split(JSON.stringify(text).slice(1, -1)).join('<.env line>');
  captures.push({ source: 'the raw bytes of the server stdout', text: raw });
  captures.push({ source: 'the server stderr', text: client.stderr });
  return { captures, excluded };
}

/**
 * The editor side's message trace at `verbose`, as vscode-jsonrpc's tracer words it (`Params:`/`Result:` followed
 * by the JSON indented by four), passed through `mask` the way the client's masking output channel writes each
 * line. Unlike the server's output, this trace holds every opened document whole, so nothing is left out.
 */
function clientTraceCaptures(client, mask) {
  const describe = (message, direction) => {
    if (message.method !== undefined) {
      const kind = message.id === undefined ? 'notification' : 'request';
      return { header: `${direction} ${kind} '${message.method}'.`, body: message.params === undefined ? '' : `Params: ${JSON.stringify(message.params, null, 4)}` };
    }
    const body = message.error !== undefined ? `Error: ${JSON.stringify(message.error, null, 4)}` : `Result: ${JSON.stringify(message.result, null, 4)}`;
    return { header: `${direction} response '${message.id}'.`, body };
  };
  return [...client.sent.map((m) => [m, 'Sending']), ...client.received.map((m) => [m, 'Received'])].map(([message, direction]) => {
    const { header, body } = describe(message, direction);
    return { source: `the client trace: ${header}`, text: mask(`[Trace] ${header}\n${body}\n\n`) };
  });
}

module.exports = { serverCaptures, clientTraceCaptures };
