'use strict';
/**
 * Builds one source file of the corpus: filler blocks in the file's language with plants and look-alikes placed
 * at random points, and the findings that file must produce (per rule) and the matches the peer patterns make.
 */
const { LANGUAGES, names } = require('./filler');
const { PLANTS, PLANT_WEIGHTS, LOOKALIKES, PLAID_HEADERS, privateCredential } = require('./plants');

const MB = 1024 * 1024;

/** How many planted findings a megabyte of a file that uses Plaid holds, on average. */
const PLANTS_PER_PLAID_MB = 64;
/** How many look-alikes a megabyte of any file holds, on average. */
const LOOKALIKES_PER_MB = 48;

/** Empty expectations, to be added up. */
function emptyExpectation() {
  return { engine: {}, regex: 0, planted: {}, lookalikes: {} };
}

/** Adds `b` into `a`. */
function addExpectation(a, b) {
  for (const [rule, n] of Object.entries(b.engine)) a.engine[rule] = (a.engine[rule] ?? 0) + n;
  for (const [kind, n] of Object.entries(b.planted)) a.planted[kind] = (a.planted[kind] ?? 0) + n;
  for (const [kind, n] of Object.entries(b.lookalikes)) a.lookalikes[kind] = (a.lookalikes[kind] ?? 0) + n;
  a.regex += b.regex;
}

/**
 * One file of `size` characters in `lang` (a key of LANGUAGES). `plaid` makes it a file that uses Plaid, which
 * gets plants; `plantCount` overrides the random number of plants; `plantsPerMb` and `lookalikesPerMb` override
 * the densities (per MB of a Plaid file, and per MB of any file).
 */
function generateFile(r, lang, size, { plaid, plantCount, plantsPerMb = PLANTS_PER_PLAID_MB, lookalikesPerMb = LOOKALIKES_PER_MB } = {}) {
  const language = LANGUAGES[lang];
  const n = names(r);
  const items = [];
  const plants = plantCount ?? (plaid ? r.poisson((size / MB) * plantsPerMb) : 0);
  for (let i = 0; i < plants; i++) items.push({ at: r.int(size), plant: r.weighted(PLANT_WEIGHTS), kind: 'plant' });
  const lookalikeKinds = Object.keys(LOOKALIKES).filter((k) => !(plaid && LOOKALIKES[k].outsidePlaid));
  const lookalikes = r.poisson((size / MB) * lookalikesPerMb);
  for (let i = 0; i < lookalikes; i++) items.push({ at: r.int(size), lookalike: r.pick(lookalikeKinds), kind: 'lookalike' });
  items.sort((a, b) => a.at - b.at);

  const expectation = emptyExpectation();
  const configured = new Set();
  const tokenEnvironments = [];
  let text = language.head(r, n) + (plaid ? PLAID_HEADERS[lang] : '');
  let next = 0;
  while (text.length < size || next < items.length) {
    while (next < items.length && (items[next].at <= text.length || text.length >= size)) {
      text += placeItem(r, lang, items[next++], expectation, configured, tokenEnvironments);
    }
    if (text.length < size) text += language.block(r, n);
  }
  text += language.foot(r, n);
  // environment-mismatch: a file that selects exactly one environment flags tokens of any other.
  if (configured.size === 1) {
    const [env] = configured;
    const mismatches = tokenEnvironments.filter((e) => e !== env).length;
    if (mismatches > 0) expectation.engine['environment-mismatch'] = mismatches;
  }
  return { text, expectation };
}

function placeItem(r, lang, item, expectation, configured, tokenEnvironments) {
  if (item.kind === 'lookalike') {
    const made = LOOKALIKES[item.lookalike].make(r, lang);
    expectation.lookalikes[item.lookalike] = (expectation.lookalikes[item.lookalike] ?? 0) + 1;
    expectation.regex += made.regex;
    return made.text;
  }
  const kind = item.plant;
  const made = PLANTS[kind].make(r, lang);
  expectation.planted[kind] = (expectation.planted[kind] ?? 0) + 1;
  for (const [rule, count] of Object.entries(made.engine)) expectation.engine[rule] = (expectation.engine[rule] ?? 0) + count;
  expectation.regex += made.regex;
  if (made.configures) configured.add(made.configures);
  if (made.token) tokenEnvironments.push(made.token);
  return made.text;
}

/** A private `.env.local`: credentials where they belong, which the engine must leave alone. */
function generatePrivateEnv(r) {
  const expectation = emptyExpectation();
  let text = '# Local secrets; never committed.\n';
  const count = 1 + r.poisson(2);
  for (let i = 0; i < count; i++) {
    const line = privateCredential(r);
    text += line.text;
    expectation.regex += line.regex;
    expectation.lookalikes['private-env-credential'] = (expectation.lookalikes['private-env-credential'] ?? 0) + 1;
  }
  return { text, expectation };
}

module.exports = { generateFile, generatePrivateEnv, emptyExpectation, addExpectation, MB };
