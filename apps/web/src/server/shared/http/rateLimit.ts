import { lt, sql } from "drizzle-orm";
import { serverConfig } from "../config";
import { getDb } from "../db/client";
import { rateLimits } from "../db/schema";
import { clientAddress } from "./clientAddress";
import { HttpError } from "./errors";

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per key, counted in the database (one atomic upsert per key), so N
 * instances on one PostgreSQL share every budget. The database's clock decides the windows.
 */
export async function rateLimitAt(limit: number, ...keys: string[]): Promise<void> {
  const db = await getDb();
  for (const key of keys) {
    const expired = sql`${rateLimits.windowStart} <= now() - interval '1 minute'`;
    const [row] = await db
      .insert(rateLimits)
      .values({ key, windowStart: sql`now()`, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
        },
      })
      .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
    if (Math.random() < 0.01) await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - interval '2 minutes'`));
    if (row && row.count > limit) {
      const retry = Math.min(60, Math.max(1, Math.ceil((row.windowStart.getTime() + WINDOW_MS - Date.now()) / 1000)));
      throw new HttpError(429, "Too many requests; wait a minute and try again.", { "retry-after": String(retry) });
    }
  }
}

/** The shared budget (SERVER_RATE_LIMIT_PER_MINUTE) for each key. */
export function rateLimit(...keys: string[]): Promise<void> {
  return rateLimitAt(serverConfig().rateLimitPerMinute, ...keys);
}

export function limitByIp(request: Request): Promise<void> {
  return rateLimit(`ip:${clientAddress(request)}`);
}
