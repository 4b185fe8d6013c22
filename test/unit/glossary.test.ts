import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import {
  entries as engineEntries,
  environmentSegments,
  findEntry,
  getPrefix,
  knownPrefixes,
  tokenEntries,
  type GlossaryCategory,
  type GlossaryEntry,
  type OtherPrefix,
} from '../../server/src/engine/glossary';
import { copiedPhrases, phrasesOf } from './copiedPhrases';

// Compiled to out/test/unit/, so the repository root is three levels up.
const ROOT = path.resolve(__dirname, '../../..');

interface GlossaryFile { entries: GlossaryEntry[]; otherPrefixes: OtherPrefix[] }

function readJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
}

const schema = readJson('glossary/glossary.schema.json') as object;
const data = readJson('glossary/plaid-glossary.json') as GlossaryFile;
const byId = new Map(data.entries.map((e) => [e.id, e]));

function entry(id: string): GlossaryEntry {
  const found = byId.get(id);
  assert.ok(found, `no glossary entry "${id}"`);
  return found;
}

const [TOKENS, ENVIRONMENTS, OTHER] = ['tokens-identifiers-keys', 'environments', 'other'] as const;

/** Every term of the seed glossary, in the seed's order. */
const EXPECTED_TERMS: readonly [id: string, term: string, category: GlossaryCategory][] = [
  ['access-token', 'Access token', TOKENS],
  ['asset-report-token', 'Asset report token', TOKENS],
  ['client-id', 'Client ID', TOKENS],
  ['item-id', 'Item ID', TOKENS],
  ['link-token', 'Link token', TOKENS],
  ['link-session-id', 'Link session ID', TOKENS],
  ['processor-token', 'Processor token', TOKENS],
  ['public-token', 'Public token', TOKENS],
  ['request-id', 'Request ID', TOKENS],
  ['secret', 'Secret', TOKENS],
  ['user-token', 'User token', TOKENS],
  ['production', 'Production', ENVIRONMENTS],
  ['limited-production', 'Limited Production', ENVIRONMENTS],
  ['sandbox', 'Sandbox', ENVIRONMENTS],
  ['development', 'Development', ENVIRONMENTS],
  ['account', 'Account', OTHER],
  ['dashboard', 'Dashboard', OTHER],
  ['item', 'Item', OTHER],
  ['link', 'Link', OTHER],
  ['plaid-check', 'Plaid Consumer Reporting Agency', OTHER],
];

const byIndex = (id: string): number => data.entries.findIndex((e) => e.id === id);

suite('Glossary data: schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  test('Should validate against glossary.schema.json', () => {
    assert.ok(validate(data), ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  const clone = (): GlossaryFile => JSON.parse(JSON.stringify(data)) as GlossaryFile;
  const broken: [string, (g: GlossaryFile) => void][] = [
    ['a field the engine does not know', (g) => Object.assign(g.entries[0]!, { extra: 1 })],
    ['a multi-line summary', (g) => (g.entries[0]!.summary = 'first line\nsecond line')],
    ['a placeholder body', (g) => (g.entries[0]!.body = 'TODO')],
    ['a token type outside the tokens category', (g) => (g.entries[0]!.category = OTHER)],
    ['an environment entry without environment facts', (g) => delete g.entries[byIndex('sandbox')]!.environment],
    ['a decommissioned environment without a date', (g) => delete g.entries[byIndex('development')]!.environment!.decommissionedOn],
    ['an SDK removal that is not a version', (g) => (g.entries[byIndex('development')]!.environment!.sdkConstants![0]!.removedIn = 'soon')],
    ['a lifetime of zero minutes', (g) => (g.entries[byIndex('public-token')]!.token!.lifetime.expiresAfterMinutes = 0)],
    ['an unknown sensitivity', (g) => Object.assign(g.entries[0]!.token!, { sensitivity: 'medium' })],
    ['an environment that does not say whether it holds real data', (g) => delete (g.entries[byIndex('sandbox')]!.environment as { realData?: boolean }).realData],
    ['an environment alias that is not a lowercase word', (g) => (g.entries[byIndex('production')]!.environment!.aliases = ['Prod'])],
    ['an environment alias listed twice', (g) => (g.entries[byIndex('production')]!.environment!.aliases = ['prod', 'prod'])],
  ];
  for (const [what, mutate] of broken) {
    test(`Should reject ${what}`, () => {
      const g = clone();
      mutate(g);
      assert.strictEqual(validate(g), false);
    });
  }
});

suite('Glossary data: completeness and links', () => {
  for (const [id, term, category] of EXPECTED_TERMS) {
    test(`Should have "${term}" as ${id} in ${category}`, () => {
      const e = entry(id);
      assert.strictEqual(e.term, term);
      assert.strictEqual(e.category, category);
    });
  }

  test('Should hold exactly the seed terms, in the seed order', () => {
    assert.deepStrictEqual(data.entries.map((e) => e.id), EXPECTED_TERMS.map(([id]) => id));
  });

  test('Should have unique ids', () => assert.strictEqual(new Set(data.entries.map((e) => e.id)).size, data.entries.length));

  for (const e of data.entries) {
    test(`Should link ${e.id} only to other existing entries`, () => {
      assert.ok(!e.related.includes(e.id), `${e.id} relates to itself`);
      for (const r of e.related) assert.ok(byId.has(r), `${e.id} relates to unknown "${r}"`);
      for (const f of e.token?.flow ?? []) assert.ok(byId.has(f.to), `${e.id} flows to unknown "${f.to}"`);
    });

    test(`Should give ${e.id} a written body of 2 to 5 blocks`, () => {
      const blocks = e.body.split(/\n\s*\n/).filter((b) => b.trim() !== '');
      assert.ok(!/\bTODO\b/.test(e.body), 'body is a placeholder');
      assert.ok(blocks.length >= 2 && blocks.length <= 5, `${blocks.length} blocks`);
    });
  }

  test('Should point every other prefix at an existing entry', () => {
    for (const o of data.otherPrefixes) if (o.entry !== undefined) assert.ok(byId.has(o.entry), o.prefix);
  });
});

suite('Glossary data: tokens and credentials', () => {
  const TOKEN_FACTS: [id: string, prefixes: string[], expires: number | null, updateMode: number | undefined, sensitivity: string][] = [
    ['access-token', ['access'], null, undefined, 'credential'],
    ['asset-report-token', ['asset-report', 'assets'], null, undefined, 'credential'],
    ['link-token', ['link'], 240, 30, 'short-lived'],
    ['processor-token', ['processor'], null, undefined, 'credential'],
    ['public-token', ['public'], 30, undefined, 'short-lived'],
    ['user-token', ['user'], null, undefined, 'credential'],
  ];

  test('Should describe exactly these token types', () => {
    assert.deepStrictEqual(data.entries.filter((e) => e.token).map((e) => e.id), TOKEN_FACTS.map(([id]) => id));
  });

  for (const [id, prefixes, expires, updateMode, sensitivity] of TOKEN_FACTS) {
    test(`Should give ${id} prefixes ${prefixes.join('/')}, a UUID tail, and lifetime ${expires ?? 'never'}`, () => {
      const t = entry(id).token!;
      assert.deepStrictEqual([...t.prefixes].sort(), [...prefixes].sort());
      assert.strictEqual(t.tail, 'uuid');
      assert.strictEqual(t.lifetime.expiresAfterMinutes, expires);
      assert.strictEqual(t.lifetime.updateModeMinutes, updateMode);
      assert.strictEqual(t.sensitivity, sensitivity);
    });

    test(`Should not repeat the ${id} lifecycle fields in its body`, () => {
      const t = entry(id).token!;
      const facts = [t.lifetime.text, t.obtained, t.exchanged, t.rotated, t.revoked, t.storage].filter((s) => s !== undefined);
      assert.deepStrictEqual(copiedPhrases(entry(id).body, phrasesOf(facts.join('\n'))), []);
    });
  }

  test('Should give every token type its own environment variable', () => {
    const vars = data.entries.flatMap((e) => [e.token?.envVar, e.credential?.envVar]).filter((v) => v !== undefined);
    assert.strictEqual(new Set(vars).size, vars.length);
  });

  const CREDENTIALS: [id: string, hexLength: number, envVar: string, severity: string][] = [
    ['client-id', 24, 'PLAID_CLIENT_ID', 'warning'], ['secret', 30, 'PLAID_SECRET', 'error'],
  ];
  for (const [id, hexLength, envVar, severity] of CREDENTIALS) {
    test(`Should describe ${id} as ${hexLength} hex characters read from ${envVar}`, () => {
      const c = entry(id).credential!;
      assert.deepStrictEqual([c.hexLength, c.envVar, c.severity], [hexLength, envVar, severity]);
    });

    test(`Should match every ${id} variable name with its key pattern`, () => {
      const pattern = new RegExp(entry(id).credential!.keyPattern, 'i');
      for (const name of entry(id).codeNames) assert.ok(pattern.test(name), name);
      assert.ok(!pattern.test('access_token'));
    });
  }

  test('Should keep UUID tails off the prefixes that are not UUID-tailed', () => {
    const opaque = data.otherPrefixes.filter((o) => o.tail === 'opaque').map((o) => o.prefix);
    const notUuid = ['credit-relay', 'a', 'payment-id', 'wallet-id', 'wallet-transaction-id', 'recipient-id', 'consent-id', 'payment-consent-id'];
    for (const p of notUuid) assert.ok(opaque.includes(p), p);
    for (const o of data.otherPrefixes) if (o.prefix.endsWith('-id')) assert.strictEqual(o.kind, 'identifier', o.prefix);
  });
});

suite('Glossary data: environments', () => {
  const ENVS: [id: string, segment: string, baseUrl: string, status: string, realData: boolean, aliases: string[] | undefined][] = [
    ['production', 'production', 'https://production.plaid.com', 'active', true, ['prod', 'prd']],
    ['limited-production', 'production', 'https://production.plaid.com', 'mode', true, undefined],
    ['sandbox', 'sandbox', 'https://sandbox.plaid.com', 'active', false, ['sbx', 'sb']],
    ['development', 'development', 'https://development.plaid.com', 'decommissioned', true, ['dev', 'devel']],
  ];
  for (const [id, segment, baseUrl, status, realData, aliases] of ENVS) {
    test(`Should give ${id} segment ${segment}, ${baseUrl}, status ${status}, ${realData ? 'real' : 'test'} data and aliases ${aliases?.join('/') ?? 'none'}`, () => {
      const env = entry(id).environment!;
      assert.deepStrictEqual([env.segment, env.baseUrl, env.status, env.realData, env.aliases], [segment, baseUrl, status, realData, aliases]);
      assert.strictEqual(env.decommissionedOn, id === 'development' ? '2024-06-20' : undefined);
    });
  }

  test('Should give each alias one environment, and never spell one the way a segment is spelt', () => {
    const aliases = data.entries.flatMap((e) => e.environment?.aliases ?? []);
    assert.strictEqual(new Set(aliases).size, aliases.length);
    const segments = new Set(data.entries.flatMap((e) => (e.environment ? [e.environment.segment] : [])));
    for (const alias of aliases) assert.ok(!segments.has(alias), alias);
  });

  test('Should tell readers of Development when it closed and what replaces it', () => {
    const { summary, body } = entry('development');
    for (const needed of ['2024-06-20', 'Sandbox', 'Production', 'Limited Production']) assert.ok(body.includes(needed), needed);
    assert.ok(summary.includes('2024-06-20'));
  });

  const REMOVED_IN: [sdk: string, version: string][] = [
    ['plaid-node', '26.0.0'], ['plaid-python', '24.0.0'], ['plaid-ruby', '30.0.0'], ['plaid-go', '27.0.0'], ['plaid-java', '25.0.0'],
  ];
  const constants = (id: string) => entry(id).environment!.sdkConstants ?? [];
  for (const [sdk, version] of REMOVED_IN) {
    test(`Should record that ${sdk} removed Development in ${version} and still has Sandbox and Production`, () => {
      const dev = constants('development').find((c) => c.sdk === sdk);
      assert.strictEqual(dev?.removedIn, version);
      for (const active of ['sandbox', 'production']) {
        const counterpart = constants(active).find((c) => c.sdk === sdk);
        assert.ok(counterpart, `${active} lacks ${sdk}`);
        assert.strictEqual(counterpart.language, dev.language);
        assert.strictEqual(counterpart.removedIn, undefined);
      }
    });
  }

  test('Should give every Development SDK constant a removal version', () => {
    assert.strictEqual(constants('development').length, REMOVED_IN.length);
    for (const c of constants('development')) assert.match(c.removedIn ?? '', /^\d+\.\d+\.\d+$/, c.constant);
  });
});

suite('Glossary accessors', () => {
  test('Should load the same entries the data file holds', () => assert.deepStrictEqual(engineEntries, data.entries));

  test('Should list the token entries', () => {
    assert.deepStrictEqual(tokenEntries.map((e) => e.id), data.entries.filter((e) => e.token).map((e) => e.id));
  });

  test('Should list every prefix once, longest first', () => {
    const expected = [...data.entries.flatMap((e) => e.token?.prefixes ?? []), ...data.otherPrefixes.map((o) => o.prefix)];
    const actual = knownPrefixes.map((p) => p.prefix);
    assert.deepStrictEqual([...actual].sort(), [...expected].sort());
    assert.strictEqual(new Set(actual).size, actual.length);
    for (let i = 1; i < actual.length; i++) assert.ok(actual[i - 1]!.length >= actual[i]!.length, actual[i]);
  });

  const PREFIXES: [prefix: string, entryId: string | undefined, otherEntry: string | undefined, tail: string][] = [
    ['access', 'access-token', undefined, 'uuid'],
    ['asset-report', 'asset-report-token', undefined, 'uuid'],
    ['assets', 'asset-report-token', undefined, 'uuid'],
    ['public', 'public-token', undefined, 'uuid'],
    ['link', 'link-token', undefined, 'uuid'],
    ['processor', 'processor-token', undefined, 'uuid'],
    ['user', 'user-token', undefined, 'uuid'],
    ['third-party-user', undefined, 'user-token', 'uuid'],
    ['a', undefined, 'asset-report-token', 'opaque'],
    ['credit-relay', undefined, undefined, 'opaque'],
    ['payment-id', undefined, undefined, 'opaque'],
  ];
  for (const [prefix, entryId, otherEntry, tail] of PREFIXES) {
    test(`Should resolve prefix "${prefix}" to ${entryId ?? `another prefix (${otherEntry ?? 'no entry'})`}`, () => {
      const known = getPrefix(prefix);
      assert.ok(known, prefix);
      assert.strictEqual(known.entry?.id, entryId);
      assert.strictEqual(known.other?.entry, otherEntry);
      assert.strictEqual(known.tail, tail);
    });
  }

  test('Should not resolve a prefix Plaid does not use', () => assert.strictEqual(getPrefix('acess'), undefined));

  test('Should map token environment segments to the full environments', () => {
    assert.deepStrictEqual([...environmentSegments.keys()].sort(), ['development', 'production', 'sandbox']);
    for (const [segment, e] of environmentSegments) {
      assert.strictEqual(e.id, segment, 'Limited Production must not own the production segment');
      assert.strictEqual(e.environment.baseUrl, entry(segment).environment!.baseUrl);
    }
  });

  const LOOKUPS: [query: string, expected: string | undefined][] = [
    ['accessToken', 'access-token'],
    ['/item/remove', 'access-token'],
    ['/item/public_token/exchange', 'access-token'],
    ['PLAID_SECRET', 'secret'],
    ['public_token', 'public-token'],
    ['ASSET_REPORT_TOKEN', 'asset-report-token'],
    ['/item/get', 'item'],
    ['link session id', 'link-session-id'],
    ['Plaid Check', 'plaid-check'],
    ['limited production', 'limited-production'],
    ['https://development.plaid.com', 'development'],
    ['consumer reporting', 'plaid-check'],
    ['', undefined], ['  --  ', undefined], ['no-such-plaid-term', undefined],
  ];
  for (const [query, expected] of LOOKUPS) {
    test(`Should find ${expected ?? 'nothing'} for "${query}"`, () => {
      assert.strictEqual(findEntry(query)?.id, expected);
    });
  }

  for (const e of data.entries) {
    test(`Should find ${e.id} by its id, its term and each of its code names`, () => {
      for (const name of [e.id, e.term, ...e.codeNames]) assert.strictEqual(findEntry(name)?.id, e.id, name);
    });
  }
});
