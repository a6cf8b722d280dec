import type { Address, Hex } from "viem";
import { z } from "zod";
import type { Reputation } from "../reputation.js";
import type { TokenInfo } from "../deployments.js";
import type { DealWithId, OfferWithId } from "../types.js";
import { uintStringSchema } from "./primitives.js";

/**
 * The indexer's read API (apps/indexer, `/api/*`) as JSON: rows with uints as decimal strings,
 * decoded here into the shapes the chain reads give (OfferWithId, DealWithId), so the app renders
 * either source. The indexer's tests read its answers with the same schemas. Addresses stay as
 * the indexer writes them (lower case): checked, not re-cased.
 */
const rowAddress = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "Expected a 0x address of 40 hex digits.")
  .transform((s) => s as Address);
const uint = uintStringSchema("uint256");
const smallUint = z.number().int().nonnegative();

export const indexedOfferSchema = z
  .object({
    offerId: uint,
    maker: rowAddress,
    taker: rowAddress,
    sellToken: rowAddress,
    buyToken: rowAddress,
    sellAmount: uint,
    buyAmount: uint,
    sellRemaining: uint,
    expiry: uintStringSchema("uint64"),
    partialFills: z.boolean(),
    status: smallUint,
  })
  .transform(({ offerId, ...offer }): OfferWithId => ({ id: offerId, ...offer }) as OfferWithId);

export const indexedDealSchema = z
  .object({
    dealId: uint,
    seller: rowAddress,
    buyer: rowAddress,
    token: rowAddress,
    arbiter: rowAddress,
    amount: uint,
    arbiterFeeBps: smallUint,
    paymentWindow: smallUint,
    paymentDeadline: uintStringSchema("uint64"),
    status: smallUint,
    termsHash: z.string().regex(/^0x[0-9a-fA-F]*$/, "Expected 0x hex."),
  })
  .transform(({ dealId, termsHash, ...deal }): DealWithId => ({ id: dealId, ...deal, termsHash: termsHash as Hex }) as DealWithId);

/**
 * Token metadata the indexer sends with a page, keyed by lower-case address; tokens whose
 * metadata calls reverted (no symbol or decimals) are left out, so the app shows them as unknown.
 */
export const indexedTokensSchema = z
  .record(z.string(), z.object({ symbol: z.string().nullable(), name: z.string().nullable(), decimals: z.number().int().nullable() }))
  .optional()
  .transform((raw) => {
    const map: Record<string, TokenInfo> = {};
    for (const [address, t] of Object.entries(raw ?? {})) {
      if (t.symbol === null || t.decimals === null) continue;
      map[address.toLowerCase()] = { address: address as Address, symbol: t.symbol, name: t.name ?? t.symbol, decimals: t.decimals };
    }
    return map;
  });

/** One page of a list (`/api/offers`, `/api/deals`, `/api/arbiters/:a/disputes`). */
export const indexerPageSchema = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), tokens: indexedTokensSchema });

/** `/api/addresses/:a/trades`: offers for maker/taker, deals for seller/buyer/arbiter. */
export const indexerTradesPageSchema = z.discriminatedUnion("kind", [
  indexerPageSchema(indexedOfferSchema).extend({ kind: z.literal("offer") }),
  indexerPageSchema(indexedDealSchema).extend({ kind: z.literal("deal") }),
]);

const optionalUint = uintStringSchema("uint64").nullable();

/** `/api/status`: how far the index has come against the chain head. */
export const indexerStatusSchema = z.object({
  chainId: z.number().int().nonnegative(),
  indexedBlock: optionalUint,
  indexedTimestamp: optionalUint.optional(),
  headBlock: optionalUint,
  lagBlocks: optionalUint,
  caughtUp: z.boolean().optional(),
});
export type IndexerStatusWire = z.input<typeof indexerStatusSchema>;

/** One event of a trade's history (`/api/offers/:id/history`, `/api/deals/:id/history`); args as JSON. */
export const indexedTradeEventSchema = z.object({
  name: z.string(),
  args: z.record(z.string(), z.unknown()),
  blockNumber: uintStringSchema("uint64"),
  logIndex: z.number().int().nonnegative(),
  timestamp: uintStringSchema("uint64"),
  transactionHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, "Expected a transaction hash.")
    .transform((s) => s as Hex),
});
export const indexedHistorySchema = z.object({ items: z.array(indexedTradeEventSchema) });

const count = z.number().int().nonnegative();
/** `/api/addresses/:a/reputation`, and each item of `/api/reputation?addresses=`. */
export const reputationSchema = z.object({
  address: z.string(),
  fillsAsMaker: count,
  fillsAsTaker: count,
  dealsReleasedAsSeller: count,
  dealsReleasedAsBuyer: count,
  dealsResolved: count,
  resolutions: z.array(z.object({ dealId: z.string(), role: z.enum(["seller", "buyer"]), buyerShareBps: z.number().int() })),
  disputesOpened: count,
  lapsedAsBuyer: count,
  backedOutAsBuyer: count,
  medianSecondsTakenToPaid: z.number().nullable(),
  medianSecondsPaidToReleased: z.number().nullable(),
  completedTrades: count,
  completionRate: z.number().nullable(),
  firstTradeAt: z.string().nullable(),
  lastTradeAt: z.string().nullable(),
  volumeByToken: z.record(z.string(), z.string()),
  signedFillsAsMaker: count,
  signedFillsAsTaker: count,
}) satisfies z.ZodType<Reputation>;
export const reputationBatchSchema = z.object({ items: z.array(reputationSchema) });
