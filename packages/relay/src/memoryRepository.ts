// The relay's storage: every event in one Map in arrival order, so evicting the oldest is
// O(1), plus an index of the current replaceable/addressable event per key. Queries scan;
// the store is capped (limits.ts), which caps the scan too.
import { type Event, EventRepository, type EventRepositoryUpsertResult, type Filter } from "@nostr-relay/common";
import { matchesFilter, newestFirst, replacementKey } from "./filter.ts";
import { eventBytes, type RelayLimits } from "./limits.ts";

type Stored = { event: Event; bytes: number; replaces?: string };

export class MemoryEventRepository extends EventRepository {
  readonly #limits: RelayLimits;
  readonly #events = new Map<string, Stored>();
  readonly #current = new Map<string, string>();
  #bytes = 0;
  #injected = 0;

  constructor(limits: RelayLimits) {
    super();
    this.#limits = limits;
  }

  get size(): number {
    return this.#events.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  isSearchSupported(): boolean {
    return false;
  }

  upsert(event: Event): EventRepositoryUpsertResult {
    if (this.#events.has(event.id)) return { isDuplicate: true };
    const bytes = eventBytes(event);
    if (bytes > this.#limits.maxEventBytes) throw new Error(`event is ${bytes} bytes, the limit is ${this.#limits.maxEventBytes}`);
    const key = replacementKey(event);
    if (key !== undefined) {
      const currentId = this.#current.get(key);
      const current = currentId === undefined ? undefined : this.#events.get(currentId);
      // NIP-01: the newest wins; on equal timestamps, the lowest id.
      if (current && newestFirst(current.event, event) <= 0) return { isDuplicate: true };
      if (currentId !== undefined) this.#remove(currentId);
      this.#current.set(key, event.id);
    }
    this.#insert(event.id, { event, bytes, replaces: key });
    return { isDuplicate: false };
  }

  /**
   * Test-only (hostile relays): stores an event as given, unverified and outside replacement
   * rules, replacing any stored event with the same id. Still counted against the bounds.
   */
  inject(event: Event): void {
    const id = typeof event.id === "string" ? event.id : `injected:${this.#injected++}`;
    this.#remove(id);
    this.#insert(id, { event, bytes: eventBytes(event) });
  }

  find(filter: Filter): Event[] {
    const limit = Math.min(filter.limit ?? this.#limits.maxLimit, this.#limits.maxLimit);
    if (limit <= 0) return [];
    const candidates = filter.ids ? filter.ids.flatMap((id) => this.#events.get(id) ?? []) : this.#events.values();
    const found: Event[] = [];
    for (const { event } of candidates) if (matchesFilter(event, filter)) found.push(event);
    return found.sort(newestFirst).slice(0, limit);
  }

  /** NIP-09: removes the author's own events named by `e` tags and, up to its time, by `a` tags. */
  async deleteByDeletionRequest(request: Event): Promise<void> {
    for (const [name, value] of request.tags) {
      if (typeof value !== "string") continue;
      if (name === "e") {
        if (this.#events.get(value)?.event.pubkey === request.pubkey) this.#remove(value);
      } else if (name === "a") {
        const [kind, pubkey, ...d] = value.split(":");
        if (pubkey !== request.pubkey) continue;
        const id = this.#current.get(`${kind}:${pubkey}:${d.join(":")}`);
        const stored = id === undefined ? undefined : this.#events.get(id);
        if (id !== undefined && stored && stored.event.created_at <= request.created_at) this.#remove(id);
      }
    }
  }

  async destroy(): Promise<void> {
    this.#events.clear();
    this.#current.clear();
    this.#bytes = 0;
  }

  #insert(id: string, stored: Stored): void {
    this.#events.set(id, stored);
    this.#bytes += stored.bytes;
    while (this.#events.size > this.#limits.maxEvents || this.#bytes > this.#limits.maxTotalBytes) {
      const oldest = this.#events.keys().next();
      if (oldest.done) break;
      this.#remove(oldest.value);
    }
  }

  #remove(id: string): void {
    const stored = this.#events.get(id);
    if (!stored) return;
    this.#events.delete(id);
    this.#bytes -= stored.bytes;
    if (stored.replaces !== undefined && this.#current.get(stored.replaces) === id) this.#current.delete(stored.replaces);
  }
}
