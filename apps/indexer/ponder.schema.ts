// The read model. `offers` and `deals` mirror the contracts' getOffer/getDeal (same field
// names) plus when each step happened; `fills`, `trade_events` and `credit_events` keep
// every event; `tokens` holds the metadata of every token a trade touched. Reputation is
// computed from these tables at read time (src/api/reputation.ts).
import { index, onchainTable } from "ponder";

export const offers = onchainTable(
  "offers",
  (t) => ({
    offerId: t.bigint().primaryKey(),
    maker: t.hex().notNull(),
    taker: t.hex().notNull(),
    sellToken: t.hex().notNull(),
    buyToken: t.hex().notNull(),
    sellAmount: t.bigint().notNull(),
    buyAmount: t.bigint().notNull(),
    sellRemaining: t.bigint().notNull(),
    expiry: t.bigint().notNull(),
    partialFills: t.boolean().notNull(),
    /** OfferStatus number, as getOffer returns it. */
    status: t.integer().notNull(),
    fillCount: t.integer().notNull(),
    createdAt: t.bigint().notNull(),
    createdBlock: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
    cancelledAt: t.bigint(),
  }),
  (table) => ({
    statusIdx: index().on(table.status, table.sellToken, table.buyToken),
    makerIdx: index().on(table.maker),
    takerIdx: index().on(table.taker),
  }),
);

export const fills = onchainTable(
  "fills",
  (t) => ({
    id: t.text().primaryKey(),
    offerId: t.bigint().notNull(),
    maker: t.hex().notNull(),
    taker: t.hex().notNull(),
    sellToken: t.hex().notNull(),
    buyToken: t.hex().notNull(),
    sellAmount: t.bigint().notNull(),
    buyAmount: t.bigint().notNull(),
    sellRemaining: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    offerIdx: index().on(table.offerId),
    makerIdx: index().on(table.maker),
    takerIdx: index().on(table.taker),
  }),
);

export const deals = onchainTable(
  "deals",
  (t) => ({
    dealId: t.bigint().primaryKey(),
    seller: t.hex().notNull(),
    buyer: t.hex().notNull(),
    token: t.hex().notNull(),
    arbiter: t.hex().notNull(),
    amount: t.bigint().notNull(),
    arbiterFeeBps: t.integer().notNull(),
    paymentWindow: t.integer().notNull(),
    paymentDeadline: t.bigint().notNull(),
    /** DealStatus number, as getDeal returns it. */
    status: t.integer().notNull(),
    termsHash: t.hex().notNull(),
    openedAt: t.bigint().notNull(),
    openedBlock: t.bigint().notNull(),
    takenAt: t.bigint(),
    paidAt: t.bigint(),
    disputedAt: t.bigint(),
    disputedBy: t.hex(),
    releasedAt: t.bigint(),
    refundedAt: t.bigint(),
    refundedBy: t.hex(),
    resolvedAt: t.bigint(),
    buyerShareBps: t.integer(),
    toBuyer: t.bigint(),
    toSeller: t.bigint(),
    fee: t.bigint(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    statusIdx: index().on(table.status, table.token),
    sellerIdx: index().on(table.seller),
    buyerIdx: index().on(table.buyer),
    arbiterIdx: index().on(table.arbiter, table.status),
  }),
);

/** Every event of either escrow about one offer or deal, in chain order: its history. */
export const tradeEvents = onchainTable(
  "trade_events",
  (t) => ({
    id: t.text().primaryKey(),
    /** "offer" or "deal". */
    kind: t.text().notNull(),
    tradeId: t.bigint().notNull(),
    name: t.text().notNull(),
    /** The event's arguments, bigints as decimal strings. */
    args: t.json().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    tradeIdx: index().on(table.kind, table.tradeId, table.blockNumber, table.logIndex),
  }),
);

/** Credited and Withdrawn of both escrows (payouts that could not be pushed, and their withdrawals). */
export const creditEvents = onchainTable(
  "credit_events",
  (t) => ({
    id: t.text().primaryKey(),
    escrow: t.text().notNull(),
    name: t.text().notNull(),
    account: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    accountIdx: index().on(table.account),
  }),
);

/** Metadata of every token a trade touched; null fields when the token's call reverted. */
export const tokens = onchainTable("tokens", (t) => ({
  address: t.hex().primaryKey(),
  symbol: t.text(),
  name: t.text(),
  decimals: t.integer(),
}));

/** Every OrderFilled of SignedSwap. The event names no tokens, so neither does the row. */
export const signedFills = onchainTable(
  "signed_fills",
  (t) => ({
    id: t.text().primaryKey(),
    orderHash: t.hex().notNull(),
    maker: t.hex().notNull(),
    taker: t.hex().notNull(),
    nonce: t.bigint().notNull(),
    sellAmount: t.bigint().notNull(),
    buyAmount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    orderIdx: index().on(table.orderHash, table.blockNumber, table.logIndex),
    makerIdx: index().on(table.maker, table.blockNumber, table.logIndex),
    takerIdx: index().on(table.taker, table.blockNumber, table.logIndex),
    chainOrderIdx: index().on(table.blockNumber, table.logIndex),
  }),
);

/**
 * SignedSwap's NonceCancelled (one nonce: `nonce` set, `wordPos`/`mask` null) and
 * NoncesInvalidated (a whole word: `wordPos` and `mask` set, `nonce` null).
 */
export const signedNonceCancellations = onchainTable(
  "signed_nonce_cancellations",
  (t) => ({
    id: t.text().primaryKey(),
    /** "NonceCancelled" or "NoncesInvalidated". */
    name: t.text().notNull(),
    maker: t.hex().notNull(),
    nonce: t.bigint(),
    wordPos: t.bigint(),
    mask: t.bigint(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    timestamp: t.bigint().notNull(),
    transactionHash: t.hex().notNull(),
  }),
  (table) => ({
    makerIdx: index().on(table.maker),
  }),
);
