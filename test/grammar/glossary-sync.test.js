'use strict';
/**
 * The grammar's lists of token types and environments are a copy of glossary/plaid-glossary.json (a TextMate grammar
 * cannot read data); these tests make the copy fail loudly when either side changes. They also check that the grammar
 * files are the ones package.json contributes.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const glossary = require('../../glossary/plaid-glossary.json');
const { ROOT, createTokenizer } = require('./harness');
const { minimalHostFiles } = require('./hosts');
const { GRAMMAR_CONTRIBUTIONS } = require('./contribution');
const { token, UUID } = require('./cases');
const { DECOMMISSIONED, assertTokenMarked, assertNothingMarked } = require('./assertions');

const TOKEN_GRAMMAR = path.join(ROOT, 'syntaxes', 'plaid-tokens.injection.tmLanguage.json');
const tokenRule = JSON.parse(fs.readFileSync(TOKEN_GRAMMAR, 'utf8')).repository.token;

/** The alternatives of the grammar's type group, active-environment group and decommissioned-environment group. */
function grammarLists() {
  const m = /^\(\?<!\[[^\]]*\]\)\(([^()]*)\)\(-\)\(\?:\(([^()]*)\)\|\(([^()]*)\)\)\(-\)/.exec(tokenRule.match);
  assert.ok(m, 'the token rule no longer starts with (?<!…)(types)(-)(?:(environments)|(decommissioned))(-)');
  const [, types, active, decommissioned] = m.map((group) => group.split('|'));
  return { types, active, decommissioned };
}

/** Prefixes the glossary gives a UUID tail, and those it does not (opaque tokens and identifiers). */
function glossaryPrefixes() {
  const tokens = glossary.entries.filter((e) => e.token);
  const all = [
    ...tokens.flatMap((e) => e.token.prefixes.map((prefix) => ({ prefix, tail: e.token.tail }))),
    ...glossary.otherPrefixes.map((o) => ({ prefix: o.prefix, tail: o.kind === 'token' ? o.tail : 'identifier' })),
  ];
  return {
    uuidTailed: all.filter((p) => p.tail === 'uuid').map((p) => p.prefix),
    others: all.filter((p) => p.tail !== 'uuid').map((p) => p.prefix),
  };
}

/** Environment segments as the glossary writes them in tokens, split by whether they still run. */
function glossarySegments() {
  const envs = glossary.entries.filter((e) => e.environment).map((e) => e.environment);
  const segments = [...new Set(envs.map((e) => e.segment))];
  return { active: segments.filter((s) => !DECOMMISSIONED.has(s)), decommissioned: [...DECOMMISSIONED] };
}

const sorted = (list) => [...list].sort();

suite('Plaid token grammar agrees with the glossary', () => {
  const tokenizer = createTokenizer(minimalHostFiles());

  test('Should list exactly the glossary prefixes that have a UUID tail', () => {
    assert.deepEqual(sorted(grammarLists().types), sorted(glossaryPrefixes().uuidTailed));
  });

  test('Should list the running environments and the decommissioned ones apart, as the glossary does', () => {
    const { active, decommissioned } = grammarLists();
    const glossaryLists = glossarySegments();
    assert.deepEqual(sorted(active), sorted(glossaryLists.active));
    assert.deepEqual(sorted(decommissioned), sorted(glossaryLists.decommissioned));
    assert.ok(decommissioned.length > 0, 'the glossary has no decommissioned environment any more');
  });

  test('Should mark every UUID-tailed glossary prefix in every glossary environment', async () => {
    const { active, decommissioned } = glossarySegments();
    for (const type of glossaryPrefixes().uuidTailed) {
      for (const env of [...active, ...decommissioned]) {
        const c = { name: `${type} in ${env}`, scope: 'source.js', text: "t = '$TOKEN';", type, env };
        await assertTokenMarked(tokenizer, { ...c, context: ['string.quoted.single.js'] }, { exact: true });
      }
    }
  });

  test('Should not mark prefixes whose tail is not a UUID, even with a UUID after them', async () => {
    const { others } = glossaryPrefixes();
    assert.ok(others.length > 0, 'the glossary lists no opaque-tailed prefixes any more');
    for (const prefix of others) {
      const text = `t = '${token(prefix, 'sandbox', UUID)}';`;
      await assertNothingMarked(tokenizer, { name: prefix, scope: 'source.js', text });
    }
  });

  test('Should reuse the one token rule in every takeover grammar instead of copying it', () => {
    for (const c of GRAMMAR_CONTRIBUTIONS.filter((g) => g.scopeName !== 'plaid-lens.injection')) {
      const text = fs.readFileSync(path.join(ROOT, c.path), 'utf8');
      assert.ok(text.includes('"plaid-lens.injection#token"'), `${c.path} does not include plaid-lens.injection#token`);
      assert.ok(!/sandbox|production|development/.test(text), `${c.path} repeats an environment name`);
    }
  });
});

suite('Plaid token grammars are the ones package.json contributes', () => {
  test('Should contribute every grammar file in syntaxes/, under the scope name the file declares', () => {
    const files = fs.readdirSync(path.join(ROOT, 'syntaxes')).filter((n) => n.endsWith('.tmLanguage.json'));
    assert.deepEqual(sorted(files.map((n) => `./syntaxes/${n}`)), sorted(GRAMMAR_CONTRIBUTIONS.map((c) => c.path)));
    for (const c of GRAMMAR_CONTRIBUTIONS) {
      assert.equal(JSON.parse(fs.readFileSync(path.join(ROOT, c.path), 'utf8')).scopeName, c.scopeName);
    }
  });

  test('Should declare in package.json the grammars and hosts these tests inject', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const declared = manifest.contributes?.grammars ?? [];
    for (const c of GRAMMAR_CONTRIBUTIONS) {
      const found = declared.find((g) => g.scopeName === c.scopeName);
      assert.deepEqual(found, c, `package.json contributes.grammars must hold ${JSON.stringify(c)}`);
    }
  });
});
