import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Fixed one-minute request windows per key (a client address, a signed-in address, a maker),
 * in the database so every instance on it counts against the same budget.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
