import type { RoomItem } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { RelayRoomItems } from "./relayRoomItems";

const terms: RoomItem = { type: "terms", terms: { publicTerms: "x", privateDetailsHash: `0x${"11".repeat(32)}`, sealedDetails: "AQ" } };

describe("a room's relay items, bounded", () => {
  it("keeps one entry per event and grows where it was seen", () => {
    const items = new RelayRoomItems();
    expect(items.add("e1", terms, 1, "ws://a")).toBe(true);
    expect(items.add("e1", terms, 1, "ws://b")).toBe(true); // known: only where it was seen changes
    expect(items.add("e1", terms, 1, "ws://b")).toBe(false);
    expect(items.snapshot()).toHaveLength(1);
    expect(items.snapshot()[0]!.relays).toEqual(["ws://a", "ws://b"]);
  });

  it("returns the same snapshot until something changes", () => {
    const items = new RelayRoomItems();
    items.add("e1", terms, 1, "ws://a");
    const first = items.snapshot();
    expect(items.seen("e1", "ws://a")).toBe(false);
    expect(items.snapshot()).toBe(first);
  });

  it("caps the room, and one relay's share of it, so a flooding relay cannot push out the others", () => {
    const items = new RelayRoomItems(10, 4);
    for (let i = 0; i < 100; i++) items.add(`flood-${i}`, terms, i, "ws://hostile");
    expect(items.snapshot()).toHaveLength(4);
    for (let i = 0; i < 6; i++) expect(items.add(`good-${i}`, terms, i, "ws://good")).toBe(i < 4);
    expect(items.snapshot().filter((i) => i.relays[0] === "ws://good")).toHaveLength(4);
    expect(items.dropped).toBe(96 + 2);
  });

  it("stops at the room cap across relays", () => {
    const items = new RelayRoomItems(5, 5);
    for (const relay of ["ws://a", "ws://b", "ws://c"]) for (let i = 0; i < 5; i++) items.add(`${relay}-${i}`, terms, i, relay);
    expect(items.snapshot()).toHaveLength(5);
  });
});
