// The read model. `offers` and `deals` mirror the contracts' getOffer/getDeal (same field
// names) plus when each step happened; `fills`, `trade_events` and `credit_events` keep
// every event; `tokens` holds the metadata of every token a trade touched. Reputation is kept
// per address in `reputations` and the tables after it, updated by the handlers as events
// arrive (src/lib/reputation.ts), so reading it costs the same at any number of trades.
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
    /** Exact price sort key (src/lib/price.ts), a whole number; not served by the API. */
    priceKey: t.numeric().notNull(),
  }),
  (table) => ({
    statusIdx: index().on(table.status, table.sellToken, table.buyToken),
    // Price order with an index, with or without a token pair (ties: newest first, by incremental sort).
    priceIdx: index().on(table.status, table.priceKey),
    pairPriceIdx: index().on(table.status, table.sellToken, table.buyToken, table.priceKey),
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

/**
 * Reputation figures of one address (SPEC "Indexer and reputation"), kept by the handlers as
 * events arrive, so a read is one row whatever the number of trades.
 */
export const reputations = onchainTable("reputations", (t) => ({
  address: t.hex().primaryKey(),
  fillsAsMaker: t.integer().notNull(),
  fillsAsTaker: t.integer().notNull(),
  signedFillsAsMaker: t.integer().notNull(),
  signedFillsAsTaker: t.integer().notNull(),
  dealsReleasedAsSeller: t.integer().notNull(),
  dealsReleasedAsBuyer: t.integer().notNull(),
  dealsResolved: t.integer().notNull(),
  disputesOpened: t.integer().notNull(),
  lapsedAsBuyer: t.integer().notNull(),
  backedOutAsBuyer: t.integer().notNull(),
  /** How many rows of each kind reputation_durations holds for it: where the median sits. */
  takenToPaidCount: t.integer().notNull(),
  paidToReleasedCount: t.integer().notNull(),
  firstTradeAt: t.bigint(),
  lastTradeAt: t.bigint(),
}));

/** One duration a median is taken over: DealTaken to DealPaid (buyer), DealPaid to DealReleased (seller). */
export const reputationDurations = onchainTable(
  "reputation_durations",
  (t) => ({
    id: t.text().primaryKey(),
    address: t.hex().notNull(),
    /** "takenToPaid" or "paidToReleased". */
    kind: t.text().notNull(),
    dealId: t.bigint().notNull(),
    seconds: t.bigint().notNull(),
  }),
  // The median is read straight off this index: the middle one or two entries of (address, kind).
  (table) => ({ orderIdx: index().on(table.address, table.kind, table.seconds) }),
);

/** Volume of completed trades per (address, token). */
export const reputationVolumes = onchainTable(
  "reputation_volumes",
  (t) => ({
    id: t.text().primaryKey(),
    address: t.hex().notNull(),
    token: t.hex().notNull(),
    amount: t.bigint().notNull(),
  }),
  (table) => ({ addressIdx: index().on(table.address, table.token) }),
);

/** A resolved deal of an address, with its role and the buyer's share. */
export const reputationResolutions = onchainTable(
  "reputation_resolutions",
  (t) => ({
    id: t.text().primaryKey(),
    address: t.hex().notNull(),
    dealId: t.bigint().notNull(),
    /** "seller" or "buyer". */
    role: t.text().notNull(),
    buyerShareBps: t.integer().notNull(),
  }),
  (table) => ({ addressIdx: index().on(table.address, table.dealId) }),
);

/**
 * The last block whose events are all indexed: written by a handler on every block (after the
 * block's logs, in the same transaction), so it is reverted with the data on a restart and
 * never runs ahead of what a query can see. /api/status reads it.
 */
export const indexProgress = onchainTable("index_progress", (t) => ({
  id: t.integer().primaryKey(),
  blockNumber: t.bigint().notNull(),
  timestamp: t.bigint().notNull(),
}));
