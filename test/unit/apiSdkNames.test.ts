/**
 * The SDK spellings derived from operationIds, confirmed against the SDKs' own generated sources when they are on this
 * machine (`$PLAID_LENS_SDK_MIRRORS`, or a `.mirror/` folder with bare clones of plaid-node, plaid-python, plaid-ruby,
 * plaid-go and plaid-java beside or above the checkout). Without them the test is skipped and says so.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadApiIndex } from '../../server/src/apiData';
import { ROOT } from './apiSources';

const MIRROR_CANDIDATES = [
  process.env.PLAID_LENS_SDK_MIRRORS,
  path.resolve(ROOT, '../.mirror'),
  path.resolve(ROOT, '../../.mirror'),
].filter((p): p is string => p !== undefined && p !== '');
const mirrors = MIRROR_CANDIDATES.find((p) => fs.existsSync(path.join(p, 'plaid+plaid-python/repo')));

/** One file of a bare clone's HEAD, or undefined when the clone lacks it. */
function show(repo: string, file: string): string | undefined {
  const r = spawnSync('git', ['--git-dir', path.join(mirrors!, repo, 'repo'), 'show', `HEAD:${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.status === 0 && r.stdout !== '' ? r.stdout : undefined;
}

function list(repo: string, dir: string): Set<string> {
  const r = spawnSync('git', ['--git-dir', path.join(mirrors!, repo, 'repo'), 'ls-tree', '--name-only', 'HEAD', `${dir}/`], { encoding: 'utf8' });
  return new Set(r.stdout.split('\n').map((l) => path.basename(l)));
}

suite('API glossary: SDK spellings against the SDK sources', () => {
  if (mirrors === undefined) {
    test(`Should confirm every SDK spelling (SDK clones not found at ${MIRROR_CANDIDATES.join(' or ')})`, function () {
      this.skip();
    });
    return;
  }
  const api = loadApiIndex(ROOT);
  const sources: [sdk: string, repo: string, file: string, method: (name: string) => RegExp][] = [
    ['node', 'plaid+plaid-node', 'dist/api.d.ts', (m) => new RegExp(`\\b${m}\\(`)],
    ['python', 'plaid+plaid-python', 'plaid/api/plaid_api.py', (m) => new RegExp(`def ${m}\\(`)],
    ['ruby', 'plaid+plaid-ruby', 'lib/plaid/api/plaid_api.rb', (m) => new RegExp(`def ${m}\\(`)],
    ['go', 'plaid+plaid-go', 'plaid/api_plaid.go', (m) => new RegExp(`\\) ${m}\\(ctx _context\\.Context`)],
    ['java', 'plaid+plaid-java', 'src/main/java/com/plaid/client/request/PlaidApi.java', (m) => new RegExp(` ${m}\\(`)],
  ];
  for (const [sdk, repo, file, method] of sources) {
    test(`Should find every ${sdk} method the derivation names`, function () {
      this.timeout(60000);
      const text = show(repo, file);
      if (text === undefined) this.skip();
      const missing = api.endpoints
        .flatMap((e) => api.sdkSpellings(e).filter((s) => s.sdk === sdk))
        .filter((s) => !method(s.method).test(text!))
        .map((s) => s.method);
      assert.deepStrictEqual(missing, []);
    });
  }

  const models: [sdk: string, repo: string, dir: string, file: (type: string) => string][] = [
    ['python', 'plaid+plaid-python', 'plaid/model', (t) => `${snake(t)}.py`],
    ['ruby', 'plaid+plaid-ruby', 'lib/plaid/models', (t) => `${snake(t)}.rb`],
    ['go', 'plaid+plaid-go', 'plaid', (t) => `model_${snake(t)}.go`],
    ['java', 'plaid+plaid-java', 'src/main/java/com/plaid/client/model', (t) => `${t}.java`],
  ];
  for (const [sdk, repo, dir, file] of models) {
    test(`Should find every ${sdk} request model the derivation names`, function () {
      this.timeout(60000);
      const files = list(repo, dir);
      const missing = api.endpoints
        .filter((e) => api.sdkSpellings(e).some((s) => s.sdk === sdk && s.requestClass !== undefined))
        .filter((e) => !files.has(file(e.requestType!)))
        .map((e) => e.requestType);
      assert.deepStrictEqual(missing, []);
    });
  }

  test('Should find Go\'s request constructor spelled New<Request>', function () {
    const model = show('plaid+plaid-go', 'plaid/model_transactions_sync_request.go');
    if (model === undefined) this.skip();
    assert.match(model!, /^func NewTransactionsSyncRequest\(/m);
  });
});

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}
