/**
 * The precision bar of the API rules: Plaid's own quickstart and sample app hold no unknown request field, and the
 * only deprecated call among them is the quickstart's use of `/income/verification/paystubs/get`. Runs where bare
 * clones of plaid/quickstart and plaid/pattern are present (`$PLAID_LENS_SDK_MIRRORS`, or `.mirror/` beside or above
 * the checkout); skipped otherwise.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadApiIndex } from '../../server/src/apiData';
import { RULE_IDS, scan, type RuleId, type SeverityLevel } from '../../server/src/engine';
import { ROOT } from './apiSources';

const CANDIDATES = [process.env.PLAID_LENS_SDK_MIRRORS, path.resolve(ROOT, '../.mirror'), path.resolve(ROOT, '../../.mirror')].filter(
  (p): p is string => p !== undefined && p !== '',
);
const mirrors = CANDIDATES.find((p) => fs.existsSync(path.join(p, 'plaid+quickstart/repo')) && fs.existsSync(path.join(p, 'plaid+pattern/repo')));

function git(repo: string, ...args: string[]): string {
  return spawnSync('git', ['--git-dir', path.join(mirrors!, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout;
}

suite('API rules on Plaid\'s quickstart and sample app', () => {
  if (mirrors === undefined) {
    test(`Should find nothing wrong in them (clones not found at ${CANDIDATES.join(' or ')})`, function () {
      this.skip();
    });
    return;
  }
  test('Should report no unknown field and only the one deprecated call', function () {
    this.timeout(120000);
    const api = loadApiIndex(ROOT);
    const rules = Object.fromEntries(RULE_IDS.map((id) => [id, 'off'])) as Record<RuleId, SeverityLevel>;
    delete (rules as Partial<typeof rules>)['deprecated-api'];
    delete (rules as Partial<typeof rules>)['unknown-api-field'];
    const found: string[] = [];
    let files = 0;
    for (const repo of ['plaid+quickstart', 'plaid+pattern']) {
      for (const file of git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n')) {
        if (!/\.(jsx?|tsx?|py|rb|go|java)$/.test(file) || /node_modules|\.min\./.test(file)) continue;
        files++;
        const text = git(repo, 'show', `HEAD:${file}`);
        for (const f of scan(text, { fileName: file, api, rules })) found.push(`${repo} ${file} ${f.rule} ${text.slice(f.range.start, f.range.end)}`);
      }
    }
    assert.ok(files > 50, `${files} files`);
    assert.deepStrictEqual(found, ['plaid+quickstart node/index.js deprecated-api incomeVerificationPaystubsGet']);
  });
});
