import * as assert from 'node:assert/strict';
import { getEntry, tokenEntries } from '../../../server/src/engine';
import { lifecycleGraph, lifecycleSvg, lifetimeLabel } from '../../../client/src/lifecycleSvg';
import { renderInline, renderMarkdown } from '../../../client/src/markdown';

suite('Rendering for webviews', () => {
  const MARKDOWN_CASES = [
    { name: 'escapes markup in text', input: 'a <script>alert(1)</script> & b', expected: '<p>a &lt;script&gt;alert(1)&lt;/script&gt; &amp; b</p>' },
    { name: 'keeps code spans literal and escaped', input: 'shape `access-<env>-<uuid>` here', expected: '<p>shape <code>access-&lt;env&gt;-&lt;uuid&gt;</code> here</p>' },
    { name: 'renders strong and emphasis', input: '**never** store *this*', expected: '<p><strong>never</strong> store <em>this</em></p>' },
    { name: 'links https only', input: '[docs](https://plaid.com/docs) [x](javascript:alert(1))', expected: '<p><a href="https://plaid.com/docs">docs</a> [x](javascript:alert(1))</p>' },
    { name: 'escapes quotes inside a link target', input: '[a](https://x.test/"onload="1)', expected: '<p><a href="https://x.test/&quot;onload=&quot;1">a</a></p>' },
    { name: 'joins a paragraph and starts a list after it', input: 'Pitfalls:\n- one\n- two\n  continued', expected: '<p>Pitfalls:</p>\n<ul><li>one</li><li>two continued</li></ul>' },
    { name: 'splits paragraphs on blank lines', input: 'first\nline\n\nsecond', expected: '<p>first line</p>\n<p>second</p>' },
    { name: 'renders ordered lists', input: '1. a\n2. b', expected: '<ol><li>a</li><li>b</li></ol>' },
  ];
  for (const { name, input, expected } of MARKDOWN_CASES) {
    test(`Markdown: should render so that it ${name}`, () => {
      assert.equal(renderMarkdown(input), expected);
    });
  }

  test('Markdown: should leave no raw angle bracket of the input in any glossary body', () => {
    for (const entry of tokenEntries) {
      const html = renderMarkdown(entry.body) + renderInline(entry.summary);
      assert.ok(!/<(?!\/?(p|ul|ol|li|code|strong|em|a|h[3-6])\b)/.test(html), `${entry.id} renders only known tags`);
    }
  });

  test('Lifecycle: should draw one arrow per flow edge of the glossary, labelled with its call', () => {
    const { edges } = lifecycleGraph();
    const expected = tokenEntries.flatMap((e) => (e.token.flow ?? []).map((f) => `${e.id}>${f.to}>${f.via}`));
    assert.deepEqual(edges.map((e) => `${e.from}>${e.to}>${e.via}`).sort(), expected.sort());
    const svg = lifecycleSvg();
    for (const edge of edges) assert.ok(svg.includes(`>${edge.via.replace(/&/g, '&amp;')}</text>`), `the arrow ${edge.from} → ${edge.to} is labelled`);
    assert.equal((svg.match(/<g class="edge">/g) ?? []).length, edges.length);
  });

  test('Lifecycle: should put each token type below the one it comes from, and lone types last', () => {
    const { nodes, edges } = lifecycleGraph();
    const layer = new Map(nodes.map((n) => [n.entry.id, n.layer]));
    for (const edge of edges) assert.ok(layer.get(edge.to)! > layer.get(edge.from)!, `${edge.to} below ${edge.from}`);
    const lone = nodes.filter((n) => n.standalone);
    const deepest = Math.max(...nodes.filter((n) => !n.standalone).map((n) => n.layer));
    for (const node of lone) assert.ok(node.layer > deepest, `${node.entry.id} in the last row`);
    assert.deepEqual(nodes.map((n) => n.entry.id).sort(), tokenEntries.map((e) => e.id).sort());
  });

  test('Lifecycle: should show every token type with its lifetime and open its entry on click', () => {
    const svg = lifecycleSvg({ highlight: 'public-token' });
    for (const entry of tokenEntries) {
      assert.ok(svg.includes(`data-entry="${entry.id}"`), `${entry.id} is clickable`);
      assert.ok(svg.includes(lifetimeLabel(entry.token.lifetime)), `${entry.id} shows its lifetime`);
    }
    assert.match(svg, /class="node short-lived highlight" data-entry="public-token"/);
    assert.ok(!/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(svg), 'no remote reference in the picture');
  });

  test('Lifecycle: should word lifetimes from the glossary minutes', () => {
    assert.equal(lifetimeLabel(getEntry('access-token')!.token!.lifetime), 'never expires');
    assert.equal(lifetimeLabel(getEntry('link-token')!.token!.lifetime), 'expires after 4 hours, 30 minutes in update mode');
    assert.equal(lifetimeLabel(getEntry('public-token')!.token!.lifetime), 'expires after 30 minutes');
  });
});
