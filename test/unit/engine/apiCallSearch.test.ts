/**
 * Request classes are found from each `Request`, method calls from each `(`, instead of trying every capital or
 * every `.`; the results must be what the expressions `\b(New)?([A-Z][A-Za-z0-9]*Request)\b` and
 * `\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(` find, for the whole text and for any window of it.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { methodCallsIn, requestClassesIn, type MethodCall, type RequestClassName } from '../../../server/src/engine/apiCalls';

const REQUEST_CLASS = /\b(New)?([A-Z][A-Za-z0-9]*Request)\b/g;

/** Texts joined from `pieces`, each with a window `[from, to)` of it; `to` may lie one past the text's end. */
function textAndWindow(pieces: string[], maxLength: number): fc.Arbitrary<{ text: string; from: number; to: number }> {
  return fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength }), fc.nat(), fc.nat()).map(([parts, a, b]) => {
    const text = parts.join('');
    const from = a % (text.length + 1);
    return { text, from, to: from + (b % (text.length + 2 - from)) };
  });
}

/** What the expression finds in the whole text whose word starts in `[from, to)`. */
function byExpression(text: string, from: number, to: number): RequestClassName[] {
  return [...text.matchAll(REQUEST_CLASS)]
    .filter((m) => m.index >= from && m.index < to)
    .map((m) => ({ start: m.index + (m[1]?.length ?? 0), name: m[2]!, goConstructor: m[1] !== undefined }));
}

suite('request classes', () => {
  const rows: [name: string, text: string, expected: string[]][] = [
    ['a request class', 'r = TransactionsSyncRequest(', ['TransactionsSyncRequest']],
    ['a Go constructor', 'plaid.NewTransactionsSyncRequest(t)', ['New:TransactionsSyncRequest']],
    ['New followed by a small letter is part of the name', 'NewsletterRequest()', ['NewsletterRequest']],
    ['New and Request alone', 'NewRequest()', ['NewRequest']],
    ['Request alone is no class', 'Request()', []],
    ['a shortest class', 'ARequest', ['ARequest']],
    ['a lower-case start', 'myRequest', []],
    ['an underscore in the word', 'My_Request Foo_BarRequest', []],
    ['a longer word after Request', 'FooRequestBar', []],
    ['two Requests in one word', 'FooRequestRequest', ['FooRequestRequest']],
    ['a digit in the word', 'Item2Request', ['Item2Request']],
    ['non-ASCII letters end a word', '\u00e9FooRequest\u00e9', ['FooRequest']],
    ['Ruby and TypeScript spellings', 'Plaid::ItemGetRequest.new(x); const r: ItemGetRequest = {}', ['ItemGetRequest', 'ItemGetRequest']],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => {
      const found = requestClassesIn(text).map((c) => (c.goConstructor ? `New:${c.name}` : c.name));
      assert.deepStrictEqual(found, expected);
      assert.deepStrictEqual(requestClassesIn(text), byExpression(text, 0, text.length));
    });
  }

  test('equal to the expression for any text and window (seeded)', () => {
    const pieces = ['Request', 'New', 'Item', 'Get', 'A', 'a', '2', '_', ' ', '.', '(', 'Plaid::', '\u00e9', 'requests', 'REQUEST'];
    fc.assert(
      fc.property(textAndWindow(pieces, 30), ({ text, from, to }) => {
        assert.deepStrictEqual(requestClassesIn(text, from, to), byExpression(text, from, to));
      }),
      { numRuns: 1500 },
    );
  });
});

const METHOD = /\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/g;

/** What the expression finds whose `.` starts at or after `from - 1` and before `to`, with the name at or after `from`. */
function callsByExpression(text: string, from: number, to: number): MethodCall[] {
  return [...text.matchAll(METHOD)]
    .filter((m) => m.index >= from - 1 && m.index < to && m.index + m[0].indexOf(m[1]!) >= from)
    .map((m) => ({ start: m.index + m[0].indexOf(m[1]!), name: m[1]!, open: m.index + m[0].length - 1 }));
}

suite('method calls', () => {
  const rows: [name: string, text: string, expected: string[]][] = [
    ['a call', 'client.transactionsSync({})', ['transactionsSync']],
    ['blanks and lines around the name', 'client.\n  transactions_sync \n (x)', ['transactions_sync']],
    ['a chain', 'a.b().c(d.e())', ['b', 'c', 'e']],
    ['a name starting with a digit is none', 'x.5abc()', []],
    ['a call without a dot is none', 'transactionsSync()', []],
    ['a property is no call', 'client.transactionsSync;', []],
    ['two parentheses', 'a.b((c))', ['b']],
    ['a no-break space before the parenthesis', 'a.b\u00a0()', ['b']],
    ['a dot at the start', '.x()', ['x']],
  ];
  for (const [name, text, expected] of rows) {
    test(name, () => {
      assert.deepStrictEqual(methodCallsIn(text).map((c) => c.name), expected);
      assert.deepStrictEqual(methodCallsIn(text), callsByExpression(text, 0, text.length));
    });
  }

  test('equal to the expression for any text and window (seeded)', () => {
    const pieces = ['.', '(', ')', 'a', 'B', '_', '1', ' ', '\n', '\u00a0', 'client', 'sync', '..', '.('];
    fc.assert(
      fc.property(textAndWindow(pieces, 40), ({ text, from, to }) => {
        assert.deepStrictEqual(methodCallsIn(text, from, to), callsByExpression(text, from, to));
      }),
      { numRuns: 1500 },
    );
  });
});

suite('method calls of some lengths', () => {
  const rows: [name: string, text: string, shortest: number, longest: number, expected: string[]][] = [
    ['shorter names are left out', 'a.get(x).transactionsSync({})', 7, 40, ['transactionsSync']],
    ['a name exactly the shortest length', 'a.itemGet()', 7, 40, ['itemGet']],
    ['a name one shorter', 'a.itemGe()', 7, 40, []],
    ['a name exactly the longest length', 'a.abcdef()', 1, 6, ['abcdef']],
    ['a name one longer', 'a.abcdefg()', 1, 6, []],
    ['blanks do not count', 'a. itemGet ()', 7, 7, ['itemGet']],
    ['no length fits', 'a.b().c()', 2, 1, []],
  ];
  for (const [name, text, shortest, longest, expected] of rows) {
    test(name, () => {
      assert.deepStrictEqual(methodCallsIn(text, 0, text.length, { shortest, longest }).map((c) => c.name), expected);
    });
  }

  test('the calls of the whole search whose name is that long, for any text, window and lengths (seeded)', () => {
    const pieces = ['.', '(', ')', 'a', 'B', '_', '1', ' ', '\n', 'client', 'sync', 'transactionsSync', '..', '.('];
    fc.assert(
      fc.property(textAndWindow(pieces, 40), fc.nat(20), fc.nat(20), ({ text, from, to }, shortest, span) => {
        const longest = shortest + span;
        const all = callsByExpression(text, from, to).filter((c) => c.name.length >= shortest && c.name.length <= longest);
        assert.deepStrictEqual(methodCallsIn(text, from, to, { shortest, longest }), all);
      }),
      { numRuns: 1500 },
    );
  });
});
