// How far the index has come against the chain head, for the app's "indexer is behind" banner.
// The indexed block is the index_progress row, written by a handler after each block's events
// in the same transaction as their rows (src/Progress.ts): after a restart Ponder reverts it
// with the data it re-indexes, so it never claims a block whose events a query cannot see yet.
// (Ponder's _ponder_checkpoint keeps the old head while it re-indexes its last blocks.)
import { db } from "ponder:api";
import { indexProgress } from "ponder:schema";
import { eq } from "ponder";
import { chainHead } from "./chainClock";

export async function indexStatus(chainId: number) {
  const [progress] = await db.select().from(indexProgress).where(eq(indexProgress.id, 1));
  const head = await chainHead().catch(() => null);
  const indexedBlock = progress?.blockNumber ?? null;
  // The head is read at most once a second, so it may be a block behind the index: no negative lag.
  const lag = head && indexedBlock !== null ? (head.number > indexedBlock ? head.number - indexedBlock : 0n) : null;
  return {
    chainId,
    indexedBlock,
    indexedTimestamp: progress?.timestamp ?? null,
    headBlock: head?.number ?? null,
    lagBlocks: lag,
    // Every event up to the head reported here is queryable.
    caughtUp: lag === 0n,
  };
}
