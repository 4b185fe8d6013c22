/**
 * The one source of random test data. Every random value a test uses comes from {@link testRandom}, seeded from
 * `PLAID_LENS_TEST_SEED` (or a fresh seed for each run, to keep exploring), so any failure replays exactly: the seed
 * is printed at the start of a run and after every failed test (see `seedHooks.ts`).
 */
import { randomInt } from 'node:crypto';

/** The environment variable that fixes the seed, e.g. `PLAID_LENS_TEST_SEED=1234 npm run test:security`. */
export const SEED_VARIABLE = 'PLAID_LENS_TEST_SEED';

/** The largest seed: fast-check takes a 32-bit signed integer. */
const MAX_SEED = 0x7fffffff;

/** The seed from the environment, or a fresh one; a value that is not a seed stops the run with a clear message. */
function readSeed(): number {
  const raw = process.env[SEED_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return randomInt(MAX_SEED + 1);
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_SEED) {
    throw new Error(`${SEED_VARIABLE}=${JSON.stringify(raw)} is not a seed: use a whole number from 0 to ${MAX_SEED}`);
  }
  return Number(raw);
}

/** The seed of this test run. */
export const TEST_SEED = readSeed();

/** How to replay this run, for failure messages: `PLAID_LENS_TEST_SEED=1234`. */
export function replayHint(): string {
  return `${SEED_VARIABLE}=${TEST_SEED}`;
}

/** A seeded random source with the shapes the tests need. */
export interface TestRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of `items`. */
  pick<T>(items: readonly T[]): T;
  /** `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** A lowercase version-4 RFC 4122 UUID, the shape Plaid issues. */
  uuid(): string;
}

/** Lowercase hex digits. */
export const HEX = '0123456789abcdef';
/** Upper-case RFC 4648 base32 letters and digits, the alphabet of Plaid's relay tokens. */
export const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The URL-safe base64 alphabet. */
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The random source named `stream`, seeded from the run's seed and the name, so that drawing more values in one
 * file does not change the values of another.
 */
export function testRandom(stream: string): TestRandom {
  return createRandom((TEST_SEED ^ hashName(stream)) >>> 0);
}

/** mulberry32: small, fast and good enough for test data; the same seed gives the same values on every machine. */
function createRandom(seed: number): TestRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const string = (length: number, alphabet: string): string => {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  const hex = (length: number): string => string(length, HEX);
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, string, hex, uuid };
}

/** FNV-1a: a stable 32-bit number for a stream name. */
function hashName(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
