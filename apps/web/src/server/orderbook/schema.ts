import { bigint, bigserial, boolean, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** uint256 values as exact decimal strings (numeric without scale holds all 78 digits). */
const uint = (name: string) => numeric(name, { precision: 78, scale: 0 });

/**
 * Signed offers posted to the book: the whole order and its signature, so anyone can re-verify
 * and fill it without this server. Nothing in a row is private. Addresses are checksummed.
 */
export const signedOrders = pgTable(
  "signed_orders",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    /** SignedSwap.hashOrder: the EIP-712 digest the maker signed (0x, lower case). A repost is a no-op. */
    orderHash: text("order_hash").notNull(),
    chainId: integer("chain_id").notNull(),
    verifyingContract: text("verifying_contract").notNull(),
    maker: text("maker").notNull(),
    taker: text("taker").notNull(),
    sellToken: text("sell_token").notNull(),
    sellAmount: uint("sell_amount").notNull(),
    buyToken: text("buy_token").notNull(),
    buyAmount: uint("buy_amount").notNull(),
    expiry: numeric("expiry", { precision: 20, scale: 0 }).notNull(),
    nonce: uint("nonce").notNull(),
    partialFills: boolean("partial_fills").notNull(),
    signature: text("signature").notNull(),
    /** floor(buyAmount * 2^512 / sellAmount): an exact price sort key (rows.ts); up to 232 digits. */
    priceKey: numeric("price_key", { precision: 240, scale: 0 }).notNull(),
    /** open | filled | cancelled | unfillable (see status.ts). */
    status: text("status").notNull().default("open"),
    /** Why an order is unfillable: a SignedSwap error name (MakerBalanceLow, OrderExpired, ...). */
    unfillableReason: text("unfillable_reason"),
    /** Sell amount filled so far, as SignedSwap.filledAmount reports it (0 for all-or-nothing orders). */
    filledAmount: uint("filled_amount").notNull().default("0"),
    /** When `check` last ran for this order: the periodic re-check takes the stalest first. */
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("signed_orders_hash").on(t.orderHash),
    // price descending walks this one backwards; ascending, with ties newest first, needs its own
    index("signed_orders_open_pair_price").on(t.status, t.sellToken, t.buyToken, t.priceKey, t.id),
    index("signed_orders_open_pair_price_asc").on(t.status, t.sellToken, t.buyToken, t.priceKey, t.id.desc()),
    index("signed_orders_maker_nonce").on(t.maker, t.nonce),
    index("signed_orders_recheck").on(t.status, t.checkedAt),
  ],
);

/**
 * How far the book has followed SignedSwap's logs, per chain and contract, and a lease so only
 * one request (in any process) runs a sync step at a time.
 */
export const orderbookSync = pgTable("orderbook_sync", {
  /** `<chainId>:<SignedSwap address>` */
  key: text("key").primaryKey(),
  lastBlock: bigint("last_block", { mode: "bigint" }).notNull(),
  syncedAt: timestamp("synced_at", { withTimezone: true }),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
});
