'use strict';
/**
 * The `contributes.grammars` entries the extension declares for syntaxes/. The tests inject exactly these grammars
 * into exactly these hosts, and a test checks that package.json declares the same, so the tested setup is the shipped
 * one.
 */

/** Scopes of the host grammars the token injection goes into (VS Code's built-in names, plus .env extensions'). */
const TOKEN_HOSTS = [
  'source.js',
  'source.js.jsx',
  'source.ts',
  'source.tsx',
  'source.python',
  'source.go',
  'source.java',
  'source.ruby',
  'source.yaml',
  'source.json',
  'source.json.comments',
  'source.json.lines',
  'source.ini',
  'source.dotenv',
  'source.env',
  'source.shell',
  'text.html.markdown',
];

/** The grammar contributions, as they appear in package.json. */
const GRAMMAR_CONTRIBUTIONS = [
  {
    scopeName: 'plaid-lens.injection',
    path: './syntaxes/plaid-tokens.injection.tmLanguage.json',
    injectTo: TOKEN_HOSTS,
  },
  {
    scopeName: 'plaid-lens.injection.shell-comments',
    path: './syntaxes/plaid-tokens.shell-comments.injection.tmLanguage.json',
    injectTo: ['source.shell', 'text.html.markdown'],
  },
  {
    scopeName: 'plaid-lens.injection.json-comments',
    path: './syntaxes/plaid-tokens.json-comments.injection.tmLanguage.json',
    injectTo: ['source.json', 'source.json.comments', 'source.json.lines'],
  },
  {
    scopeName: 'plaid-lens.injection.markdown-code',
    path: './syntaxes/plaid-tokens.markdown-code.injection.tmLanguage.json',
    injectTo: ['text.html.markdown'],
  },
];

module.exports = { TOKEN_HOSTS, GRAMMAR_CONTRIBUTIONS };
