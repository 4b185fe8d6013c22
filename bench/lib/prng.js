'use strict';
/**
 * A small seeded random source (mulberry32) with the helpers the generators need. The same seed gives the same
 * corpus on every machine, so expected counts and timings can be compared run to run.
 */

/** Returns a random source seeded with `seed` (a 32-bit integer). */
function createRandom(seed) {
  let state = seed >>> 0;
  /** A float in [0, 1). */
  function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  const int = (n) => Math.floor(next() * n);
  /** An integer in [lo, hi]. */
  const between = (lo, hi) => lo + int(hi - lo + 1);
  /** One element of `items`. */
  const pick = (items) => items[int(items.length)];
  /** True with probability `p`. */
  const chance = (p) => next() < p;
  /** `n` lowercase hex digits. */
  const hex = (n) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(16)];
    return s;
  };
  /** A random version-4 RFC 4122 UUID in lowercase, the shape Plaid issues. */
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  /** One key of `weights` ({key: weight}), chosen in proportion to its weight. */
  const weighted = (weights) => {
    const entries = Object.entries(weights);
    let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  };
  /** A Poisson-distributed count with mean `mean` (Knuth's method, normal approximation for large means). */
  const poisson = (mean) => {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (next() + next() + next() - 1.5) * 2));
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = next(); p > limit; p *= next()) k++;
    return k;
  };
  return { next, int, between, pick, chance, hex, uuid, weighted, poisson };
}

/** A stable 32-bit seed derived from a string, so named sub-streams do not disturb each other. */
function seedFrom(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

module.exports = { createRandom, seedFrom };
