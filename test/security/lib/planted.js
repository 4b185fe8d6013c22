'use strict';
/**
 * Values planted in fixtures for the leak tests: fresh secrets, client_ids and tokens of every type and environment
 * the glossary knows, made up at test time from the run's seed so no real value is ever involved and any failure
 * replays, and the search that finds any of them, whole or in part, in captured output.
 */
const path = require('node:path');

/** The repository root. */
const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The tests' one seeded random source, as `tsc -b` compiled it (test/seed.ts). */
const { testRandom, replayHint, BASE32, BASE64URL } = require(path.join(REPO_ROOT, 'out', 'test', 'seed.js'));

const random = testRandom('security:planted');

/** The glossary: the single source of token prefixes, environments and credential shapes. */
const GLOSSARY = require(path.join(REPO_ROOT, 'glossary', 'plaid-glossary.json'));

/** How many characters from the middle of a value's secret part count as a partial leak. */
const PARTIAL_LENGTH = 16;

/** Scanners require some entropy before calling a hex run a credential; planted values must clear it easily. */
const MIN_PLANTED_ENTROPY = 3.3;

/** A random lowercase hex string of `length` characters with enough entropy to be flagged. */
function randomHex(length) {
  for (;;) {
    const value = random.hex(length);
    if (entropy(value) >= MIN_PLANTED_ENTROPY && /[a-f]/.test(value) && /[0-9]/.test(value)) return value;
  }
}

/** Shannon entropy in bits per character. */
function entropy(text) {
  const counts = new Map();
  for (const c of text) counts.set(c, (counts.get(c) || 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** Credential shapes from the glossary, e.g. `{ id: 'secret', hexLength: 30 }`. */
function credentialShapes() {
  return GLOSSARY.entries.filter((e) => e.credential).map((e) => ({ id: e.id, hexLength: e.credential.hexLength }));
}

/** Token prefixes from the glossary, with the kind of tail each one takes. */
function tokenPrefixes() {
  const prefixes = [];
  for (const entry of GLOSSARY.entries) {
    if (entry.token) for (const prefix of entry.token.prefixes) prefixes.push({ prefix, tail: entry.token.tail });
  }
  for (const other of GLOSSARY.otherPrefixes) if (other.kind === 'token') prefixes.push({ prefix: other.prefix, tail: other.tail });
  return prefixes;
}

/** Environment segments as tokens spell them, e.g. `sandbox`, `production`, `development`. */
function environmentSegments() {
  return GLOSSARY.entries.filter((e) => e.environment && e.environment.segment).map((e) => e.environment.segment);
}

/**
 * A planted value. `core` is its secret part (the UUID or tail of a token, the whole hex of a credential), whose
 * middle {@link PARTIAL_LENGTH} characters must not appear either.
 */
function planted(kind, label, value, core) {
  return { kind, label, value, core };
}

/** A UUID whose version nibble is `version`, for tokens that are malformed on purpose. */
function uuidWithVersion(version) {
  const uuid = random.uuid();
  return `${uuid.slice(0, 14)}${version}${uuid.slice(15)}`;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Opaque tails beyond the usual random one, each made so that no digit can occur: Plaid's relay tokens end in 26
 * upper-case base32 characters, and a tail without a digit must be masked like any other.
 */
const OPAQUE_TAILS = [
  ['lower-case tail without a digit', () => random.string(27, LETTERS)],
  ['upper-case base32 tail without a digit', () => random.string(26, BASE32.replace(/[0-9]/g, ''))],
  ['mixed-case tail without a digit', () => random.string(27, LETTERS + LETTERS.toUpperCase())],
];

/**
 * Every value to plant: `pairs` secret/client_id pairs (one per fixture file), one token per prefix × environment,
 * the digit-free opaque tails per opaque prefix × environment, and tokens broken in each way the decoder explains.
 */
function plantValues(pairs) {
  const shapes = credentialShapes();
  const credentials = [];
  for (let i = 0; i < pairs; i++) {
    for (const shape of shapes) {
      const value = randomHex(shape.hexLength);
      credentials.push(planted(shape.id, `${shape.id} #${i + 1}`, value, value));
    }
  }
  const tokens = [];
  for (const { prefix, tail } of tokenPrefixes()) {
    for (const environment of environmentSegments()) {
      const core = tail === 'uuid' ? random.uuid() : random.string(27, BASE64URL).toLowerCase().replace(/[^a-z0-9]/g, 'x');
      tokens.push(planted('token', `${prefix}-${environment} token`, `${prefix}-${environment}-${core}`, core));
    }
  }
  for (const { prefix } of tokenPrefixes().filter((p) => p.tail === 'opaque')) {
    for (const environment of environmentSegments()) {
      for (const [label, make] of OPAQUE_TAILS) {
        const core = make();
        tokens.push(planted('token', `${prefix}-${environment} token, ${label}`, `${prefix}-${environment}-${core}`, core));
      }
    }
  }
  const [firstPrefix] = tokenPrefixes();
  const [firstEnvironment] = environmentSegments();
  const head = `${firstPrefix.prefix}-${firstEnvironment}`;
  const broken = [
    ['uppercase UUID', (u) => `${head}-${u.toUpperCase()}`],
    ['environment typo', (u) => `${firstPrefix.prefix}-${firstEnvironment.slice(0, 4)}-${u}`],
    ['type typo', (u) => `${firstPrefix.prefix.slice(1)}-${firstEnvironment}-${u}`],
    ['UUID version 0', () => `${head}-${uuidWithVersion(0)}`],
    ['short UUID', (u) => `${head}-${u.slice(0, -3)}`],
    ['trailing text', (u) => `${head}-${u}x7`],
  ].map(([label, make]) => {
    const value = make(random.uuid());
    return planted('malformed', `${label} token`, value, value.slice(head.length + 1));
  });
  return { credentials, tokens: [...tokens, ...broken] };
}

/** The characters of a value that must never appear: the value whole, and the middle of its secret part. */
function needles(value) {
  const { core } = value;
  const start = Math.max(0, Math.floor((core.length - PARTIAL_LENGTH) / 2));
  const middle = core.slice(start, start + PARTIAL_LENGTH);
  return [
    { what: 'whole', text: value.value },
    { what: `middle ${PARTIAL_LENGTH} characters`, text: middle },
  ];
}

/**
 * Every place a planted value occurs in the captured outputs, as `label (whole|middle…) in source`.
 * `captures` is a list of `{ source, text }`.
 */
function findLeaks(values, captures) {
  const hits = [];
  for (const value of values) {
    for (const capture of captures) {
      // A whole value also holds its middle; one hit per value and capture is enough to act on.
      const needle = needles(value).find((n) => capture.text.includes(n.text));
      if (needle === undefined) continue;
      const at = capture.text.indexOf(needle.text);
      hits.push(`${value.label} (${needle.what}) in ${capture.source}: …${excerpt(capture.text, at, needle.text.length)}…`);
    }
  }
  return hits;
}

/**
 * The text around a hit with the hit replaced and any other long run of word characters blanked, so a failing
 * test does not print the value, or the rest of it, either.
 */
function excerpt(text, at, length) {
  const blank = (s) => s.replace(/[A-Za-z0-9_-]{12,}/g, '<…>');
  const before = blank(text.slice(Math.max(0, at - 60), at));
  const after = blank(text.slice(at + length, at + length + 60));
  return JSON.stringify(`${before}<HIT>${after}`).slice(1, -1);
}

module.exports = { REPO_ROOT, GLOSSARY, plantValues, findLeaks, replayHint };
