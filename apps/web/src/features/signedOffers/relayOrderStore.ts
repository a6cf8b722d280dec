import { encodeOrderLink, type NostrEvent, type OrderEventStatus, readOrderEvent, type SignedOrderWithSignature } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import { sameAddress } from "@/lib/address";

/**
 * Signed offers read from Nostr relays, shown only once this browser has checked them itself.
 *
 * A relay can send anything, so nothing it says is believed: each order is read with the SDK's
 * `readOrderEvent` (tags agree with the signed content, d = order hash), kept only for this app's
 * chain and SignedSwap, and shown only after `verify` (the maker's EIP-712 signature and
 * `SignedSwap.check`) finds no problem. A status tag ("canceled", …) is a hint that makes the
 * store re-check the chain at once, never a reason to hide an order by itself: anyone can publish
 * such an event for any order hash, and the chain decides.
 *
 * Orders are told apart by hash *and* signature: a relay that serves a genuine order's terms with
 * a bad signature must not shadow the genuine event. Memory and work are bounded: at most
 * `maxOrders` candidates, at most `maxQueued` waiting for their first check (more are dropped and
 * counted: the feed does not deliver an event twice, so a relay's backlog beyond that is lost
 * until the next connection), `concurrency` batches of `batchSize` in flight, and a bounded
 * memory of rejected ones.
 */
export type Verdict = { ok: true; remaining: bigint } | { ok: false; reason: string; final: boolean };
export type VerifyBatch = (orders: readonly SignedOrderWithSignature[]) => Promise<Verdict[]>;

export type RelayOrder = {
  orderHash: Hex;
  signed: SignedOrderWithSignature;
  remaining: bigint;
  /** The order's share link (made here, in the lazily loaded store, not in the page's bundle). */
  link: string;
  /** The newest event's created_at (seconds). */
  createdAt: number;
  /** Relay URLs that carried it. */
  relays: readonly string[];
};

export type StoreOptions = {
  chainId: number;
  contract: Address;
  verify: VerifyBatch;
  maxOrders?: number;
  maxQueued?: number;
  maxRejected?: number;
  concurrency?: number;
  batchSize?: number;
  /** How long new events gather before a batch goes out (events arrive one message at a time). */
  gatherMs?: number;
};

export type StoreStats = { candidates: number; shown: number; queued: number; inFlight: number; dropped: number; rejected: number };

type Entry = {
  key: string;
  hash: Hex;
  signed: SignedOrderWithSignature;
  createdAt: number;
  status: OrderEventStatus;
  eventId: string;
  relays: Set<string>;
  /** What the last check found: not yet checked, fillable now (shown), or not now but maybe later. */
  verdict: "unchecked" | "shown" | "waiting";
  remaining: bigint;
  queued: boolean;
  link?: string;
};

const candidateKey = (hash: Hex, signature: Hex) => `${hash}:${signature.toLowerCase()}`;

export class RelayOrderStore {
  private readonly entries = new Map<string, Entry>();
  private readonly byEvent = new Map<string, string>();
  private readonly byHash = new Map<Hex, Set<string>>();
  /** Candidates that can never show (bad signature, nonce used, expired, fully filled). */
  private readonly rejected = new Set<string>();
  private readonly fresh: string[] = [];
  private readonly recheckQueue: string[] = [];
  private readonly listeners = new Set<() => void>();
  private inFlight = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dropped = 0;
  private version = 0;
  private cache: { version: number; orders: RelayOrder[] } = { version: -1, orders: [] };
  private readonly opts: Required<StoreOptions>;

  constructor(options: StoreOptions) {
    this.opts = { maxOrders: 10_000, maxQueued: 10_000, maxRejected: 20_000, concurrency: 4, batchSize: 50, gatherMs: 50, ...options };
  }

  /** Reads one relay event; returns why it was not taken, if it was not. */
  add(event: NostrEvent, relayUrl: string): string | undefined {
    const read = readOrderEvent(event);
    if (!read.ok) return read.reason;
    const { signed, hash, status, createdAt } = read;
    if (signed.chainId !== this.opts.chainId || !sameAddress(signed.verifyingContract, this.opts.contract)) return "another chain or contract";
    const key = candidateKey(hash, signed.signature);
    if (this.rejected.has(key)) return "already rejected";
    const known = this.entries.get(key);
    if (known) {
      known.relays.add(relayUrl);
      if (createdAt > known.createdAt) {
        this.byEvent.delete(known.eventId);
        Object.assign(known, { createdAt, status, eventId: event.id });
        this.byEvent.set(event.id, key);
        this.changed();
      }
      if (status !== "pending") this.recheckHash(hash);
      return undefined;
    }
    // A status other than "pending" only points at orders we may already show.
    if (status !== "pending") {
      this.recheckHash(hash);
      return undefined;
    }
    if (this.fresh.length >= this.opts.maxQueued || (this.entries.size >= this.opts.maxOrders && !this.evictWaiting())) {
      this.dropped += 1;
      return "over the store's bounds";
    }
    const entry: Entry = {
      key,
      hash,
      signed,
      createdAt,
      status,
      eventId: event.id,
      relays: new Set([relayUrl]),
      verdict: "unchecked",
      remaining: 0n,
      queued: true,
    };
    this.entries.set(key, entry);
    this.byEvent.set(event.id, key);
    let same = this.byHash.get(hash);
    if (!same) this.byHash.set(hash, (same = new Set()));
    same.add(key);
    this.fresh.push(key);
    this.schedule();
    return undefined;
  }

  /** Another relay also carried an event already added. */
  seen(eventId: string, relayUrl: string): void {
    const entry = this.entries.get(this.byEvent.get(eventId) ?? "");
    if (entry && !entry.relays.has(relayUrl)) {
      entry.relays.add(relayUrl);
      if (entry.verdict === "shown") this.changed();
    }
  }

  /**
   * Queues shown orders for another look (fills, cancels, balances move); with `waiting`, also
   * the ones not fillable at their last check (the caller asks for those less often: a relay
   * can hand over thousands of them).
   */
  recheckAll({ waiting = true }: { waiting?: boolean } = {}): void {
    for (const entry of this.entries.values()) if (entry.verdict === "shown" || waiting) this.queueRecheck(entry);
    this.schedule();
  }

  /** Orders that passed their last check, one per order hash, unexpired at `nowSeconds`. */
  shown(nowSeconds?: bigint): RelayOrder[] {
    if (this.cache.version !== this.version) {
      const byHash = new Map<Hex, RelayOrder>();
      for (const e of this.entries.values()) {
        if (e.verdict !== "shown" || byHash.has(e.hash)) continue;
        e.link ??= encodeOrderLink(e.signed);
        byHash.set(e.hash, {
          orderHash: e.hash,
          signed: e.signed,
          remaining: e.remaining,
          link: e.link,
          createdAt: e.createdAt,
          relays: [...e.relays],
        });
      }
      this.cache = { version: this.version, orders: [...byHash.values()] };
    }
    if (nowSeconds === undefined) return this.cache.orders;
    return this.cache.orders.filter(({ signed: { order } }) => order.expiry === 0n || order.expiry > nowSeconds);
  }

  stats(): StoreStats {
    let shown = 0;
    for (const e of this.entries.values()) if (e.verdict === "shown") shown += 1;
    return {
      candidates: this.entries.size,
      shown,
      queued: this.fresh.length + this.recheckQueue.length,
      inFlight: this.inFlight,
      dropped: this.dropped,
      rejected: this.rejected.size,
    };
  }

  /** Called after any change to what `shown()` returns. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }

  private recheckHash(hash: Hex): void {
    for (const key of this.byHash.get(hash) ?? []) {
      const entry = this.entries.get(key);
      if (entry) this.queueRecheck(entry);
    }
    this.schedule();
  }

  private queueRecheck(entry: Entry): void {
    if (entry.queued) return;
    entry.queued = true;
    this.recheckQueue.push(entry.key);
  }

  /** Makes room by forgetting the oldest candidate not fillable now; false when every one is shown or queued. */
  private evictWaiting(): boolean {
    for (const entry of this.entries.values()) {
      if (entry.verdict === "waiting" && !entry.queued) {
        this.forget(entry);
        return true;
      }
    }
    return false;
  }

  private forget(entry: Entry): void {
    this.entries.delete(entry.key);
    this.byEvent.delete(entry.eventId);
    const same = this.byHash.get(entry.hash);
    same?.delete(entry.key);
    if (same?.size === 0) this.byHash.delete(entry.hash);
  }

  private reject(entry: Entry): void {
    this.forget(entry);
    this.rejected.add(entry.key);
    if (this.rejected.size > this.opts.maxRejected) this.rejected.delete(this.rejected.values().next().value as string);
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, this.opts.gatherMs);
  }

  private pump(): void {
    while (this.inFlight < this.opts.concurrency) {
      const batch: Entry[] = [];
      while (batch.length < this.opts.batchSize) {
        const key = this.fresh.shift() ?? this.recheckQueue.shift();
        if (key === undefined) break;
        const entry = this.entries.get(key);
        if (entry?.queued) batch.push(entry);
      }
      if (batch.length === 0) return;
      this.inFlight += 1;
      void this.check(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async check(batch: Entry[]): Promise<void> {
    let verdicts: Verdict[] | undefined;
    try {
      verdicts = await this.opts.verify(batch.map((e) => e.signed));
    } catch {
      // the node could not be asked: what was shown stays shown, the rest waits for the next round
    }
    let visible = false;
    batch.forEach((entry, i) => {
      entry.queued = false;
      if (!this.entries.has(entry.key)) return;
      const verdict = verdicts?.[i];
      const wasShown = entry.verdict === "shown";
      if (!verdict) {
        if (entry.verdict === "unchecked") entry.verdict = "waiting";
        return;
      }
      if (verdict.ok) {
        visible ||= !wasShown || entry.remaining !== verdict.remaining;
        entry.verdict = "shown";
        entry.remaining = verdict.remaining;
      } else {
        visible ||= wasShown;
        if (verdict.final) this.reject(entry);
        else entry.verdict = "waiting";
      }
    });
    if (visible) this.changed();
  }
}
