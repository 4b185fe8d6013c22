'use strict';
/**
 * The same fixtures against the built-in grammars of a real VS Code 1.100 (from the code-server that
 * test/vscode/install-code-server.sh caches), so the scopes the minimal hosts assume are checked against the editor's.
 * Skipped, with the reason, when no such install is found.
 */
const { createTokenizer } = require('./harness');
const { findVsCodeExtensions, builtInGrammarFiles } = require('./vscode-grammars');
const { POSITIVE, NEGATIVE } = require('./cases');
const { assertTokenMarked, assertNothingMarked, assertHostScopesKept } = require('./assertions');

suite('Plaid token injection in VS Code built-in grammars', function () {
  const extensionsDir = findVsCodeExtensions();
  const files = extensionsDir ? builtInGrammarFiles(extensionsDir) : new Map();
  const withInjections = createTokenizer(files);
  const hostOnly = createTokenizer(files, { withInjections: false });

  suiteSetup(function () {
    if (!extensionsDir) {
      console.log('    (skipped: no VS Code; see test/vscode/install-code-server.sh, PLAID_LENS_VSCODE_EXTENSIONS)');
      this.skip();
    }
  });

  suite('marks type, environment and UUID with their own scopes', () => {
    for (const c of POSITIVE) {
      test(`Should mark the token in a ${c.name}`, () => assertTokenMarked(withInjections, c, { exact: false }));
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
