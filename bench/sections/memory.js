'use strict';
/**
 * Server memory: resident set size (VmRSS from /proc) after opening 1,000 documents of about 10 KB and receiving
 * the diagnostics of every one, and the peak (VmHWM) on the way there.
 */
const fs = require('node:fs');
const { startServer } = require('../lib/lsp');
const { SERVER } = require('../lib/paths');
const { createRandom, seedFrom } = require('../lib/prng');
const { generateFile } = require('../lib/sourceFile');

const LANGUAGE_IDS = { ts: 'typescript', js: 'javascript', py: 'python', go: 'go', java: 'java', rb: 'ruby', yaml: 'yaml', md: 'markdown' };
const DOCUMENTS = 1000;

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
  const server = startServer({ settings: {} });
  try {
    await server.initialize();
    const idle = server.memory();
    log(`memory: open ${DOCUMENTS} documents`);
    const all = Promise.all(documents.map((d) => server.diagnostics(d.uri, 1)));
    const started = performance.now();
    for (const textDocument of documents) server.connection.sendNotification('textDocument/didOpen', { textDocument });
    await all;
    const openAllMs = performance.now() - started;
    const loaded = server.memory();
    return {
      available: true,
      documents: DOCUMENTS,
      totalBytes: documents.reduce((sum, d) => sum + d.text.length, 0),
      idleRssKb: idle.rssKb,
      rssKb: loaded.rssKb,
      peakRssKb: loaded.peakRssKb,
      openAllMs,
    };
  } finally {
    await server.stop();
  }
}

module.exports = { runMemory };
