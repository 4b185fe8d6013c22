'use strict';
/**
 * The Plaid token injection grammars of syntaxes/, run by vscode-textmate over minimal host grammars
 * (test/grammar/hosts/) that give strings and comments the scope names VS Code's own grammars use.
 */
const { createTokenizer } = require('./harness');
const { minimalHostFiles } = require('./hosts');
const { POSITIVE, NEGATIVE } = require('./cases');
const { assertTokenMarked, assertNothingMarked, assertHostScopesKept } = require('./assertions');

suite('Plaid token injection in minimal host grammars', () => {
  const withInjections = createTokenizer(minimalHostFiles());
  const hostOnly = createTokenizer(minimalHostFiles(), { withInjections: false });

  suite('marks type, environment and UUID with their own scopes', () => {
    for (const c of POSITIVE) {
      test(`Should mark the token in a ${c.name}`, () => assertTokenMarked(withInjections, c, { exact: true }));
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

});
