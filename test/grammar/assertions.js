'use strict';
/**
 * Checks shared by the grammar suites: the scopes a marked token must carry, that look-alikes carry none, and that
 * marking a token leaves the host's scopes around it alone.
 */
const assert = require('node:assert/strict');
const glossary = require('../../glossary/plaid-glossary.json');
const { scopesOfRange, scopesPerCharacter } = require('./harness');
const { token, UUID, POSITIVE, NEGATIVE } = require('./cases');

/** Environment segments the glossary marks as decommissioned (Development). */
const DECOMMISSIONED = new Set(
  glossary.entries.filter((e) => e.environment?.status === 'decommissioned').map((e) => e.environment.segment),
);

const META = 'meta.token.plaid';

/** The Plaid scopes each part of a `type-env-uuid` token must end with, and where the part sits in the token. */
function expectedParts(type, env) {
  const envScopes = ['constant.language.environment.plaid'];
  if (DECOMMISSIONED.has(env)) envScopes.push('invalid.deprecated.environment.plaid');
  const parts = [
    { part: 'type', length: type.length, scopes: ['entity.name.type.token-type.plaid'] },
    { part: 'first separator', length: 1, scopes: ['punctuation.separator.token.plaid'] },
    { part: 'environment', length: env.length, scopes: envScopes },
    { part: 'second separator', length: 1, scopes: ['punctuation.separator.token.plaid'] },
    { part: 'uuid', length: UUID.length, scopes: ['constant.numeric.uuid.plaid'] },
  ];
  let offset = 0;
  return parts.map((p) => {
    const placed = { ...p, offset, scopes: [META, ...p.scopes] };
    offset += p.length;
    return placed;
  });
}

/** The fixture text of a case, with its token in place, and where that token is (line, column). */
function placeToken(c) {
  const text = c.type ? c.text.replace('$TOKEN', token(c.type, c.env)) : c.text;
  const lines = text.split('\n');
  const line = c.type ? lines.findIndex((l) => l.includes(token(c.type, c.env))) : -1;
  return { text, line, column: line < 0 ? -1 : lines[line].indexOf(token(c.type, c.env)) };
}

/** True when `wanted` appears in `scopes` in the same order, other scopes allowed in between. */
function isSubsequence(wanted, scopes) {
  let i = 0;
  for (const s of scopes) if (s === wanted[i]) i += 1;
  return i === wanted.length;
}

/**
 * Asserts that every part of the case's token carries the Plaid scopes inside the host context. With `exact`, the
 * host scopes must be exactly the root plus `context`; otherwise `context` must appear among them in order.
 */
async function assertTokenMarked(tokenizer, c, { exact }) {
  const { text, line, column } = placeToken(c);
  const lines = await tokenizer.tokenize(c.scope, text);
  for (const p of expectedParts(c.type, c.env)) {
    const scopes = scopesOfRange(lines[line], column + p.offset, column + p.offset + p.length);
    if (scopes instanceof Error) assert.fail(`${c.name}: ${p.part}: ${scopes.message}`);
    const meta = scopes.indexOf(META);
    assert.ok(meta > 0, `${c.name}: ${p.part} has no ${META} (scopes: ${scopes.join(' ')})`);
    assert.deepEqual(scopes.slice(meta), p.scopes, `${c.name}: ${p.part} carries the wrong Plaid scopes`);
    const host = scopes.slice(0, meta);
    if (exact) {
      assert.deepEqual(host, [c.scope, ...c.context], `${c.name}: ${p.part} sits in the wrong host scopes`);
    } else {
      assert.equal(host[0], c.scope, `${c.name}: ${p.part} is not under ${c.scope}`);
      const where = `${c.context.join(' > ')} (host scopes: ${host.join(' ')})`;
      assert.ok(isSubsequence(c.context, host), `${c.name}: ${p.part} is not inside ${where}`);
    }
  }
}

/** Asserts that no character of the case's text carries a Plaid scope. */
async function assertNothingMarked(tokenizer, c) {
  const lines = await tokenizer.tokenize(c.scope, c.text);
  lines.forEach((tokens, i) => {
    const marked = tokens.find((t) => t.scopes.some((s) => s.endsWith('.plaid')));
    assert.equal(marked, undefined, `${c.name}: line ${i + 1} has a Plaid scope at column ${marked?.start}`);
  });
}

/**
 * Scope names that may differ between the host alone and the host with the injections. The JSON flavours name their
 * `//` punctuation `punctuation.definition.comment.json.comments` or `….json.lines`; the JSON takeover rule cannot
 * tell the flavours apart and says `punctuation.definition.comment.json`. `meta.*` scopes carry no colour.
 */
function comparable(scopes) {
  return scopes
    .split(' ')
    .filter((s) => !s.startsWith('meta.') && !s.endsWith('.plaid'))
    .map((s) => s.replace(/^(punctuation\.definition\.comment\.json)\..*$/, '$1'))
    .join(' ');
}

/**
 * Asserts that every character outside the case's token, on every line, keeps the scopes the host alone gives it:
 * the injections mark tokens and change nothing else.
 */
async function assertHostScopesKept(withInjections, hostOnly, c) {
  const { text, line, column } = placeToken(c);
  const tokenLength = c.type ? token(c.type, c.env).length : 0;
  const marked = await withInjections.tokenize(c.scope, text);
  const plain = await hostOnly.tokenize(c.scope, text);
  marked.forEach((tokens, i) => {
    const got = scopesPerCharacter(tokens).map(comparable);
    const want = scopesPerCharacter(plain[i]).map(comparable);
    got.forEach((scopes, col) => {
      if (i === line && col >= column && col < column + tokenLength) return;
      assert.equal(scopes, want[col], `${c.name}: line ${i + 1}, column ${col + 1} changed scopes`);
    });
  });
}

/**
 * The three fixture suites every set of host grammars runs: tokens marked (`exact`: the whole scope stack, possible
 * only with the minimal hosts), look-alikes left alone, host scopes unchanged around the token.
 */
function defineFixtureSuites(withInjections, hostOnly, { exact }) {
  suite('marks type, environment and UUID with their own scopes', () => {
    for (const c of POSITIVE) {
      test(`Should mark the token in a ${c.name}`, () => assertTokenMarked(withInjections, c, { exact }));
    }
  });

  suite('leaves look-alikes and non-tokens unmarked', () => {
    for (const c of NEGATIVE) {
      test(`Should not mark anything in a ${c.name}`, () => assertNothingMarked(withInjections, c));
    }
  });

  suite('changes no host scope outside the token', () => {
    for (const c of [...POSITIVE, ...NEGATIVE]) {
      test(`Should keep the host scopes around a ${c.name}`, () => assertHostScopesKept(withInjections, hostOnly, c));
    }
  });
}

module.exports = { DECOMMISSIONED, expectedParts, assertTokenMarked, assertNothingMarked, assertHostScopesKept, defineFixtureSuites };
