'use strict';
/**
 * What the figures were measured on: CPU, cores, memory, OS, Node, the load when the run started, and the commit.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const { ROOT } = require('./paths');

/** A description of this machine and checkout. */
function describeMachine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux; os.cpus() will do
  }
  let system = `${os.type()} ${os.release()}`;
  try {
    system = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] ?? system;
  } catch {
    // keep the kernel name
  }
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    system,
    node: process.version,
    loadAverage: os.loadavg()[0],
    commit: commit || undefined,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

module.exports = { describeMachine };
