/**
 * The masking table every output path is tested against: each prefix of the glossary whose tail is not a UUID,
 * before each environment, with tails that hold no digit, upper-case base32 tails and mixed-case tails, the heads in
 * lower, upper and capitalised case. Tails are drawn from the run's seed.
 */
import { environmentSegments, knownPrefixes } from '../../server/src/engine/glossary';
import { BASE32, testRandom } from '../seed';

const random = testRandom('unit:maskingRows');

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** `length` characters of `alphabet`, not starting `xx`: the engine reads such a tail as a placeholder, not a value. */
function tail(length: number, alphabet: string): string {
  for (;;) {
    const drawn = random.string(length, alphabet);
    if (!/^xx/i.test(drawn)) return drawn;
  }
}

/** Kinds of tail, each drawn fresh for every row. */
export const TAIL_KINDS: readonly { name: string; make: () => string }[] = [
  { name: 'lower-case tail without a digit', make: () => tail(27, LOWER) },
  { name: 'upper-case base32 tail without a digit', make: () => tail(26, UPPER) },
  { name: 'upper-case base32 tail', make: () => tail(26, BASE32) },
  { name: 'mixed-case tail without a digit', make: () => tail(27, LOWER + UPPER) },
  // The shortest tail that counts as a value: nothing of it may show.
  { name: 'eight-letter tail', make: () => tail(8, LOWER + UPPER) },
];

/** How a head may be written: `credit-relay-production-`, `CREDIT-RELAY-PRODUCTION-`, `Credit-relay-production-`. */
export const HEAD_CASES: readonly { name: string; apply: (head: string) => string }[] = [
  { name: 'lower-case head', apply: (head) => head },
  { name: 'upper-case head', apply: (head) => head.toUpperCase() },
  { name: 'capitalised head', apply: (head) => head.charAt(0).toUpperCase() + head.slice(1) },
];

/** One row: a token made of a glossary prefix, an environment segment and a tail. */
export interface MaskingRow {
  /** e.g. `credit-relay-production-, upper-case base32 tail without a digit`. */
  name: string;
  prefix: string;
  environment: string;
  tailKind: string;
  /** The head in lower case, `credit-relay-production-`. */
  head: string;
  tail: string;
  /** The head and tail. */
  token: string;
}

/** Glossary prefixes whose tail is not a UUID, e.g. `credit-relay`, `payment-id`. */
export const OPAQUE_PREFIXES = knownPrefixes.filter((p) => p.tail === 'opaque').map((p) => p.prefix);

/** Glossary prefixes whose tail is a UUID, e.g. `access`, `asset-report`. */
export const UUID_PREFIXES = knownPrefixes.filter((p) => p.tail === 'uuid').map((p) => p.prefix);

/** Environment segments as tokens spell them. */
export const ENVIRONMENTS = [...environmentSegments.keys()];

/** A row for every prefix in `prefixes` × every environment × every tail kind, heads in lower case. */
export function maskingRows(prefixes: readonly string[] = OPAQUE_PREFIXES, environments: readonly string[] = ENVIRONMENTS): MaskingRow[] {
  return prefixes.flatMap((prefix) =>
    environments.flatMap((environment) =>
      TAIL_KINDS.map((kind) => {
        const head = `${prefix}-${environment}-`;
        const tail = kind.make();
        return { name: `${head}, ${kind.name}`, prefix, environment, tailKind: kind.name, head, tail, token: head + tail };
      }),
    ),
  );
}

/** What masking must make of a token with this head and tail: the head, an ellipsis, the last four of a long tail. */
export function expectedMask(head: string, tail: string): string {
  return `${head}…${tail.length > 12 ? tail.slice(-4) : ''}`;
}

/** How many characters of a tail in a row may never appear together in any output. */
const WINDOW = 8;

/** Every run of eight tail characters that shows up in `output`; the list must be empty. */
export function tailLeaks(output: string, tail: string): string[] {
  const hits: string[] = [];
  for (let i = 0; i + WINDOW <= tail.length; i++) {
    const part = tail.slice(i, i + WINDOW);
    if (output.includes(part)) hits.push(part);
  }
  return hits;
}
