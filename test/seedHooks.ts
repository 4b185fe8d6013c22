/**
 * Mocha root hooks (loaded with `--require`) that make random test data replayable: fast-check draws from the
 * run's seed, and the seed is printed when the run starts and after every failed test.
 */
import fc from 'fast-check';
import { replayHint, TEST_SEED } from './seed';

fc.configureGlobal({ seed: TEST_SEED });

/** The hooks mocha runs around every test of the suite. */
export const mochaHooks = {
  beforeAll(): void {
    // Printed up front as well, because a failing hook reaches no afterEach.
    console.log(`Random test data from ${replayHint()}`);
  },
  afterEach(this: Mocha.Context): void {
    if (this.currentTest?.state === 'failed') console.log(`      ↳ replay with ${replayHint()}`);
  },
};
