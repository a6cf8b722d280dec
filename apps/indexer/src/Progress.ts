// Every block from the head at start-up on (ponder.config.ts "IndexProgress"): Ponder runs a
// block's handler after that block's logs, in the same transaction, so this row says which
// block is fully queryable. /api/status reports it.
import { ponder } from "ponder:registry";
import { indexProgress } from "ponder:schema";

ponder.on("IndexProgress:block", async ({ event, context }) => {
  const row = { blockNumber: event.block.number, timestamp: event.block.timestamp };
  await context.db
    .insert(indexProgress)
    .values({ id: 1, ...row })
    .onConflictDoUpdate(row);
});
