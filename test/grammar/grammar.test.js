'use strict';
/**
 * The Plaid token injection grammars of syntaxes/, run by vscode-textmate over minimal host grammars
 * (test/grammar/hosts/) that give strings and comments the scope names VS Code's own grammars use.
 */
const { createTokenizer } = require('./harness');
const { minimalHostFiles } = require('./hosts');
const { defineFixtureSuites } = require('./assertions');

suite('Plaid token injection in minimal host grammars', () => {
  const withInjections = createTokenizer(minimalHostFiles());
  const hostOnly = createTokenizer(minimalHostFiles(), { withInjections: false });

  defineFixtureSuites(withInjections, hostOnly, { exact: true });
});
