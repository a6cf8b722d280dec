import { AbstractRelay, type Subscription } from "nostr-tools/abstract-relay";
import type { Filter } from "nostr-tools/filter";
import { getEventHash, validateEvent, verifyEvent as verifyNostrEvent } from "nostr-tools/pure";
import type { NostrEvent } from "./kinds.js";
import { defaultRelayLimits, RelayBudget, type RelayLimits } from "./limits.js";
import { normalizeRelayUrl } from "./relayUrls.js";

/**
 * Many relays as one bounded feed: every relay is read and written, an event arrives once however
 * many relays carry it (with the list of relays that did), a relay that goes away is retried with
 * backoff, and a relay that floods (see RelayLimits) is cut off while the others keep serving.
 * Nostr signatures are checked (nostr-tools); what an event claims is the caller's to check.
 */
export type RelayStatus = "connecting" | "open" | "retrying" | "cut-off" | "closed";
export type RelayState = { url: string; status: RelayStatus; reason?: string; received: number };
export type PublishResult = { url: string; ok: boolean; message: string };

export type FeedOptions = {
  limits?: Partial<RelayLimits>;
  /** Called whenever a relay's state changes. */
  onstate?: (states: RelayState[]) => void;
  /** Distinct event ids remembered for dedup (oldest forgotten first). */
  maxSeen?: number;
  /**
   * "signature" (default): nostr-tools' verifyEvent, the event's id and its Schnorr signature.
   * "id": the id only (is it the hash of this very event?), about 40 times cheaper. Enough for a
   * reader that trusts nothing the nostr key says (Peerlock's app checks wallet signatures inside
   * every event); it still stops a relay from passing a different body under a real event's id.
   */
  verify?: "signature" | "id";
  connectTimeoutMs?: number;
};

export type FeedSubscription = {
  /** Called once per distinct event, with the relay it came from first. */
  onevent: (event: NostrEvent, relayUrl: string) => void;
  /** Called when another relay also carries an event already delivered. */
  onseen?: (eventId: string, relayUrl: string) => void;
  /** Called once per relay when it has sent everything it stored. */
  oneose?: (relayUrl: string) => void;
};

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const PUBLISH_TIMEOUT_MS = 8_000;

/** A relay connection that counts what it receives before nostr-tools parses it. */
class BoundedRelay extends AbstractRelay {
  constructor(
    url: string,
    verify: (event: NostrEvent) => boolean,
    private readonly budget: RelayBudget,
    private readonly maxMessageBytes: number,
    private readonly over: (reason: string) => void,
  ) {
    super(url, { verifyEvent: (event) => verify(event as NostrEvent), enableReconnect: false, enablePing: false });
  }

  override _onmessage(ev: MessageEvent): void {
    const size = typeof ev.data === "string" ? ev.data.length : 0;
    if (size > this.maxMessageBytes) return;
    const reason = this.budget.message(size);
    if (reason) return this.over(reason);
    super._onmessage(ev);
  }
}

type Entry = {
  url: string;
  state: RelayState;
  relay?: BoundedRelay;
  budget: RelayBudget;
  attempt: number;
  timer?: ReturnType<typeof setTimeout>;
  subs: Map<FeedSubscription, Subscription>;
};

export class RelayFeed {
  private readonly entries: Entry[];
  private readonly limits: RelayLimits;
  private readonly seen = new Map<string, Set<string>>();
  private readonly subscriptions = new Map<FeedSubscription, Filter[]>();
  private readonly verify: (event: NostrEvent) => boolean;
  private closed = false;

  constructor(
    urls: readonly string[],
    private readonly options: FeedOptions = {},
  ) {
    this.limits = { ...defaultRelayLimits, ...options.limits };
    this.verify = options.verify === "id" ? hasOwnId : (event) => verifyNostrEvent(event);
    this.entries = [...new Set(urls.map(normalizeRelayUrl))].map((url) => ({
      url,
      state: { url, status: "connecting", received: 0 },
      budget: new RelayBudget(this.limits),
      attempt: 0,
      subs: new Map(),
    }));
    for (const entry of this.entries) void this.connect(entry);
  }

  states(): RelayState[] {
    return this.entries.map((e) => ({ ...e.state }));
  }

  /** Reads `filters` from every relay (now, and again after each reconnect) until `close()`. */
  subscribe(filters: Filter[], handlers: FeedSubscription): { close: () => void } {
    this.subscriptions.set(handlers, filters);
    for (const entry of this.entries) if (entry.relay?.connected) this.open(entry, handlers, filters);
    return {
      close: () => {
        this.subscriptions.delete(handlers);
        for (const entry of this.entries) {
          entry.subs.get(handlers)?.close();
          entry.subs.delete(handlers);
        }
      },
    };
  }

  /** Sends a signed event to every relay that is open; resolves with each relay's answer. */
  async publish(event: NostrEvent): Promise<PublishResult[]> {
    return Promise.all(
      this.entries.map(async ({ url, relay, state }): Promise<PublishResult> => {
        if (!relay?.connected) return { url, ok: false, message: state.reason ?? `not connected (${state.status})` };
        try {
          const message = await withTimeout(relay.publish(event), PUBLISH_TIMEOUT_MS, "no answer");
          return { url, ok: true, message };
        } catch (error) {
          return { url, ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
  }

  /** Relays that carried `eventId`, in the order they did. */
  seenOn(eventId: string): string[] {
    return [...(this.seen.get(eventId) ?? [])];
  }

  close(): void {
    this.closed = true;
    for (const entry of this.entries) {
      clearTimeout(entry.timer);
      entry.relay?.close();
      this.setState(entry, "closed");
    }
    this.subscriptions.clear();
  }

  private setState(entry: Entry, status: RelayStatus, reason?: string): void {
    entry.state = { ...entry.state, status, reason };
    this.options.onstate?.(this.states());
  }

  private async connect(entry: Entry): Promise<void> {
    if (this.closed || entry.state.status === "cut-off") return;
    const relay = new BoundedRelay(entry.url, this.verify, entry.budget, this.limits.maxMessageBytes, (reason) => this.cutOff(entry, reason));
    entry.relay = relay;
    relay.onclose = () => {
      if (this.closed || entry.state.status === "cut-off" || entry.relay !== relay) return;
      entry.subs.clear();
      this.retry(entry, "the connection closed");
    };
    try {
      await relay.connect({ timeout: this.options.connectTimeoutMs ?? 5_000 });
    } catch (error) {
      if (entry.relay === relay) this.retry(entry, error instanceof Error ? error.message : "cannot connect");
      return;
    }
    if (this.closed || entry.relay !== relay || (entry.state.status as RelayStatus) === "cut-off") return relay.close();
    entry.attempt = 0;
    this.setState(entry, "open");
    for (const [handlers, filters] of this.subscriptions) this.open(entry, handlers, filters);
  }

  private retry(entry: Entry, reason: string): void {
    if (this.closed) return;
    this.setState(entry, "retrying", reason);
    const delay = RETRY_MS[Math.min(entry.attempt, RETRY_MS.length - 1)];
    entry.attempt += 1;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => void this.connect(entry), delay);
  }

  private cutOff(entry: Entry, reason: string): void {
    if (entry.state.status === "cut-off") return;
    clearTimeout(entry.timer);
    this.setState(entry, "cut-off", `Cut off: it ${reason}.`);
    const relay = entry.relay;
    entry.relay = undefined;
    entry.subs.clear();
    relay?.close();
  }

  private open(entry: Entry, handlers: FeedSubscription, filters: Filter[]): void {
    const relay = entry.relay;
    if (!relay) return;
    const sub = relay.subscribe(filters, {
      alreadyHaveEvent: (id) => this.seen.has(id),
      receivedEvent: (_relay, id) => {
        const where = this.seen.get(id);
        if (where && !where.has(entry.url)) {
          where.add(entry.url);
          handlers.onseen?.(id, entry.url);
        }
      },
      onevent: (event) => {
        if (this.seen.has(event.id)) return;
        this.remember(event.id, entry.url);
        entry.state.received += 1;
        handlers.onevent(event as NostrEvent, entry.url);
      },
      oninvalidevent: () => {
        const reason = entry.budget.invalidEvent();
        if (reason) this.cutOff(entry, reason);
      },
      oneose: () => handlers.oneose?.(entry.url),
      eoseTimeout: 10_000,
    });
    entry.subs.set(handlers, sub);
  }

  private remember(id: string, url: string): void {
    this.seen.set(id, new Set([url]));
    const max = this.options.maxSeen ?? 50_000;
    if (this.seen.size > max) this.seen.delete(this.seen.keys().next().value as string);
  }
}

/** True when `event` is a well-formed nostr event whose id is the hash of its content. */
export function hasOwnId(event: NostrEvent): boolean {
  try {
    return validateEvent(event) && getEventHash(event) === event.id && /^[0-9a-f]{128}$/.test(event.sig);
  } catch {
    return false;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
