import { DealStatus, decodeRoomMessage, roomMessageTypedData, verifyRoomMessage } from "@peerlock/sdk";
import { type Address, verifyTypedData, zeroHash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { arbiter, buyer, deal, seller } from "../../../test/fixtures/testDeal";
import { dealReaders, mayWrapFor, mayWriteMessage, showRelayMessage } from "./roomItemRules";

const stranger: Address = "0x4000000000000000000000000000000000000004";

describe("who may write into a room from a relay", () => {
  it("messages: seller and buyer; the arbiter only once disputed or resolved; never a stranger", () => {
    const taken = deal(DealStatus.Taken);
    expect(mayWriteMessage(taken, seller)).toBe(true);
    expect(mayWriteMessage(taken, buyer)).toBe(true);
    expect(mayWriteMessage(taken, arbiter)).toBe(false);
    expect(mayWriteMessage(taken, stranger)).toBe(false);
    expect(mayWriteMessage(deal(DealStatus.Disputed), arbiter)).toBe(true);
    expect(mayWriteMessage(deal(DealStatus.Resolved), arbiter)).toBe(true);
    // a listed deal has no buyer: the zero address writes nothing
    expect(mayWriteMessage(deal(DealStatus.Listed), "0x0000000000000000000000000000000000000000")).toBe(false);
  });

  it("wraps: the seller for itself and the buyer; seller or buyer for the arbiter once disputed; nobody else", () => {
    const taken = deal(DealStatus.Taken);
    expect(mayWrapFor(taken, seller, buyer)).toBe(true);
    expect(mayWrapFor(taken, seller, seller)).toBe(true);
    expect(mayWrapFor(taken, stranger, buyer)).toBe(false);
    expect(mayWrapFor(taken, buyer, buyer)).toBe(false);
    expect(mayWrapFor(taken, buyer, seller)).toBe(false);
    expect(mayWrapFor(taken, seller, arbiter)).toBe(false);
    const disputed = deal(DealStatus.Disputed);
    expect(mayWrapFor(disputed, seller, arbiter)).toBe(true);
    expect(mayWrapFor(disputed, buyer, arbiter)).toBe(true);
    expect(mayWrapFor(disputed, arbiter, arbiter)).toBe(false);
    expect(mayWrapFor(disputed, seller, stranger)).toBe(false);
  });

  it("readers: seller, the buyer once there, the arbiter once disputed", () => {
    expect(dealReaders(deal(DealStatus.Listed))).toEqual([seller]);
    expect(dealReaders(deal(DealStatus.Paid))).toEqual([seller, buyer]);
    expect(dealReaders(deal(DealStatus.Disputed))).toEqual([seller, buyer, arbiter]);
  });
});

describe("a relay's message is shown only when it passes every check", () => {
  const sellerKey = privateKeyToAccount(generatePrivateKey());
  const buyerKey = privateKeyToAccount(generatePrivateKey());
  const strangerKey = privateKeyToAccount(generatePrivateKey());
  const d = deal(DealStatus.Taken, { seller: sellerKey.address, buyer: buyerKey.address });
  const options = { chainId: 31337, room: "localhost:3000", verifyTypedData: (args: Parameters<typeof verifyTypedData>[0]) => verifyTypedData(args) };
  const message = (author: Address) => ({ author, dealId: 7n, clientId: "c1", body: "", evidence: zeroHash, sentAt: 1_000n });

  async function decide(author: Address, signer: typeof sellerKey, opens = true) {
    const signature = await signer.signTypedData(roomMessageTypedData(31337, message(author)));
    const wire = { clientId: "c1", body: "", evidence: zeroHash, sentAt: 1_000, signature };
    const check = await verifyRoomMessage(decodeRoomMessage(wire, author, 7n), options as never);
    return showRelayMessage({ deal: d, author, signatureOk: check.ok, opens });
  }

  it("shows the buyer's own signed message that opens", async () => {
    expect(await decide(buyerKey.address, buyerKey)).toBe(true);
  });

  it("drops a message claiming the buyer but signed by someone else", async () => {
    expect(await decide(buyerKey.address, strangerKey)).toBe(false);
  });

  it("drops a stranger's correctly signed message (not a party)", async () => {
    expect(await decide(strangerKey.address, strangerKey)).toBe(false);
  });

  it("drops a party's signed message that does not open with the deal key", async () => {
    expect(await decide(sellerKey.address, sellerKey, false)).toBe(false);
  });

  it("drops anything not checked yet", () => {
    expect(showRelayMessage({ deal: d, author: buyerKey.address, signatureOk: undefined, opens: true })).toBe(false);
  });
});
