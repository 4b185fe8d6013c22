'use strict';
/**
 * Hostile inputs: one long line built to make a scanner's regular expressions and look-arounds work as hard as
 * they can. A linear scanner costs about ten times as much on 10 MB as on 1 MB; a backtracking one costs far more.
 */
const { createRandom, seedFrom } = require('./prng');

/** Each case: a short description for the table and a function that yields the next piece of the line. */
const CASES = {
  'access-repeated': { title: '`access-access-…`', piece: () => 'access-' },
  'sandbox-repeated': { title: '`-sandbox-` repeated', piece: () => '-sandbox-' },
  'token-prefix-repeated': { title: '`access-sandbox-` repeated (tails that never end)', piece: () => 'access-sandbox-' },
  'hex-and-dashes': { title: 'hex runs and dashes', piece: (r) => r.hex(r.between(1, 40)) + '-' },
  'development-fragments': {
    title: '`development.plaid.co…` fragments',
    piece: (r) =>
      r.pick([
        'development.plaid.co',
        'https://development.plaid.c',
        'PLAID_ENV=develop',
        'plaid_env: "developmen',
        'PlaidEnvironments.developmen',
        'plaid.Environment.Develop',
        'Environment["development',
        'development-',
      ]),
  },
  'nested-quotes': {
    title: 'deeply nested quotes around keys and hex',
    piece: (r) =>
      r.pick(['plaid_secret', 'access_token', 'client_id', '[', ']', '(']) +
      Array.from({ length: r.between(1, 60) }, () => r.pick(['"', "'", '`', '\\"'])).join('') +
      r.pick([' = ', ': ', '=> ', ',', '']) +
      (r.chance(0.2) ? r.hex(r.pick([24, 30])) : ''),
  },
  'long-keys-before-hex': {
    title: '150-character keys before every 30-digit hex run',
    piece: (r) => 'k'.repeat(138) + 'plaid_secret="' + r.hex(30) + '";',
  },
  // The masking every log line and trace goes through (`maskText`), on runs of words that look like token heads.
  'mask-hyphenated-words': {
    title: '`maskText` over `ab-ab-…` (short hyphenated words)',
    piece: () => 'ab-',
    target: 'maskText',
  },
  'mask-token-heads': {
    title: '`maskText` over `access-sandbox-…` repeated',
    piece: () => 'access-sandbox-',
    target: 'maskText',
  },
  // Glossary heads whose tails fall one character short of a value, so every try fails at the very end.
  'mask-short-tails': {
    title: '`maskText` over `credit-relay-production-ABCDEFG ` (tails one short)',
    piece: () => 'credit-relay-production-ABCDEFG ',
    target: 'maskText',
  },
  // A message trace in JSON: each token follows a `\n` escape and has a digit-free upper-case tail.
  'mask-escaped-tokens': {
    title: '`maskText` over `\\ncredit-relay-sandbox-…` with digit-free tails',
    piece: (r) => `\\ncredit-relay-sandbox-${Array.from({ length: 26 }, () => r.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).join('')}`,
    target: 'maskText',
  },
};

/** The input of `name`, exactly `size` characters long, on one line. */
function makeInput(name, size) {
  const spec = CASES[name];
  if (!spec) throw new Error(`unknown adversarial case ${name}`);
  const r = createRandom(seedFrom(`adversarial:${name}`));
  const pieces = [];
  let length = 0;
  while (length < size) {
    const piece = spec.piece(r);
    pieces.push(piece);
    length += piece.length;
  }
  return pieces.join('').slice(0, size);
}

module.exports = { CASES, makeInput };
