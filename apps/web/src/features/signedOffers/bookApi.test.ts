import { bookEntryWireSchema, decodeOrderLink, encodeBookEntry, encodeOrderLink, type SignedOrderWithSignature } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { signedOfferPath } from "./signedOffer";

const signed: SignedOrderWithSignature = {
  chainId: 31337,
  verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  order: {
    maker: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    taker: "0x0000000000000000000000000000000000000000",
    sellToken: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    sellAmount: 10n ** 30n + 1n,
    buyToken: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
    buyAmount: 3n,
    expiry: 2n ** 64n - 1n,
    nonce: 2n ** 255n,
    partialFills: true,
  },
  signature: `0x${"ab".repeat(65)}`,
};

describe("order book client", () => {
  it("sends uint256s as decimal strings and reads them back exactly", () => {
    const wire = encodeBookEntry({
      orderHash: `0x${"12".repeat(32)}`,
      signed,
      status: "open",
      unfillableReason: null,
      filledAmount: 0n,
      remaining: signed.order.sellAmount,
      link: encodeOrderLink(signed),
      createdAt: new Date("2026-11-29T12:00:00.000Z"),
      updatedAt: new Date("2026-11-29T12:00:00.000Z"),
    });
    expect(wire.order.nonce).toBe((2n ** 255n).toString());
    const back = bookEntryWireSchema.parse(JSON.parse(JSON.stringify(wire)));
    expect(back.signed).toEqual(signed);
    expect(back.remaining).toBe(10n ** 30n + 1n);
  });

  it("links to the signed offer page with the SDK's share-link encoding in the fragment", () => {
    const path = signedOfferPath(encodeOrderLink(signed));
    expect(path.startsWith("/signed#")).toBe(true);
    expect(decodeOrderLink(path.split("#")[1]!)).toEqual(signed);
  });
});
