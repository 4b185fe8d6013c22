'use strict';
/**
 * Editor latency over a real stdio LSP connection: a 5 MB TypeScript document, single-character edits at seeded
 * random places, each timed from `didChange` to the `publishDiagnostics` of that version; hovers on tokens; and,
 * for context, one full in-process `scan()` of the same text. After the edits, the last published diagnostics are
 * compared with a full scan of the final text, so a fast but stale answer shows.
 */
const fs = require('node:fs');
const { loadApi, loadEngine } = require('../lib/engine');
const { startServer, lineStarts, positionAt } = require('../lib/lsp');
const { SERVER } = require('../lib/paths');
const { createRandom, seedFrom } = require('../lib/prng');
const { median, percentile } = require('../lib/proc');
const { generateFile, MB } = require('../lib/sourceFile');

const URI = 'file:///bench/editor/plaidClient.ts';
/** Settings the client answers: the 5 MB document is over the default limit of 1,024 KiB. */
const SETTINGS = { maxFileSizeKB: 16384 };
const TOKEN = /\b(?:access|public|link|asset-report|assets|processor|user)-(?:sandbox|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const INSERTED = 'abcxyz_ 01;';

/** The 5 MB document the editor measurements use. */
function editorDocument(seed) {
  const r = createRandom(seedFrom(`editor:${seed}`));
  return generateFile(r, 'ts', 5 * MB, { plaid: true }).text;
}

/** Median time of `runs` in-process scans of `text`. */
function inProcessScan(engine, text, runs) {
  const times = [];
  let findings = 0;
  // The server passes the API data for a text that mentions Plaid; so does the peer, for the same findings.
  const api = loadApi(engine);
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    findings = engine.scan(text, { fileName: '/bench/editor/plaidClient.ts', languageId: 'typescript', api }).length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), findings };
}

/** Hovers on `count` tokens spread over the document; returns latencies and how many came back with content. */
async function measureHovers(server, text, count) {
  const starts = lineStarts(text);
  const tokens = [...text.matchAll(TOKEN)].map((m) => m.index);
  const times = [];
  let answered = 0;
  for (let i = 0; i < count && tokens.length > 0; i++) {
    const offset = tokens[Math.floor((i * tokens.length) / count)] + 3;
    const started = performance.now();
    const hover = await server.request('textDocument/hover', { textDocument: { uri: URI }, position: positionAt(starts, offset) });
    times.push(performance.now() - started);
    if (hover && hover.contents && JSON.stringify(hover.contents).length > 20) answered++;
  }
  return { count: times.length, tokensInDocument: tokens.length, answered, medianMs: median(times), p95Ms: percentile(times, 95) };
}

/** Applies `count` single-character edits and times each one's diagnostics; returns the latencies and final text. */
async function measureEdits(server, initialText, count, seed) {
  const r = createRandom(seedFrom(`edits:${seed}`));
  let text = initialText;
  const starts = lineStarts(text);
  const times = [];
  let last;
  for (let version = 2; version < count + 2; version++) {
    let offset = r.int(text.length);
    while (text[offset] === '\n') offset = r.int(text.length);
    const position = positionAt(starts, offset);
    const insert = r.chance(0.7);
    const change = insert
      ? { range: { start: position, end: position }, text: INSERTED[r.int(INSERTED.length)] }
      : { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' };
    text = text.slice(0, offset) + change.text + text.slice(insert ? offset : offset + 1);
    for (let line = position.line + 1; line < starts.length; line++) starts[line] += insert ? 1 : -1;
    const waiting = server.diagnostics(URI, version);
    const started = performance.now();
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [change] });
    last = await waiting;
    times.push(last.at - started);
  }
  return { times, text, starts, lastDiagnostics: last?.params.diagnostics ?? [] };
}

/** The editor section: latency of edits and hovers, with an in-process full scan as the peer. */
async function runEditor({ quick, seed, profileDir }, log) {
  if (!fs.existsSync(SERVER)) return { available: false, reason: 'dist/server.js is not built' };
  const text = editorDocument(seed);
  const engine = loadEngine();
  log('editor: in-process full scan of the 5 MB document');
  const full = inProcessScan(engine, text, quick ? 2 : 5);
  // With --profile DIR the server writes a CPU profile there when it exits (open it in Chrome's DevTools).
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = startServer({ settings: SETTINGS, nodeArgs });
  try {
    await server.initialize();
    log('editor: open the 5 MB document');
    const opening = server.diagnostics(URI, 1);
    const openStarted = performance.now();
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'typescript', version: 1, text } });
    const opened = await opening;
    const hovers = await measureHovers(server, text, quick ? 50 : 200);
    const editCount = quick ? 50 : 200;
    log(`editor: ${editCount} single-character edits`);
    const edits = await measureEdits(server, text, editCount, seed);
    const finalScan = engine.scan(edits.text, { fileName: '/bench/editor/plaidClient.ts', languageId: 'typescript', api: loadApi(engine) });
    const published = edits.lastDiagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    const expected = finalScan
      .map((f) => {
        const at = positionAt(edits.starts, f.range.start);
        return `${f.rule}@${at.line}:${at.character}`;
      })
      .sort();
    return {
      available: true,
      documentBytes: text.length,
      fullScanMs: full.ms,
      findings: full.findings,
      openMs: opened.at - openStarted,
      openDiagnostics: opened.params.diagnostics.length,
      edits: { count: edits.times.length, medianMs: median(edits.times), p95Ms: percentile(edits.times, 95), maxMs: Math.max(...edits.times) },
      finalDiagnostics: published.length,
      finalScanFindings: expected.length,
      finalMatchesFullScan: published.join('\n') === expected.join('\n'),
      hovers,
    };
  } finally {
    await server.stop();
  }
}

module.exports = { runEditor };
