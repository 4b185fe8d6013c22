/**
 * Documents held in pieces behave exactly like the library's documents under any sequence of edits (text, line
 * index, positions and offsets), and an incremental re-scan of them equals a full scan of their text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rescan, scan, scanSnapshot, type ScanSnapshot } from '../../server/src/engine';
import { PieceDocument } from '../../server/src/pieceDocument';
import { PieceText } from '../../server/src/pieceText';

/** Fixed by default so a run is repeatable; a failure prints it, and PLAID_LENS_FUZZ_SEED replays another. */
const SEED = Number(process.env.PLAID_LENS_FUZZ_SEED) || 20261205;
const RUNS = Number(process.env.PLAID_LENS_FUZZ_RUNS) || 150;

const UUID = '4f2a9c1e-7b3d-4e8a-9c2b-1d3e5f7a9b0c';
const PARTS = ['a', 'bc', '\n', '\r\n', '\r', ' ', '😀', 'é', `access-sandbox-${UUID}`, 'plaid', 'x'.repeat(5000), 'line\n'.repeat(400)];
const textArb = fc.array(fc.constantFrom(...PARTS), { maxLength: 30 }).map((p) => p.join(''));
/** An edit as fractions of the current length, so it always lands inside the text. */
const editArb = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), textArb);

suite('PieceText', () => {
  test('Should read, slice and edit like a string, across pieces', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { maxLength: 12 }), (initial, edits) => {
        let text = initial;
        let pieces = PieceText.of(initial);
        for (const [a, b, inserted] of edits) {
          const start = Math.floor(a * text.length);
          const end = start + Math.floor(b * (text.length - start));
          text = text.slice(0, start) + inserted + text.slice(end);
          pieces = pieces.edit(start, end, inserted);
          assert.equal(pieces.length, text.length);
          assert.equal(pieces.slice(start, Math.min(text.length, start + 7000)), text.slice(start, start + 7000));
          assert.equal(pieces.charCodeAt(start), text.length > start ? text.charCodeAt(start) : NaN);
        }
        assert.equal(pieces.toString(), text);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

suite('PieceDocument', () => {
  test('Should match the library document after any edits: text, lines, positions and offsets', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { maxLength: 10 }), (initial, edits) => {
        let expected = TextDocument.create('file:///a.ts', 'typescript', 1, initial);
        const actual = PieceDocument.create('file:///a.ts', 'typescript', 1, initial);
        let version = 1;
        for (const [a, b, inserted] of edits) {
          const length = expected.getText().length;
          const start = expected.positionAt(Math.floor(a * length));
          const end = expected.positionAt(Math.floor(a * length) + Math.floor(b * (length - Math.floor(a * length))));
          const change = { range: { start, end }, text: inserted };
          expected = TextDocument.update(expected, [change], ++version);
          actual.update([change], version);
          assert.equal(actual.getText(), expected.getText());
          assert.equal(actual.lineCount, expected.lineCount);
          assert.equal(actual.version, expected.version);
          const text = expected.getText();
          for (const offset of [0, 1, Math.floor(text.length / 3), Math.floor(text.length / 2), text.length - 1, text.length, text.length + 5]) {
            assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `positionAt(${offset})`);
          }
          for (let line = -1; line <= expected.lineCount; line += Math.max(1, Math.floor(expected.lineCount / 7))) {
            for (const character of [0, 1, 3, 10_000]) {
              assert.equal(actual.offsetAt({ line, character }), expected.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
            }
            const range = { start: { line, character: 1 }, end: { line: line + 1, character: 2 } };
            assert.equal(actual.getText(range), expected.getText(range));
          }
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('Should replace the whole text on a change without a range', () => {
    const document = PieceDocument.create('file:///a.ts', 'typescript', 1, 'one\ntwo');
    document.update([{ text: 'three\r\nfour\rfive' }], 2);
    assert.equal(document.getText(), 'three\r\nfour\rfive');
    assert.equal(document.lineCount, 3);
    assert.deepEqual(document.positionAt(12), { line: 2, character: 0 });
  });
});

suite('PieceDocument at rest', () => {
  /** Every read a feature makes, as a comparable record. */
  function reads(document: PieceDocument | TextDocument): unknown[] {
    const text = document.getText();
    const offsets = [0, 1, Math.floor(text.length / 2), text.length - 1, text.length];
    const lines = [0, Math.floor(document.lineCount / 2), document.lineCount - 1];
    return [
      text,
      document.lineCount,
      offsets.map((offset) => document.positionAt(offset)),
      lines.map((line) => document.offsetAt({ line, character: 2 })),
      lines.map((line) => document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })),
    ];
  }

  test('Should read the same at rest as before, for any text (Latin-1 or not)', () => {
    fc.assert(
      fc.property(textArb, (initial) => {
        const expected = TextDocument.create('file:///a.ts', 'typescript', 1, initial);
        const document = PieceDocument.create('file:///a.ts', 'typescript', 1, initial);
        const rested = document.rest();
        assert.equal(rested, initial.length <= 256 * 1024);
        assert.equal(document.resting, rested);
        assert.deepEqual(reads(document), reads(expected));
        // A read expands the text for a while; resting again drops the expansion and reads the same.
        document.rest();
        assert.deepEqual(reads(document), reads(expected));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('Should apply edits to a resting document like the library does, and never rest once edited', () => {
    fc.assert(
      fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let expected = TextDocument.create('file:///a.ts', 'typescript', 1, initial);
        const document = PieceDocument.create('file:///a.ts', 'typescript', 1, initial);
        document.rest();
        let version = 1;
        for (const [a, b, inserted] of edits) {
          const length = expected.getText().length;
          const start = Math.floor(a * length);
          const end = start + Math.floor(b * (length - start));
          const change = { range: { start: expected.positionAt(start), end: expected.positionAt(end) }, text: inserted };
          expected = TextDocument.update(expected, [change], ++version);
          document.update([change], version);
          assert.equal(document.rest(), false, 'an edited document rested');
          assert.equal(document.resting, false);
          assert.deepEqual(reads(document), reads(expected));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test('Should keep a text too long to expand at once as it is', () => {
    const long = 'const x = 1;\n'.repeat(30_000);
    const document = PieceDocument.create('file:///a.ts', 'typescript', 1, long);
    assert.equal(document.rest(), false);
    assert.equal(document.resting, false);
    assert.equal(document.getText(), long);
  });
});

suite('rescan of a document in pieces', () => {
  test('Should equal a full scan after any edits', () => {
    const filler = 'const total = items.reduce((sum, item) => sum + item.price, 0);\n'.repeat(600);
    const base = `import { PlaidApi } from 'plaid';\n${filler}const t = 'access-sandbox-${UUID}';\n${filler}const u = 'link-production-${UUID}';\n${filler}`;
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const document = PieceDocument.create('file:///a.ts', 'typescript', 1, base);
        let snapshot: ScanSnapshot = scanSnapshot(document.text, { fileName: 'a.ts' });
        let version = 1;
        for (const [a, b, inserted] of edits) {
          const length = document.text.length;
          const start = Math.floor(a * length);
          const end = start + Math.floor(b * Math.min(200, length - start));
          const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: inserted };
          const offsets = { start: document.offsetAt(change.range.start), end: document.offsetAt(change.range.end), text: inserted };
          document.update([change], ++version);
          snapshot = rescan(snapshot, [offsets], { fileName: 'a.ts' }, document.text);
          assert.deepEqual(snapshot.findings, scan(document.getText(), { fileName: 'a.ts' }));
        }
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  test('Should re-scan a one-character edit without joining the text', () => {
    const filler = 'const total = items.reduce((sum, item) => sum + item.price, 0);\n'.repeat(2000);
    const base = `import { PlaidApi } from 'plaid';\n${filler}const t = 'access-sandbox-${UUID}';\n${filler}`;
    const before = scanSnapshot(PieceText.of(base), { fileName: 'a.ts' });
    let joined = 0;
    const edited = PieceText.of(base).edit(70_000, 70_000, 'x');
    const source = { length: edited.length, slice: (a: number, b: number) => edited.slice(a, b), toString: () => (joined++, edited.toString()) };
    const after = rescan(before, [{ start: 70_000, end: 70_000, text: 'x' }], { fileName: 'a.ts' }, source);
    assert.equal(after.mode, 'incremental');
    assert.equal(joined, 0, 'the text was joined');
    assert.deepEqual(after.findings, scan(edited.toString(), { fileName: 'a.ts' }));
  });
});
