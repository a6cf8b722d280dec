import { DealStatus, type RoomItem } from "@peerlock/sdk";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { arbiter, buyer, deal, seller } from "../../../test/fixtures/testDeal";
import { roomReaders } from "./roomReaders";

const pk = (n: number) => `0x${n.toString(16).padStart(2, "0").repeat(32)}` as Hex;
const sig = `0x${"ab".repeat(65)}` as Hex;
const keyItem = (wallet: `0x${string}`, publicKey: Hex): Extract<RoomItem, { type: "key" }> => ({
  type: "key",
  attestation: { wallet, publicKey, expiry: 0n, signature: sig },
});
const wrapItem = (author: `0x${string}`, reader: `0x${string}`, readerPublicKey: Hex): Extract<RoomItem, { type: "wrap" }> => ({
  type: "wrap",
  author,
  wrap: { reader, readerPublicKey, wrap: "AQ" },
  signedAt: 1,
  signature: sig,
});

describe("who the deal key is owed to", () => {
  it("with the server down: the deal's readers with the relays' keys, wrapped when a checked wrap exists", () => {
    const readers = roomReaders(
      deal(DealStatus.Taken),
      undefined,
      [keyItem(seller, pk(1)), keyItem(buyer, pk(2))],
      [wrapItem(seller, seller, pk(1))],
    );
    expect(readers.map((r) => [r.wallet, r.key?.publicKey, r.wrapped])).toEqual([
      [seller, pk(1), true],
      [buyer, pk(2), false],
    ]);
  });

  it("a reader without any key yet is listed without one", () => {
    const readers = roomReaders(deal(DealStatus.Disputed), undefined, [], []);
    expect(readers.map((r) => [r.wallet, r.key, r.wrapped])).toEqual([
      [seller, null, false],
      [buyer, null, false],
      [arbiter, null, false],
    ]);
  });

  it("with the server up: its list, plus a key only the relays carry (another browser's key)", () => {
    const server = {
      wraps: [],
      readers: [
        { wallet: seller, key: { wallet: seller, publicKey: pk(1), expiry: "0", signature: sig }, wrapped: true },
        { wallet: buyer, key: { wallet: buyer, publicKey: pk(2), expiry: "0", signature: sig }, wrapped: false },
      ],
    };
    const readers = roomReaders(deal(DealStatus.Taken), server, [keyItem(buyer, pk(2)), keyItem(buyer, pk(3))], [wrapItem(seller, buyer, pk(2))]);
    expect(readers.map((r) => [r.wallet, r.key?.publicKey, r.wrapped])).toEqual([
      [seller, pk(1), true],
      [buyer, pk(2), true],
      [buyer, pk(3), false],
    ]);
  });
});
