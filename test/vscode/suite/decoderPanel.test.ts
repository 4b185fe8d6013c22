import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { decodeToken } from '../../../server/src/engine';
import { decoderPage, RawTokenHandoff } from '../../../client/src/decoderPanel';

/** All a page needs from a webview is its CSP source. */
const WEBVIEW = { cspSource: 'vscode-webview://test' } as vscode.Webview;
const UUID = '6c1d8e2f-4a7b-4e9c-8d3a-2b1c0f9e8d7a';

suite('Decoder panel', () => {
  test('Should give each suggestion once, in the problem message only', () => {
    const html = decoderPage(WEBVIEW, decodeToken(`acess-prod-${UUID}`), '1');
    const problems = /<ul class="problems">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    assert.equal((problems.match(/<li>/g) ?? []).length, 2, problems);
    assert.equal((problems.match(/<code>access<\/code>/g) ?? []).length, 1, problems);
    assert.equal((problems.match(/<code>production<\/code>/g) ?? []).length, 1, problems);
    assert.ok(!problems.includes(' try '), problems);
  });

  test('Should stamp the page with its render id and send it back with ready', () => {
    const html = decoderPage(WEBVIEW, decodeToken(`access-sandbox-${UUID}`), '7');
    assert.match(html, /<main data-masked="access-sandbox-…8d7a" data-render="7">/);
    assert.match(html, /postMessage\(\{ type: 'ready', render \}\)/);
    assert.ok(!html.includes(UUID), 'the page holds the token masked only');
  });

  test('Should hand the token only to the current render, once', () => {
    const handoff = new RawTokenHandoff();
    const first = handoff.offer('first-token');
    const second = handoff.offer('second-token');
    assert.notEqual(first, second);
    assert.equal(handoff.take(first), undefined, 'a stale page that reports ready late gets nothing');
    assert.equal(handoff.take(undefined), undefined, 'a ready without a render id gets nothing');
    assert.equal(handoff.take(second), 'second-token');
    assert.equal(handoff.take(second), undefined, 'the token is given out once');
    const third = handoff.offer('third-token');
    handoff.clear();
    assert.equal(handoff.take(third), undefined, 'a closed panel forgets the token');
  });
});
