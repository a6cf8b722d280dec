// A fixed-window request limit per client address, in memory (one indexer process serves the
// API). Over the limit: 429 with a plain message. INDEXER_RATE_LIMIT sets requests per minute.
import type { MiddlewareHandler } from "hono";

const WINDOW_MS = 60_000;

export function rateLimit(perMinute = Number(process.env.INDEXER_RATE_LIMIT ?? 1_200)): MiddlewareHandler {
  let windowStart = Date.now();
  let counts = new Map<string, number>();
  return async (c, next) => {
    const now = Date.now();
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now;
      counts = new Map();
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    const client = env?.incoming?.socket?.remoteAddress ?? "unknown";
    const used = (counts.get(client) ?? 0) + 1;
    counts.set(client, used);
    if (used > perMinute) {
      c.header("retry-after", String(Math.ceil((windowStart + WINDOW_MS - now) / 1000)));
      return c.json({ error: `too many requests: at most ${perMinute} a minute` }, 429);
    }
    await next();
  };
}
