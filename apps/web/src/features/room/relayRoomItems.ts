import type { RoomItem } from "@peerlock/sdk";

/**
 * One deal room's items as the relays delivered them, parsed (readRoomEvent) but not yet
 * verified: nothing here is shown before roomItemChecks passes it. Memory is bounded: at most
 * `maxItems` per room, and no single relay may fill more than `perRelay` of them, so a relay
 * that floods a room cannot push out what the others carry.
 */
export type RelayRoomItem = { eventId: string; item: RoomItem; createdAt: number; relays: string[] };

export const ROOM_ITEM_CAP = 2_000;
export const PER_RELAY_CAP = 1_000;

export class RelayRoomItems {
  private readonly items = new Map<string, RelayRoomItem>();
  private readonly perRelay = new Map<string, number>();
  private list: RelayRoomItem[] = [];
  dropped = 0;

  constructor(
    private readonly maxItems = ROOM_ITEM_CAP,
    private readonly maxPerRelay = PER_RELAY_CAP,
  ) {}

  /** Adds an item first delivered by `relay`; false when it was known or over a cap. */
  add(eventId: string, item: RoomItem, createdAt: number, relay: string): boolean {
    if (this.items.has(eventId)) return this.seen(eventId, relay);
    const count = this.perRelay.get(relay) ?? 0;
    if (this.items.size >= this.maxItems || count >= this.maxPerRelay) {
      this.dropped += 1;
      return false;
    }
    this.perRelay.set(relay, count + 1);
    this.items.set(eventId, { eventId, item, createdAt, relays: [relay] });
    this.list = [...this.items.values()];
    return true;
  }

  /** Another relay carries an item already known: where it was seen grows. */
  seen(eventId: string, relay: string): boolean {
    const known = this.items.get(eventId);
    if (!known || known.relays.includes(relay)) return false;
    const next = { ...known, relays: [...known.relays, relay] };
    this.items.set(eventId, next);
    this.list = [...this.items.values()];
    return true;
  }

  /** The items in arrival order; the same array until something changes (for React snapshots). */
  snapshot(): readonly RelayRoomItem[] {
    return this.list;
  }
}
