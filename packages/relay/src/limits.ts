// How much one relay process keeps and accepts. Everything is in memory, so every dimension is
// capped: a flood evicts the oldest events instead of growing the process.
export type RelayLimits = {
  /** Stored events; past it the oldest arrival is evicted. */
  maxEvents: number;
  /** Sum of the stored events' JSON sizes; past it the oldest arrival is evicted. */
  maxTotalBytes: number;
  /** One event's JSON size; a bigger one is refused with OK false. */
  maxEventBytes: number;
  /** Open subscriptions per connection (the library forgets the least recently used past it). */
  maxSubscriptionsPerClient: number;
  /** Filters in one REQ. */
  maxFiltersPerReq: number;
  /** Messages from one connection waiting to be handled; past it the connection is closed. */
  maxQueuedMessagesPerClient: number;
  /** Events one filter returns from storage, newest first (a filter's own `limit` may lower it). */
  maxLimit: number;
};

export const DEFAULT_LIMITS: RelayLimits = {
  maxEvents: 50_000,
  maxTotalBytes: 64 * 1024 * 1024,
  maxEventBytes: 64 * 1024,
  maxSubscriptionsPerClient: 20,
  maxFiltersPerReq: 10,
  maxQueuedMessagesPerClient: 1000,
  maxLimit: 50_000,
};

export function resolveLimits(overrides: Partial<RelayLimits> = {}): RelayLimits {
  const limits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`relay limit ${name} must be a positive integer, got ${value}`);
  }
  return limits;
}

/** The size an event is counted at: its JSON text in UTF-8. */
export function eventBytes(event: unknown): number {
  return Buffer.byteLength(JSON.stringify(event) ?? "", "utf8");
}
