// SignedSwap events -> signed_fills and signed_nonce_cancellations, one row per event.
// Orders themselves are never on chain (only signed), so there is no order table to update.
import { ponder } from "ponder:registry";
import { signedFills, signedNonceCancellations } from "ponder:schema";
import { placeOf } from "./lib/history";
import { count } from "./lib/reputation";

ponder.on("SignedSwap:OrderFilled", async ({ event, context }) => {
  const { orderHash, maker, taker, nonce, sellAmount, buyAmount } = event.args;
  await context.db.insert(signedFills).values({ ...placeOf(event), orderHash, maker, taker, nonce, sellAmount, buyAmount });
  await count(context, maker, "signedFillsAsMaker");
  await count(context, taker, "signedFillsAsTaker");
});

// One nonce, or a word of them: both are cancellations by the maker, in one table.
ponder.on("SignedSwap:NonceCancelled", async ({ event, context }) => {
  const { maker, nonce } = event.args;
  await context.db.insert(signedNonceCancellations).values({ ...placeOf(event), name: "NonceCancelled", maker, nonce });
});

ponder.on("SignedSwap:NoncesInvalidated", async ({ event, context }) => {
  const { maker, wordPos, mask } = event.args;
  await context.db.insert(signedNonceCancellations).values({ ...placeOf(event), name: "NoncesInvalidated", maker, wordPos, mask });
});
