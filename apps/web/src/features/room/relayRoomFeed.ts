// Loaded on demand (dynamic import): the relay connections are opened only once a deal page
// wants its room, never for first paint.
import {
  type DealContext,
  type NostrEvent,
  type PublishResult,
  readRoomEvent,
  type RoomItem,
  type RoomItemWire,
  roomEventTemplate,
  roomFilter,
} from "@peerlock/sdk";
import { publishToRelays, relayFeed } from "@/features/relays/relayPool";
import { ROOM_ITEM_CAP } from "./relayRoomItems";

export type RoomFeedHandlers = {
  onitem: (eventId: string, item: RoomItem, createdAt: number, relay: string) => void;
  onseen: (eventId: string, relay: string) => void;
};

/** Reads one deal room from every relay until the returned function is called; items of another room or shape are dropped here. */
export function watchRoom(context: DealContext, handlers: RoomFeedHandlers): () => void {
  const sub = relayFeed().subscribe([roomFilter(context, { limit: ROOM_ITEM_CAP })], {
    onevent: (event: NostrEvent, relay: string) => {
      const read = readRoomEvent(event, context);
      if (read.ok) handlers.onitem(event.id, read.item, read.createdAt, relay);
    },
    onseen: (eventId, relay) => handlers.onseen(eventId, relay),
  });
  return () => sub.close();
}

/** Publishes one room item to every relay; each relay's answer (none configured: an empty list). */
export async function publishRoomItem(context: DealContext, item: RoomItemWire): Promise<PublishResult[]> {
  return publishToRelays(roomEventTemplate(context, item));
}
