import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { maskSecret, maskText, maskToken, scan, type Finding } from '../../../server/src/engine';
import { CLIENT_ID, middle12, SECRET, UUID } from './helpers';

// Compiled to out/test/unit/engine/, so the repository root is four levels up.
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/engine');

/** Values planted in a fixture: every lowercase or uppercase UUID, and every 24- or 30-digit hex run. */
function plantedValues(text: string): string[] {
  const uuids = text.match(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/g) ?? [];
  const hex = text.match(/(?<![A-Za-z0-9])(?:[a-f0-9]{30}|[a-f0-9]{24})(?![A-Za-z0-9])/g) ?? [];
  return [...uuids, ...hex];
}

function contains(outer: { start: number; end: number }, start: number, end: number): boolean {
  return outer.start <= start && end <= outer.end;
}

suite('masking: no finding of any fixture repeats a planted value', () => {
  const files = fs.readdirSync(FIXTURES).sort();

  test('the fixture folder holds a file for every language the tables cover', () => {
    const kinds = ['.ts', '.py', '.go', '.java', '.rb', '.yaml', '.json', '.env.example', '.md', '.sh'];
    for (const kind of kinds) assert.ok(files.some((f) => f.endsWith(kind)), `no fixture ending in ${kind}`);
  });

  for (const file of files) {
    test(`${file}: every planted value is found, and no finding holds it whole or its middle`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const findings = scan(text, { fileName: file });
      const planted = plantedValues(text);
      assert.ok(planted.length >= 3, `only ${planted.length} planted values`);
      for (const value of planted) {
        const at = text.indexOf(value);
        assert.ok(
          findings.some((f) => contains(f.token?.range ?? f.range, at, at + value.length)),
          `${file}: no finding covers ${maskSecret(value)}`,
        );
      }
      for (const f of findings) assertNoLeak(f, planted);
    });
  }
});

function assertNoLeak(f: Finding, planted: string[]): void {
  const serialised = JSON.stringify(f);
  for (const value of planted) {
    assert.ok(!serialised.includes(value), `${f.rule} finding holds ${maskSecret(value)} whole: ${f.message}`);
    assert.ok(!serialised.toLowerCase().includes(middle12(value).toLowerCase()), `${f.rule} finding holds the middle of ${maskSecret(value)}`);
  }
}

suite('maskSecret', () => {
  const rows: [input: string, expected: string][] = [
    [SECRET, '8f3b…0c9d'],
    [CLIENT_ID, '5f1e…a5b4'],
    ['0123456789abcdef0123', '01…23'],
    ['abcdefghi', 'ab…hi'],
    ['abcdefgh', '••••••••'],
    ['abc', '••••'],
    ['', '••••'],
  ];
  for (const [input, expected] of rows) {
    test(`${JSON.stringify(input.length > 12 ? input.slice(0, 4) + '…' : input)} (${input.length} characters) → ${expected}`, () => {
      assert.strictEqual(maskSecret(input), expected);
      if (input.length > 8) assert.ok(maskSecret(input).length < input.length);
    });
  }
});

suite('maskToken', () => {
  const rows: [input: string, tailStart: number | undefined, expected: string][] = [
    [`access-sandbox-${UUID}`, undefined, 'access-sandbox-…9b0c'],
    [`access-sandbox-${UUID}`, 15, 'access-sandbox-…9b0c'],
    [`asset-report-production-${UUID}`, undefined, 'asset-report-production-…9b0c'],
    [`third-party-user-sandbox-${UUID}`, 25, 'third-party-user-sandbox-…9b0c'],
    [`access-prod-${UUID}`, undefined, 'access-prod-…9b0c'],
    ['access-sandbox-short', undefined, 'access-sandbox-…'],
    ['credit-relay-sandbox-ABCDEFGHJKMNPQ', 21, 'credit-relay-sandbox-…MNPQ'],
    [SECRET, undefined, '8f3b…0c9d'],
  ];
  for (const [input, tailStart, expected] of rows) {
    test(`${expected} keeps the type and environment and at most four tail characters`, () => {
      const masked = maskToken(input, tailStart);
      assert.strictEqual(masked, expected);
      assert.ok(!masked.includes(middle12(input)));
    });
  }
});

suite('maskText', () => {
  const rows: [name: string, input: string, expected: string][] = [
    ['a token in a log line', `exchanged access-sandbox-${UUID} ok`, 'exchanged access-sandbox-…9b0c ok'],
    ['an uppercase token', `got ACCESS-SANDBOX-${UUID.toUpperCase()}`, 'got ACCESS-SANDBOX-…9B0C'],
    ['a capitalised type', `Access-sandbox-${UUID}`, 'Access-sandbox-…9b0c'],
    ['a secret', `secret=${SECRET}`, 'secret=8f3b…0c9d'],
    ['a client id', `client ${CLIENT_ID}.`, 'client 5f1e…a5b4.'],
    ['two values on a line', `${SECRET} and public-production-${UUID}`, '8f3b…0c9d and public-production-…9b0c'],
    ['a header name stays readable', 'access-control-allow-origin: *', 'access-control-allow-origin: *'],
    ['a CSS class stays readable', 'link-production-banner', 'link-production-banner'],
    ['a short hex word stays readable', 'commit a94a8fe', 'commit a94a8fe'],
    ['plain prose stays readable', 'Development was decommissioned.', 'Development was decommissioned.'],
  ];
  for (const [name, input, expected] of rows) {
    test(name, () => assert.strictEqual(maskText(input), expected));
  }
});
