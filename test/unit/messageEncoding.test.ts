/**
 * The stdio transport's encoding: every message parses back to what `JSON.stringify` would have sent, and the
 * publisher hands back the same diagnostic object for a finding that did not change, so its bytes are reused.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver/node';
import { reuseDiagnostics } from '../../server/src/diagnostics';
import { encodeMessage } from '../../server/src/messageEncoding';

function diagnostic(line: number, message: string, code = 'hardcoded-token'): Diagnostic {
  return {
    range: { start: { line, character: 4 }, end: { line, character: 20 } },
    severity: 2,
    code,
    codeDescription: { href: `https://example.invalid/#${code}` },
    source: 'plaid-lens',
    message,
  };
}

suite('Message encoding (stdio)', () => {
  const publications: [string, object][] = [
    ['no diagnostics', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.ts', version: 3, diagnostics: [] } }],
    ['several, with text outside ASCII', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///r%C3%A9sum%C3%A9.ts', version: 1, diagnostics: [diagnostic(0, 'a "quoted" é 😀'), diagnostic(3, 'b\nc')] } }],
    ['no version, diagnostics not last', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [diagnostic(1, 'x')], uri: 'file:///b.ts' } }],
    ['another notification', { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'résumé' } }],
    ['a response', { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '**x**' } } }],
    ['diagnostics that are not a list', { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///c.ts', diagnostics: 'none' } }],
  ];
  for (const [name, message] of publications) {
    test(`Should encode ${name} as JSON.stringify does`, () => {
      const bytes = encodeMessage(message as never);
      assert.deepEqual(JSON.parse(bytes.toString('utf8')), JSON.parse(JSON.stringify(message)));
    });
  }

  test('Should encode a diagnostic object once, and a changed one again', () => {
    const kept = diagnostic(0, 'kept');
    const first = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.ts', diagnostics: [kept] } };
    encodeMessage(first as never);
    // Changing the object after it was sent shows whether its bytes were reused (the publisher never does this).
    kept.message = 'changed';
    const again = JSON.parse(encodeMessage(first as never).toString('utf8'));
    assert.equal(again.params.diagnostics[0].message, 'kept');
    const fresh = { ...first, params: { ...first.params, diagnostics: [diagnostic(0, 'changed')] } };
    assert.equal(JSON.parse(encodeMessage(fresh as never).toString('utf8')).params.diagnostics[0].message, 'changed');
  });
});

suite('Diagnostics reused between publications', () => {
  test('Should hand back the earlier object for an equal diagnostic, in the new order, and new objects for the rest', () => {
    const a = diagnostic(1, 'a');
    const b = diagnostic(2, 'b');
    const twin = diagnostic(2, 'b');
    const previous = reuseDiagnostics(undefined, [a, b, twin]);
    const next = [diagnostic(2, 'b'), diagnostic(5, 'moved a'), diagnostic(1, 'a'), diagnostic(2, 'b'), diagnostic(2, 'b')];
    const fresh = [...next];
    reuseDiagnostics(previous, next);
    assert.equal(next[0], b);
    assert.equal(next[1], fresh[1], 'a diagnostic that changed is not replaced');
    assert.equal(next[2], a);
    assert.equal(next[3], twin, 'equal diagnostics are matched one to one');
    assert.equal(next[4], fresh[4], 'a third equal diagnostic has no earlier object left');
  });

  test('Should tell diagnostics apart by range, severity, tags, rule and message', () => {
    const base = diagnostic(1, 'm');
    const variants: Diagnostic[] = [
      { ...base, range: { ...base.range, end: { line: 1, character: 21 } } },
      { ...base, severity: 1 },
      { ...base, tags: [2] },
      { ...base, code: 'development-environment' },
      { ...base, message: 'n' },
    ];
    const previous = reuseDiagnostics(undefined, [base]);
    for (const variant of variants) {
      const next = [variant];
      reuseDiagnostics(previous, next);
      assert.equal(next[0], variant, JSON.stringify(variant));
    }
  });
});
