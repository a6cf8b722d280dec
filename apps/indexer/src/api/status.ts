// How far the index has come against the chain head, for the app's "indexer is behind" banner.
import { db } from "ponder:api";
import { sql } from "ponder";
import { chainHead } from "./chainClock";

/** The app treats the index as usable up to this many blocks behind the head. */
export const MAX_LAG_BLOCKS = 3;

export async function indexStatus(chainId: number) {
  const result = (await db.execute(sql`select * from _ponder_checkpoint`)) as unknown as { rows: Record<string, string>[] };
  const checkpoint = result.rows[0]?.latestCheckpoint ?? result.rows[0]?.latest_checkpoint;
  // Ponder's checkpoint string: 10 digits of block time, 16 of chain id, 16 of block number, ...
  const indexedBlock = checkpoint ? BigInt(checkpoint.slice(26, 42)) : null;
  const indexedTimestamp = checkpoint ? BigInt(checkpoint.slice(0, 10)) : null;
  const head = await chainHead().catch(() => null);
  const lag = head && indexedBlock !== null ? head.number - indexedBlock : null;
  return {
    chainId,
    indexedBlock,
    indexedTimestamp,
    headBlock: head?.number ?? null,
    lagBlocks: lag,
    caughtUp: lag !== null && lag <= BigInt(MAX_LAG_BLOCKS),
  };
}
