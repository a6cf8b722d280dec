import { type RoomItem, roomItemId } from "@peerlock/sdk";
import type { StoredMessage } from "./roomApi";

/**
 * The conversation as one list: the server's messages (shown as today, error rows included)
 * and the relays' messages that already passed their checks, one row per message however many
 * places carry it (roomItemId: author and clientId), with where it was seen.
 */
export type ChatItem = {
  id: string;
  message: StoredMessage;
  onServer: boolean;
  /** Relays that carry it (or took it, for a message sent from this browser). */
  relays: string[];
};

type RelayMessage = { item: Extract<RoomItem, { type: "message" }>; relays: readonly string[] };

export const storedMessageId = (m: Pick<StoredMessage, "author" | "clientId">) => `message:${m.author.toLowerCase()}:${m.clientId}`;

function fromRelay({ item }: RelayMessage, dealId: bigint): StoredMessage {
  const m = item.message;
  return {
    id: 0,
    dealId: dealId.toString(),
    author: item.author,
    clientId: m.clientId,
    body: m.body,
    evidence: m.evidence,
    sentAt: m.sentAt,
    signature: m.signature,
    sessionKey: m.sessionKey ?? null,
    createdAt: new Date(m.sentAt * 1000).toISOString(),
  };
}

export function mergeChat(dealId: bigint, server: readonly StoredMessage[] | undefined, relay: readonly RelayMessage[]): ChatItem[] {
  const byId = new Map<string, ChatItem>();
  for (const m of server ?? []) byId.set(storedMessageId(m), { id: storedMessageId(m), message: m, onServer: true, relays: [] });
  for (const r of relay) {
    const id = roomItemId(r.item);
    const known = byId.get(id);
    if (known) byId.set(id, { ...known, relays: [...new Set([...known.relays, ...r.relays])] });
    else byId.set(id, { id, message: fromRelay(r, dealId), onServer: false, relays: [...r.relays] });
  }
  // Send time first (whole seconds); within a second the server's order, else arrival order (the sort is stable).
  return [...byId.values()].sort(
    (a, b) => a.message.sentAt - b.message.sentAt || (a.message.id > 0 && b.message.id > 0 ? a.message.id - b.message.id : 0),
  );
}

/** Where a message is, in words: "server", "relays 2/2", "server · relays 1/2". */
export function whereSeen(item: Pick<ChatItem, "onServer" | "relays">, relayTotal: number): string {
  const parts: string[] = [];
  if (item.onServer) parts.push("server");
  if (item.relays.length > 0 || !item.onServer) parts.push(`relays ${item.relays.length}/${Math.max(relayTotal, item.relays.length)}`);
  return parts.join(" · ");
}
