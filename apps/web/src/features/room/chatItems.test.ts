import type { RoomItem } from "@peerlock/sdk";
import { type Hex, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { buyer, seller } from "../../../test/fixtures/testDeal";
import { mergeChat, whereSeen } from "./chatItems";
import type { StoredMessage } from "./roomApi";

const sig = `0x${"ab".repeat(65)}` as Hex;
const stored = (id: number, author: `0x${string}`, clientId: string, sentAt: number): StoredMessage => ({
  id,
  dealId: "7",
  author,
  clientId,
  body: "",
  evidence: zeroHash,
  sentAt,
  signature: sig,
  sessionKey: null,
  createdAt: "",
});
const relay = (author: `0x${string}`, clientId: string, sentAt: number, relays: string[]) => ({
  item: { type: "message", author, message: { clientId, body: "", evidence: zeroHash, sentAt, signature: sig } } as Extract<
    RoomItem,
    { type: "message" }
  >,
  relays,
});

describe("the conversation merged from the server and the relays", () => {
  it("shows a message carried by both once, with everywhere it was seen", () => {
    const list = mergeChat(7n, [stored(1, buyer, "a", 100)], [relay(buyer, "a", 100, ["ws://r1"]), relay(buyer, "a", 100, ["ws://r2"])]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ onServer: true, relays: ["ws://r1", "ws://r2"] });
    expect(list[0]!.message.id).toBe(1); // the server's copy keeps its id (read marks, its own check)
  });

  it("keeps a relay-only message, and one clientId per author (not across authors)", () => {
    const list = mergeChat(7n, [stored(1, buyer, "a", 100)], [relay(seller, "a", 101, ["ws://r1"])]);
    expect(list.map((m) => [m.message.author, m.onServer])).toEqual([
      [buyer, true],
      [seller, false],
    ]);
  });

  it("within one second keeps arrival order for relay messages, whatever the authors' addresses", () => {
    const list = mergeChat(7n, undefined, [relay(buyer, "first", 100, ["ws://r1"]), relay(seller, "second", 100, ["ws://r1"])]);
    expect(list.map((m) => m.message.clientId)).toEqual(["first", "second"]);
  });

  it("orders by send time, server order breaking ties", () => {
    const list = mergeChat(7n, [stored(2, seller, "s", 100), stored(1, buyer, "b", 100)], [relay(buyer, "r", 50, ["ws://r1"])]);
    expect(list.map((m) => m.message.clientId)).toEqual(["r", "b", "s"]);
  });

  it("works with the server down (no server list)", () => {
    expect(mergeChat(7n, undefined, [relay(buyer, "x", 1, ["ws://r1", "ws://r2"])])).toHaveLength(1);
  });
});

describe("where a message is, in words", () => {
  it("names the server and the relays that carry it", () => {
    expect(whereSeen({ onServer: true, relays: [] }, 2)).toBe("server");
    expect(whereSeen({ onServer: false, relays: ["a", "b"] }, 2)).toBe("relays 2/2");
    expect(whereSeen({ onServer: true, relays: ["a"] }, 2)).toBe("server · relays 1/2");
  });
});
