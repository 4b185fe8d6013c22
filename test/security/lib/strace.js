'use strict';
/**
 * Running a command under `strace -f -e trace=socket,connect,execve` and reading the log: which socket families
 * were created, which addresses connected to, and which programs were executed.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

/** The system calls traced: sockets and connections (no network), and execve (nothing executed). */
const TRACED_CALLS = 'socket,connect,execve';

/** The strace arguments that write the log of a run, children and threads included, to `logFile`. */
function straceWrapper(logFile) {
  return ['strace', '-f', '-e', `trace=${TRACED_CALLS}`, '-o', logFile];
}

/** Throws a clear error when strace is not installed: the proof must not be skipped without anyone noticing. */
function requireStrace() {
  const probe = spawnSync('strace', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'strace is not installed, so the no-network proof cannot run. Install the Debian package `strace` ' +
        '(test/setup-system.sh does, as root) and run the suite again.',
    );
  }
}

/** What a strace log shows. */
function parseStraceLog(text) {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const families = new Set();
  const inet = [];
  const executed = [];
  for (const line of lines) {
    const socket = /\bsocket(?:pair)?\((\w+)/.exec(line);
    if (socket) families.add(socket[1]);
    if (/\bsocket(?:pair)?\((?:AF|PF)_INET6?\b/.test(line) || /\bconnect\(\d+, \{sa_family=AF_INET6?\b/.test(line)) inet.push(line);
    const exec = /\bexecve\("([^"]*)"/.exec(line);
    if (exec) executed.push({ program: exec[1], line });
  }
  return { lines, families: [...families].sort(), inet, executed };
}

/** Reads and parses a log file, failing clearly when strace did not write one (for example, ptrace is refused). */
function readStraceLog(logFile) {
  if (!fs.existsSync(logFile)) throw new Error(`strace wrote no log to ${logFile}; is ptrace allowed here?`);
  return parseStraceLog(fs.readFileSync(logFile, 'utf8'));
}

module.exports = { straceWrapper, requireStrace, parseStraceLog, readStraceLog };
