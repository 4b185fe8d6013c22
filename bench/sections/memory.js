'use strict';
/**
 * Server memory: resident set size (VmRSS from /proc) after opening 1,000 documents of about 10 KB and receiving
 * the diagnostics of every one, and the peak (VmHWM) on the way there. The figure the target is judged on is read
 * deterministically: after a fixed idle time, the server (run with --expose-gc and a preloaded probe) collects
 * garbage in full and reports its V8 heap, and the RSS is read right after.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer } = require('../lib/lsp');
const { SERVER } = require('../lib/paths');
const { createRandom, seedFrom } = require('../lib/prng');
const { generateFile } = require('../lib/sourceFile');

const LANGUAGE_IDS = { ts: 'typescript', js: 'javascript', py: 'python', go: 'go', java: 'java', rb: 'ruby', yaml: 'yaml', md: 'markdown' };
const DOCUMENTS = 1000;
/** Idle time after the last diagnostics before the collection, the same in every run. */
const IDLE_MS = 2000;
const PROBE = path.join(__dirname, '..', 'lib', 'memoryProbe.js');

/** The memory section. */
async function runMemory({ seed }, log) {
  if (!fs.existsSync(SERVER)) return { available: false, reason: 'dist/server.js is not built' };
  const r = createRandom(seedFrom(`memory:${seed}`));
  const documents = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const lang = r.pick(Object.keys(LANGUAGE_IDS));
    const { text } = generateFile(r, lang, r.between(8 * 1024, 12 * 1024), { plaid: r.chance(0.3) });
    documents.push({ uri: `file:///bench/memory/doc${i}.${lang}`, languageId: LANGUAGE_IDS[lang], version: 1, text });
  }
  const probeFile = path.join(os.tmpdir(), `plaid-lens-memory-${process.pid}.json`);
  fs.rmSync(probeFile, { force: true });
  process.env.PLAID_LENS_MEMORY_PROBE = probeFile;
  const server = startServer({ settings: {}, nodeArgs: ['--expose-gc', '-r', PROBE] });
  delete process.env.PLAID_LENS_MEMORY_PROBE;
  try {
    await server.initialize();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleCollected = await collect(server, probeFile);
    log(`memory: open ${DOCUMENTS} documents`);
    const all = Promise.all(documents.map((d) => server.diagnostics(d.uri, 1)));
    const started = performance.now();
    for (const textDocument of documents) server.connection.sendNotification('textDocument/didOpen', { textDocument });
    await all;
    const openAllMs = performance.now() - started;
    const loaded = server.memory();
    log(`memory: ${IDLE_MS} ms idle, then a full collection`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const collected = await collect(server, probeFile);
    log('memory: wait for the resident size to settle');
    const settled = await settle(() => server.memory().rssKb);
    return {
      available: true,
      documents: DOCUMENTS,
      totalBytes: documents.reduce((sum, d) => sum + d.text.length, 0),
      idleMs: IDLE_MS,
      idleRssKb: idleCollected.rssKb,
      idleHeapUsedKb: idleCollected.heapUsedKb,
      collectedRssKb: collected.rssKb,
      heapUsedKb: collected.heapUsedKb,
      heapTotalKb: collected.heapTotalKb,
      externalKb: collected.externalKb,
      rssKb: loaded.rssKb,
      settledRssKb: settled.rssKb,
      settledAfterMs: settled.afterMs,
      peakRssKb: loaded.peakRssKb,
      openAllMs,
    };
  } finally {
    await server.stop();
  }
}

/** Asks the probe in the server for a full collection; resolves with its heap figures and the RSS right after. */
async function collect(server, probeFile) {
  fs.rmSync(probeFile, { force: true });
  server.child.kill('SIGUSR2');
  const deadline = performance.now() + 30_000;
  while (!fs.existsSync(probeFile)) {
    if (performance.now() > deadline) throw new Error('the server did not answer the memory probe within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const report = JSON.parse(fs.readFileSync(probeFile, 'utf8'));
  fs.rmSync(probeFile, { force: true });
  const kb = (bytes) => bytes / 1024;
  return { rssKb: server.memory().rssKb, heapUsedKb: kb(report.heapUsed), heapTotalKb: kb(report.heapTotal), externalKb: kb(report.external) };
}

/**
 * V8 hands memory back only after a burst is over (its memory reducer runs a few seconds into idleness), so the
 * size the server keeps is read once two samples a second apart agree within 1%, or after 20 s.
 */
async function settle(rssKb) {
  const started = performance.now();
  let previous = rssKb();
  while (performance.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = rssKb();
    if (Math.abs(current - previous) <= previous * 0.01 && performance.now() - started >= 10_000) {
      return { rssKb: current, afterMs: performance.now() - started };
    }
    previous = current;
  }
  return { rssKb: previous, afterMs: performance.now() - started };
}

module.exports = { runMemory };
