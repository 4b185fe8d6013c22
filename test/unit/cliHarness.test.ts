/**
 * The CLI tests' own helpers: planted values have the glossary's shapes, leaks are found only whole, and temporary
 * trees are written and removed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getEntry } from '../../server/src/engine';
import { leakedValues, makeTempDir, plantValues, removeTree, writeTree } from './cliHarness';

suite('CLI test harness', () => {
  test('Should plant values in the shapes the glossary gives for secrets, client IDs and token tails', () => {
    const v = plantValues();
    assert.equal(v.secret.length, getEntry('secret')!.credential!.hexLength);
    assert.equal(v.clientId.length, getEntry('client-id')!.credential!.hexLength);
    for (const uuid of [v.accessUuid, v.publicUuid]) assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('Should find a planted value only when it appears whole', () => {
    const v = plantValues();
    const masked = `${v.secret.slice(0, 4)}…${v.secret.slice(-4)}`;
    assert.deepEqual(leakedValues(`masked ${masked}`, [v.secret]), []);
    assert.deepEqual(leakedValues(`leaked ${v.secret}!`, [v.secret, v.clientId]), [v.secret]);
  });

  test('Should write a tree of text and bytes and remove it even without permissions', () => {
    const root = makeTempDir('harness');
    writeTree(root, { 'a/b.txt': 'text', 'c.bin': Buffer.from([0, 1, 2]) });
    assert.equal(fs.readFileSync(path.join(root, 'a/b.txt'), 'utf8'), 'text');
    assert.deepEqual([...fs.readFileSync(path.join(root, 'c.bin'))], [0, 1, 2]);
    fs.chmodSync(path.join(root, 'a'), 0o000);
    removeTree(root);
    assert.equal(fs.existsSync(root), false);
  });
});
