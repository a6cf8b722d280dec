/**
 * What one relay may cost a reader. Within a window a relay may send at most `eventsPerWindow`
 * events and `bytesPerWindow` bytes, and at most `invalidPerWindow` events that fail their nostr
 * signature or the filter; past any of these it is cut off (closed, not reconnected) and the
 * others keep serving. A single message over `maxMessageBytes` is dropped unread.
 */
export type RelayLimits = {
  windowMs: number;
  eventsPerWindow: number;
  bytesPerWindow: number;
  invalidPerWindow: number;
  maxMessageBytes: number;
};

export const defaultRelayLimits: RelayLimits = {
  windowMs: 60_000,
  eventsPerWindow: 20_000,
  bytesPerWindow: 32 * 1024 * 1024,
  invalidPerWindow: 500,
  maxMessageBytes: 64 * 1024,
};

/** Counts one relay's traffic in fixed windows; `over` names the first limit it went past. */
export class RelayBudget {
  private windowStart = 0;
  private events = 0;
  private bytes = 0;
  private invalid = 0;
  constructor(
    private readonly limits: RelayLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private roll(): void {
    const t = this.now();
    if (t - this.windowStart >= this.limits.windowMs) {
      this.windowStart = t;
      this.events = 0;
      this.bytes = 0;
      this.invalid = 0;
    }
  }

  /** Counts a message of `bytes`; returns why the relay is now over budget, if it is. */
  message(bytes: number): string | undefined {
    this.roll();
    this.events += 1;
    this.bytes += bytes;
    if (this.events > this.limits.eventsPerWindow) return `sent more than ${this.limits.eventsPerWindow} events in ${this.limits.windowMs / 1000} s`;
    if (this.bytes > this.limits.bytesPerWindow)
      return `sent more than ${Math.round(this.limits.bytesPerWindow / 1024 / 1024)} MiB in ${this.limits.windowMs / 1000} s`;
    return undefined;
  }

  invalidEvent(): string | undefined {
    this.roll();
    this.invalid += 1;
    return this.invalid > this.limits.invalidPerWindow
      ? `sent more than ${this.limits.invalidPerWindow} invalid events in ${this.limits.windowMs / 1000} s`
      : undefined;
  }
}
