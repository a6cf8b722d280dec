import { indexedHistorySchema } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { entriesFromRows, indexerHasReached } from "./history";

/** Rows as the indexer sends them, read by the SDK's schema as the app reads them. */
const rows = (items: unknown[]) => indexedHistorySchema.parse({ items }).items;

describe("indexer history rows", () => {
  it("decode to what viem gives from the logs: uint256/uint64 as bigint, uint16/uint32 as numbers", () => {
    const [opened, resolved] = entriesFromRows(
      "deal",
      rows([
        {
          name: "DealOpened",
          args: {
            dealId: "4",
            seller: "0xa",
            buyer: "0xb",
            token: "0xc",
            amount: "340282366920938463463374607431768211455",
            arbiter: "0xd",
            arbiterFeeBps: 100,
            paymentWindow: 3600,
            termsHash: "0x01",
          },
          blockNumber: "12",
          logIndex: 3,
          timestamp: "1700000000",
          transactionHash: `0x${"fe".repeat(32)}`,
        },
        {
          name: "DealResolved",
          args: { dealId: "4", buyerShareBps: 7000, toBuyer: "7", toSeller: "3", fee: "0" },
          blockNumber: "13",
          logIndex: 0,
          timestamp: "1700000012",
          transactionHash: `0x${"be".repeat(32)}`,
        },
      ]),
    );
    expect(opened!.args.amount).toBe(2n ** 128n - 1n);
    expect(opened!.args.dealId).toBe(4n);
    expect(opened!.args.arbiterFeeBps).toBe(100);
    expect(opened!.args.paymentWindow).toBe(3600);
    expect(opened!.args.seller).toBe("0xa");
    expect(opened!.blockNumber).toBe(12n);
    expect(opened!.timestamp).toBe(1700000000n);
    expect(resolved!.args.buyerShareBps).toBe(7000);
    expect(resolved!.args.toBuyer).toBe(7n);
  });

  it("keep uint64 (paymentDeadline, expiry) as bigint", () => {
    const [taken] = entriesFromRows(
      "deal",
      rows([
        {
          name: "DealTaken",
          args: { dealId: "1", buyer: "0xb", paymentDeadline: "1700003600" },
          blockNumber: "5",
          logIndex: 0,
          timestamp: "1",
          transactionHash: `0x${"01".repeat(32)}`,
        },
      ]),
    );
    expect(taken!.args.paymentDeadline).toBe(1700003600n);
  });
});

describe("indexerHasReached", () => {
  const status = (indexedBlock: bigint | null, lagBlocks: bigint | null) => ({ chainId: 31337, indexedBlock, headBlock: indexedBlock, lagBlocks });
  it("refuses an indexer that says it is at its (cached) head but has not indexed the block the node is at", () => {
    expect(indexerHasReached(status(41n, 0n), 42n)).toBe(false);
  });
  it("accepts one that has indexed the node's latest block", () => {
    expect(indexerHasReached(status(42n, 0n), 42n)).toBe(true);
    expect(indexerHasReached(status(43n, 0n), 42n)).toBe(true);
  });
  it("refuses one that is behind or cannot tell", () => {
    expect(indexerHasReached(status(42n, 2n), 42n)).toBe(false);
    expect(indexerHasReached(status(null, null), 42n)).toBe(false);
  });
});
