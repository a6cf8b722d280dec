/** How often the indexer is asked while it answers. */
export const INDEXER_POLL_MS = 4_000;
const MAX_POLL_MS = 60_000;

/**
 * The wait before the next poll after `failures` failed polls in a row: 4 s while the indexer
 * answers, then twice as long after each failure, at most a minute, so a stopped indexer costs
 * each tab a request a minute instead of one every 4 s (and as many console errors).
 */
export function indexerPollDelay(failures: number): number {
  return Math.min(INDEXER_POLL_MS * 2 ** Math.max(0, failures), MAX_POLL_MS);
}

/** Counts failed indexer requests in a row (shared by every poll of the tab); an answer resets it. */
export function createFailureCounter() {
  let failures = 0;
  return {
    failures: () => failures,
    async track<T>(request: () => Promise<T>): Promise<T> {
      try {
        const result = await request();
        failures = 0;
        return result;
      } catch (error) {
        failures += 1;
        throw error;
      }
    },
  };
}
