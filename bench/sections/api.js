'use strict';
/**
 * The API glossary in the editor, over a real stdio LSP connection: the 5 MB document of the editor section with
 * Plaid SDK calls planted at seeded places; hovers on the SDK methods and completions inside their request objects,
 * each against token hovers in the same document and run (the figure the project had before the API glossary).
 * Also what loading the API data costs: server RSS when idle, and after the first Plaid file made it load, settled;
 * and how long the first API hover takes (it reads and indexes the data), against a later one.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadEngine } = require('../lib/engine');
const { startServer, lineStarts, positionAt } = require('../lib/lsp');
const { ROOT, SERVER } = require('../lib/paths');
const { createRandom, seedFrom } = require('../lib/prng');
const { median, percentile } = require('../lib/proc');
const { generateFile, MB } = require('../lib/sourceFile');

const URI = 'file:///bench/api/plaidClient.ts';
const SETTINGS = { maxFileSizeKB: 16384 };
const TOKEN = /\b(?:access|public|link|processor|user)-(?:sandbox|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
/** The planted call: hovered on `transactionsSync`, completed at `|`. */
const CALL = 'const page = await client.transactionsSync({ access_token: accessToken, | });\n';

/** The editor section's 5 MB document with `count` planted calls at line starts; returns the text and the cursors. */
function apiDocument(seed, count) {
  const r = createRandom(seedFrom(`editor:${seed}`));
  const base = generateFile(r, 'ts', 5 * MB, { plaid: true }).text;
  const places = createRandom(seedFrom(`api:${seed}`));
  const cuts = [];
  for (let i = 0; i < count; i++) {
    const at = base.indexOf('\n', places.int(base.length));
    if (at >= 0) cuts.push(at + 1);
  }
  cuts.sort((a, b) => a - b);
  let text = '';
  let from = 0;
  const methods = [];
  const cursors = [];
  for (const cut of cuts) {
    text += base.slice(from, cut);
    methods.push(text.length + CALL.indexOf('transactionsSync') + 4);
    cursors.push(text.length + CALL.indexOf('|'));
    text += CALL.replace('|', '');
    from = cut;
  }
  return { text: text + base.slice(from), methods, cursors };
}

async function timed(server, method, params) {
  const started = performance.now();
  const result = await server.request(method, params);
  return { ms: performance.now() - started, result };
}

function stats(times) {
  return { count: times.length, medianMs: median(times), p95Ms: percentile(times, 95) };
}

/** Token hovers, API hovers and completions on the same document, interleaved so that load affects all alike. */
async function measureLatency(server, doc, count) {
  const starts = lineStarts(doc.text);
  const at = (offset) => ({ textDocument: { uri: URI }, position: positionAt(starts, offset) });
  const tokens = [...doc.text.matchAll(TOKEN)].map((m) => m.index + 3);
  const tokenTimes = [];
  const hoverTimes = [];
  const completionTimes = [];
  let hoversAnswered = 0;
  let completionsWithCursor = 0;
  for (let i = 0; i < count; i++) {
    const token = tokens[Math.floor((i * tokens.length) / count)];
    if (token !== undefined) tokenTimes.push((await timed(server, 'textDocument/hover', at(token))).ms);
    const hover = await timed(server, 'textDocument/hover', at(doc.methods[i % doc.methods.length]));
    hoverTimes.push(hover.ms);
    if (JSON.stringify(hover.result?.contents ?? '').includes('/transactions/sync')) hoversAnswered++;
    const completion = await timed(server, 'textDocument/completion', at(doc.cursors[i % doc.cursors.length]));
    completionTimes.push(completion.ms);
    if ((completion.result?.items ?? []).some((item) => item.label === 'cursor')) completionsWithCursor++;
  }
  return { tokenHover: stats(tokenTimes), apiHover: { ...stats(hoverTimes), answered: hoversAnswered }, completion: { ...stats(completionTimes), withCursor: completionsWithCursor } };
}

/** RSS before and after the API data loads in an otherwise idle server, and the first API hover's time. */
async function measureLoad(log) {
  const server = startServer({ settings: {} });
  try {
    await server.initialize();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = server.memory();
    const uri = 'file:///bench/api/small.ts';
    const text = "import { PlaidApi } from 'plaid';\nconst r = await client.transactionsSync({ access_token: t });\n";
    const published = server.diagnostics(uri, 1);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await published;
    const params = { textDocument: { uri }, position: { line: 1, character: 30 } };
    const first = await timed(server, 'textDocument/hover', params);
    const second = await timed(server, 'textDocument/hover', params);
    log('api: wait for the resident size to settle');
    const settled = await settleRss(server);
    return { idleRssKb: idle.rssKb, loadedRssKb: settled, firstHoverMs: first.ms, laterHoverMs: second.ms };
  } finally {
    await server.stop();
  }
}

async function settleRss(server) {
  let previous = server.memory().rssKb;
  const started = performance.now();
  while (performance.now() - started < 15_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = server.memory().rssKb;
    if (Math.abs(current - previous) <= previous * 0.01 && performance.now() - started >= 5_000) return current;
    previous = current;
  }
  return previous;
}

/** In-process: reading and indexing the data, against parsing the token glossary the server has always loaded. */
function measureParse(engine, runs) {
  const read = (file) => fs.readFileSync(path.join(ROOT, 'glossary', file), 'utf8');
  const api = read('plaid-api.json');
  const notes = read('plaid-api-notes.json');
  const glossary = read('plaid-glossary.json');
  const apiTimes = [];
  const glossaryTimes = [];
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    engine.createApiIndex(JSON.parse(api), JSON.parse(notes));
    apiTimes.push(performance.now() - started);
    started = performance.now();
    JSON.parse(glossary);
    glossaryTimes.push(performance.now() - started);
  }
  return { apiIndexMs: median(apiTimes), glossaryParseMs: median(glossaryTimes), apiBytes: api.length, glossaryBytes: glossary.length };
}

/** The API section. */
async function runApi({ quick, seed }, log) {
  if (!fs.existsSync(SERVER)) return { available: false, reason: 'dist/server.js is not built' };
  const count = quick ? 50 : 200;
  const doc = apiDocument(seed, count);
  const parse = measureParse(loadEngine(), quick ? 5 : 20);
  log('api: data load cost in an idle server');
  const load = await measureLoad(log);
  const server = startServer({ settings: SETTINGS });
  try {
    await server.initialize();
    log('api: open the 5 MB document with planted SDK calls');
    const opened = server.diagnostics(URI, 1);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'typescript', version: 1, text: doc.text } });
    await opened;
    log(`api: ${count} token hovers, API hovers and completions`);
    const latency = await measureLatency(server, doc, count);
    return { available: true, documentBytes: doc.text.length, calls: doc.methods.length, ...latency, load, parse };
  } finally {
    await server.stop();
  }
}

module.exports = { runApi };
