'use strict';
/**
 * The same fixtures against the built-in grammars of a real VS Code 1.100 (from the code-server that
 * test/vscode/install-code-server.sh caches), so the scopes the minimal hosts assume are checked against the editor's.
 * Skipped, with the reason, when no such install is found.
 */
const { createTokenizer } = require('./harness');
const { findVsCodeExtensions, builtInGrammarFiles } = require('./vscode-grammars');
const { defineFixtureSuites } = require('./assertions');

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

  defineFixtureSuites(withInjections, hostOnly, { exact: false });
});
