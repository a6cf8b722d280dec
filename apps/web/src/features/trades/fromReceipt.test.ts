import { DealStatus, dealEscrowAbi, OfferStatus, swapEscrowAbi } from "@peerlock/sdk";
import { type Abi, encodeEventTopics, encodeAbiParameters, type Hex, type Log, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { dealsFromReceipts, offersFromReceipts } from "./fromReceipt";

const maker = "0x1000000000000000000000000000000000000001";
const tokenA = "0x2000000000000000000000000000000000000002";
const tokenB = "0x3000000000000000000000000000000000000003";
const arbiter = "0x4000000000000000000000000000000000000004";
const termsHash = `0x${"ab".repeat(32)}` as Hex;

function log(abi: Abi, eventName: string, indexed: Record<string, unknown>, types: { type: string }[], values: unknown[]): Log {
  const topics = encodeEventTopics({ abi, eventName, args: indexed } as Parameters<typeof encodeEventTopics>[0]) as [Hex, ...Hex[]];
  return { address: zeroAddress, topics, data: encodeAbiParameters(types, values), blockNumber: 9n, logIndex: 0 } as unknown as Log;
}

describe("trades from the creating transaction's receipt", () => {
  it("reads a new offer exactly as the chain will return it: open, nothing filled yet", () => {
    const created = log(
      swapEscrowAbi as Abi,
      "OfferCreated",
      { offerId: 12n, maker, taker: zeroAddress },
      [{ type: "address" }, { type: "uint256" }, { type: "address" }, { type: "uint256" }, { type: "uint64" }, { type: "bool" }],
      [tokenA, 5n, tokenB, 7n, 0n, true],
    );
    expect(offersFromReceipts([{ logs: [created] }])).toEqual([
      {
        id: 12n,
        maker,
        taker: zeroAddress,
        sellToken: tokenA,
        sellAmount: 5n,
        buyToken: tokenB,
        buyAmount: 7n,
        sellRemaining: 5n,
        expiry: 0n,
        partialFills: true,
        status: OfferStatus.Open,
      },
    ]);
  });

  it("reads a new deal as listed, with no payment deadline yet", () => {
    const opened = log(
      dealEscrowAbi as Abi,
      "DealOpened",
      { dealId: 3n, seller: maker, buyer: zeroAddress },
      [{ type: "address" }, { type: "uint256" }, { type: "address" }, { type: "uint16" }, { type: "uint32" }, { type: "bytes32" }],
      [tokenA, 100n, arbiter, 250, 3600, termsHash],
    );
    expect(dealsFromReceipts([{ logs: [opened] }])).toEqual([
      {
        id: 3n,
        seller: maker,
        buyer: zeroAddress,
        token: tokenA,
        arbiter,
        amount: 100n,
        arbiterFeeBps: 250,
        paymentWindow: 3600,
        paymentDeadline: 0n,
        status: DealStatus.Listed,
        termsHash,
      },
    ]);
  });
});
