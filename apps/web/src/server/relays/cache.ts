import {
  type NostrEvent,
  ORDER_EVENT_KIND,
  orderFilter,
  PEERLOCK_PLATFORM,
  ROOM_ITEM_KIND,
  RelayFeed,
  type RelayState,
  tagValue,
} from "@peerlock/sdk";
import { serverRelays } from "./config";
import { ingestOrderEvent } from "./ingestOrder";
import { IngestQueue } from "./ingestQueue";
import { ingestRoomEvent } from "./ingestRoom";

/**
 * The server as one cache among relays: one RelayFeed per process reads Peerlock's order events
 * and every deal room's items from the configured relays and stores each one that passes the
 * API's own checks; the same feed publishes the orders the API accepts. Several instances on one
 * database store each item once (unique keys). Off when no relay is configured.
 */
const MAX_PENDING = 5_000;
const CONCURRENCY = 4;
/** Backlog per subscription asked of each relay (RelayFeed's per-relay budgets bound the rest). */
const BACKLOG = 5_000;
/** A chain that cannot be read now: the event is tried again after these pauses, then given up. */
const RETRY_MS = [2_000, 10_000];

type Cache = { feed: RelayFeed; queue: IngestQueue; urls: string[] };
const holder = globalThis as typeof globalThis & { __peerlockRelayCache?: Cache | null };

/** The running feed, or undefined when the relay side is off (or not started in this process). */
export const relayCacheFeed = (): RelayFeed | undefined => holder.__peerlockRelayCache?.feed;

/** Starts the relay side once per process (instrumentation.ts); says once in the log when it is off. */
export function startRelayCache(): void {
  if (holder.__peerlockRelayCache !== undefined) return;
  const { urls, from } = serverRelays();
  if (urls.length === 0) {
    holder.__peerlockRelayCache = null;
    console.log(
      from === "off"
        ? "peerlock: SERVER_RELAYS=off: the server reads and publishes to no relay."
        : "peerlock: no relays configured (SERVER_RELAYS, NEXT_PUBLIC_RELAYS): the server reads and publishes to no relay.",
    );
    return;
  }
  const queue = new IngestQueue({ maxPending: MAX_PENDING, concurrency: CONCURRENCY }, (error) =>
    console.error("peerlock relay cache:", error instanceof Error ? error.message : error),
  );
  const feed = new RelayFeed(urls, { onstate: reportStates() });
  holder.__peerlockRelayCache = { feed, queue, urls };
  console.log(`peerlock: the server caches offers and deal rooms from ${urls.length} relay(s) (${from}): ${urls.join(", ")}`);

  const backlog = new Backlog((event) => enqueue(queue, event));
  feed.subscribe([orderFilter({ limit: BACKLOG }), { kinds: [ROOM_ITEM_KIND], "#y": [PEERLOCK_PLATFORM], limit: BACKLOG }], {
    onevent: (event, url) => backlog.add(event, url),
    oneose: (url) => backlog.flush(url),
  });
}

function enqueue(queue: IngestQueue, event: NostrEvent, attempt = 0): void {
  const isOrder = event.kind === ORDER_EVENT_KIND;
  const lane = isOrder ? `order:${tagValue(event, "d")}` : `room:${tagValue(event, "h")}`;
  const accepted = queue.push({
    lane,
    run: async () => {
      // a refused event is simply not stored (not logged: a hostile relay could fill the log)
      try {
        await (isOrder ? ingestOrderEvent(event) : ingestRoomEvent(event));
      } catch (error) {
        const pause = RETRY_MS[attempt];
        if (pause === undefined) throw error;
        setTimeout(() => enqueue(queue, event, attempt + 1), pause).unref();
      }
    },
  });
  if (!accepted && queue.dropped % 1_000 === 1)
    console.warn(`peerlock relay cache: the ingest queue is full; ${queue.dropped} event(s) dropped so far.`);
}

/**
 * What a relay sends before its end-of-stored-events marker arrives newest first (NIP-01): held
 * and handed on oldest first, room keys before the items that need them, so a room's messages
 * are stored in the order they were written. Live events after the marker pass straight through.
 */
class Backlog {
  private readonly held = new Map<string, NostrEvent[]>();
  private readonly live = new Set<string>();
  constructor(private readonly send: (event: NostrEvent) => void) {}

  add(event: NostrEvent, url: string): void {
    if (this.live.has(url)) return this.send(event);
    const list = this.held.get(url) ?? [];
    if (list.length >= MAX_PENDING) return; // the queue could not take more anyway
    list.push(event);
    this.held.set(url, list);
  }

  flush(url: string): void {
    this.live.add(url);
    const list = this.held.get(url) ?? [];
    this.held.delete(url);
    list.sort((a, b) => rank(a) - rank(b) || a.created_at - b.created_at);
    for (const event of list) this.send(event);
  }
}

const rank = (event: NostrEvent) => (tagValue(event, "item") === "key" ? 0 : 1);

/** Logs a relay's state when it changes (cut off for flooding, retrying, open again). */
function reportStates(): (states: RelayState[]) => void {
  const last = new Map<string, string>();
  return (states) => {
    for (const s of states) {
      const line = `${s.status}${s.reason ? ` (${s.reason})` : ""}`;
      if (last.get(s.url) === line) continue;
      last.set(s.url, line);
      if (s.status === "cut-off" || s.status === "retrying") console.warn(`peerlock relay cache: ${s.url} ${line}`);
    }
  };
}
