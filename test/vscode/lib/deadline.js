'use strict';
// Waiting with deadlines. Every timer is unref'd: a pending timer must never keep node alive after the run ends.

/** Resolves with `promise`, or rejects with "`what` did not finish within N s" once `ms` pass. */
function withDeadline(promise, ms, what) {
  let timer;
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

/** Resolves after `ms` without holding the event loop open. */
function pause(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Calls `probe` until it returns a truthy value (which is returned) or the deadline passes; a throwing probe counts
 * as "not yet" and its last error is named in the timeout message.
 */
async function pollUntil(probe, { timeoutMs, intervalMs = 250, what }) {
  const end = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= end) {
      const cause = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`${what} not seen within ${Math.round(timeoutMs / 1000)} s${cause}`);
    }
    await pause(intervalMs);
  }
}

module.exports = { withDeadline, pause, pollUntil };
