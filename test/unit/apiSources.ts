/**
 * Where the API glossary tests find their sources: the fixture spec in the repository, and the pinned real spec when
 * this machine has it (`$PLAID_LENS_OPENAPI_SPEC`, or a `refs/2020-09-14.yml` beside or above the checkout).
 */
import * as fs from 'fs';
import * as path from 'path';

// Compiled to out/test/unit/, so the repository root is three levels up.
/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');

/** The small spec of our own making. */
export const FIXTURE_SPEC = path.join(ROOT, 'test/fixtures/api/mini-spec.yml');

const REAL_CANDIDATES = [
  process.env.PLAID_LENS_OPENAPI_SPEC,
  path.resolve(ROOT, '../refs/2020-09-14.yml'),
  path.resolve(ROOT, '../../refs/2020-09-14.yml'),
].filter((p): p is string => p !== undefined && p !== '');

/** The real spec's path, when present. */
export const REAL_SPEC: string | undefined = REAL_CANDIDATES.find((p) => fs.existsSync(p));

/** Every prose string of a spec: its `description`, `summary` and `title` values, at any depth. */
export function specTexts(file: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const spec = (require(path.join(ROOT, 'scripts/glossary-api.js')) as { loadSpec(f: string): unknown }).loadSpec(file);
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if ((k === 'description' || k === 'summary' || k === 'title') && typeof x === 'string') texts.push(x);
        else walk(x);
      }
    }
  };
  walk(spec);
  return texts;
}
