'use strict';
/**
 * Tokenizes text the way VS Code does: vscode-textmate with the Oniguruma wasm, a set of host grammars, and the
 * injection grammars of syntaxes/ injected as package.json declares them.
 */
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { GRAMMAR_CONTRIBUTIONS } = require('./contribution');

/** The repository root. */
const ROOT = path.resolve(__dirname, '..', '..');

// The wasm may be loaded only once per process, and every registry shares it.
let onigLib;

function loadOnigLib() {
  if (!onigLib) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }));
  }
  return onigLib;
}

/** The injection grammar files as contributed, keyed by scope name. */
function injectionFiles() {
  return new Map(GRAMMAR_CONTRIBUTIONS.map((c) => [c.scopeName, path.join(ROOT, c.path)]));
}

/** Host scope → the injection scopes that package.json injects into it. */
function injectionsByHost() {
  const byHost = new Map();
  for (const c of GRAMMAR_CONTRIBUTIONS) {
    for (const host of c.injectTo) byHost.set(host, [...(byHost.get(host) ?? []), c.scopeName]);
  }
  return byHost;
}

/**
 * Creates a tokenizer over `hostFiles` (scope name → grammar file).
 * With `withInjections: false` it tokenizes with the hosts alone, to compare against.
 */
function createTokenizer(hostFiles, { withInjections = true } = {}) {
  const files = new Map([...hostFiles, ...(withInjections ? injectionFiles() : [])]);
  const byHost = withInjections ? injectionsByHost() : new Map();
  const registry = new vsctm.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => byHost.get(scopeName),
  });
  return {
    /** Tokenizes `text` line by line with the grammar of `scopeName`; returns one token list per line. */
    async tokenize(scopeName, text) {
      const grammar = await registry.loadGrammar(scopeName);
      if (!grammar) throw new Error(`no grammar for ${scopeName}`);
      let state = vsctm.INITIAL;
      return text.split('\n').map((line) => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        return result.tokens.map((t) => ({
          start: t.startIndex,
          end: Math.min(t.endIndex, line.length),
          scopes: t.scopes,
        }));
      });
    },
  };
}

/**
 * The scopes that cover `[start, end)` of a tokenized line, or an Error naming why no single token list does:
 * a part must be exactly one run of tokens that all carry the same scopes.
 */
function scopesOfRange(tokens, start, end) {
  const covering = tokens.filter((t) => t.end > start && t.start < end);
  if (covering.length === 0) return new Error(`nothing covers ${start}-${end}`);
  if (covering[0].start !== start || covering[covering.length - 1].end !== end) {
    return new Error(`tokens do not start and end with the part at ${start}-${end}`);
  }
  const first = covering[0].scopes.join(' ');
  if (covering.some((t) => t.scopes.join(' ') !== first)) return new Error(`the part at ${start}-${end} is split`);
  return covering[0].scopes;
}

/** The scopes of every character of a tokenized line, for comparing two tokenizations. */
function scopesPerCharacter(tokens) {
  return tokens.flatMap((t) => Array.from({ length: t.end - t.start }, () => t.scopes.join(' ')));
}

module.exports = { ROOT, createTokenizer, scopesOfRange, scopesPerCharacter };
