"use client";

import type { PublishResult, RoomItemWire } from "@peerlock/sdk";
import { useEffect, useSyncExternalStore } from "react";
import { dealContext } from "./dealContext";
import { type RelayRoomItem, RelayRoomItems } from "./relayRoomItems";

/**
 * A deal room's items from the relays, read while any part of the page wants them: one
 * subscription per deal however many panels ask (it closes a little after the last leaves).
 * The items are parsed, not verified: see roomItemChecks before showing any.
 */
type Room = { store: RelayRoomItems; listeners: Set<() => void>; refs: number; close?: () => void; timer?: ReturnType<typeof setTimeout> };

const rooms = new Map<string, Room>();
const NONE: readonly RelayRoomItem[] = [];
const LINGER_MS = 5_000;

function room(dealId: bigint): Room {
  const key = dealId.toString();
  let r = rooms.get(key);
  if (!r) {
    r = { store: new RelayRoomItems(), listeners: new Set(), refs: 0 };
    rooms.set(key, r);
  }
  return r;
}

function acquire(dealId: bigint): () => void {
  const r = room(dealId);
  clearTimeout(r.timer);
  r.refs += 1;
  if (r.refs === 1 && !r.close) {
    const changed = () => r.listeners.forEach((l) => l());
    let stop: (() => void) | undefined;
    let cancelled = false;
    r.close = () => {
      cancelled = true;
      stop?.();
    };
    void import("./relayRoomFeed")
      .then(({ watchRoom }) => {
        if (cancelled) return;
        stop = watchRoom(dealContext(dealId), {
          onitem: (id, item, createdAt, relay) => r.store.add(id, item, createdAt, relay) && changed(),
          onseen: (id, relay) => r.store.seen(id, relay) && changed(),
        });
      })
      .catch(() => {
        // no relay code or no deployment: the room works from the server alone
      });
  }
  return () => {
    r.refs -= 1;
    if (r.refs > 0) return;
    r.timer = setTimeout(() => {
      if (r.refs > 0) return;
      r.close?.();
      rooms.delete(dealId.toString());
    }, LINGER_MS);
  };
}

export function useRelayRoom(dealId: bigint, enabled = true): readonly RelayRoomItem[] {
  useEffect(() => (enabled ? acquire(dealId) : undefined), [dealId, enabled]);
  return useSyncExternalStore(
    (listener) => {
      const r = room(dealId);
      r.listeners.add(listener);
      return () => r.listeners.delete(listener);
    },
    () => (enabled ? (rooms.get(dealId.toString())?.store.snapshot() ?? NONE) : NONE),
    () => NONE,
  );
}

/** Publishes one item of this deal's room to every relay (the relay code loads on first use). */
export async function publishToRoom(dealId: bigint, item: RoomItemWire): Promise<PublishResult[]> {
  const { publishRoomItem } = await import("./relayRoomFeed");
  return publishRoomItem(dealContext(dealId), item);
}
