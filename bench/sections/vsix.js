'use strict';
/**
 * VSIX size: the extension packaged the way `npm run package` does (its `vsce package …` arguments), written into
 * the cache so the measurement leaves dist/ alone; an existing dist/plaid-lens.vsix is the fallback.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { BUILD, ROOT, VSIX } = require('../lib/paths');

/** The `vsce package` arguments of the package script, with the output redirected to `output`. */
function packageArguments(output) {
  const script = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts?.package ?? '';
  const at = script.indexOf('vsce package');
  if (at < 0) return undefined;
  const args = script.slice(at + 'vsce '.length).split('&&')[0].trim().split(/\s+/);
  const out = args.findIndex((a) => a === '-o' || a === '--out');
  if (out >= 0) args.splice(out, 2);
  return [...args, '-o', output];
}

/** The VSIX section. */
async function runVsix(_options, log) {
  const vsce = path.join(ROOT, 'node_modules', '.bin', 'vsce');
  const output = path.join(BUILD, 'plaid-lens.vsix');
  const args = packageArguments(output);
  if (args && fs.existsSync(vsce) && fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    log('vsix: vsce package');
    fs.mkdirSync(BUILD, { recursive: true });
    fs.rmSync(output, { force: true });
    const result = spawnSync(vsce, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (result.status === 0 && fs.existsSync(output)) {
      return { available: true, bytes: fs.statSync(output).size, source: `vsce ${args.join(' ').replace(BUILD, '$CACHE/bench-build')}` };
    }
    log(`vsix: packaging failed: ${(result.stderr || result.stdout || '').trim().split('\n').pop()}`);
  }
  if (fs.existsSync(VSIX)) return { available: true, bytes: fs.statSync(VSIX).size, source: 'dist/plaid-lens.vsix' };
  return { available: false, reason: 'not built' };
}

module.exports = { runVsix };
