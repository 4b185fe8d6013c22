'use strict';
/**
 * Preloaded into the language server by the memory benchmark (`node --expose-gc -r bench/lib/memoryProbe.js
 * dist/server.js --stdio`), never shipped. On SIGUSR2 it runs a full garbage collection and writes the process's
 * memory figures as JSON to the file named by PLAID_LENS_MEMORY_PROBE, so that the benchmark reads a size that
 * does not depend on when the collector happened to run. It writes nothing to stdout, which carries the protocol.
 */
const fs = require('node:fs');
const v8 = require('node:v8');

const target = process.env.PLAID_LENS_MEMORY_PROBE;
if (target && typeof global.gc === 'function') {
  process.on('SIGUSR2', () => {
    // Twice: the first collection can leave objects that only a second one finds unreachable (weak references).
    global.gc();
    global.gc();
    const usage = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    const report = { rss: usage.rss, heapUsed: usage.heapUsed, heapTotal: usage.heapTotal, external: usage.external, arrayBuffers: usage.arrayBuffers, mallocedMemory: heap.malloced_memory, spaces: v8.getHeapSpaceStatistics().map((space) => ({ name: space.space_name, size: space.space_size, used: space.space_used_size, physical: space.physical_space_size })) };
    fs.writeFileSync(`${target}.tmp`, JSON.stringify(report));
    fs.renameSync(`${target}.tmp`, target);
  });
}
