import { describe, expect, it } from "vitest";
import { describeTx, explorerLink, isBusy } from "./txState";

const hash = `0x${"ab".repeat(32)}` as const;

describe("describeTx", () => {
  it("tells the person what to do at each step", () => {
    expect(describeTx({ phase: "confirm", step: "Approve 5 USDC" })).toBe("Approve 5 USDC: confirm in your wallet.");
    expect(describeTx({ phase: "confirmed", step: "Fill", hash, blockNumber: 42n })).toMatch(/block 42/);
    expect(describeTx({ phase: "failed", step: "Fill", message: "This offer has expired." })).toBe("Fill failed: This offer has expired.");
  });

  it("treats a wallet rejection as a calm cancel", () => {
    expect(describeTx({ phase: "cancelled", step: "Fill" })).toBe("Cancelled in wallet. Nothing was sent.");
    expect(isBusy({ phase: "cancelled" })).toBe(false);
  });

  it("says which steps of a longer flow went through before it stopped", () => {
    expect(describeTx({ phase: "cancelled", step: "Fill", done: ["Approve 5 USDC"] })).toBe(
      "Cancelled in wallet. Already done: Approve 5 USDC. Nothing else was sent.",
    );
    expect(
      describeTx({ phase: "failed", step: "Get test tBTC", message: "The network could not be reached.", done: ["Get test tUSD", "Get test tWETH"] }),
    ).toBe("Get test tBTC failed: The network could not be reached. Already done: Get test tUSD, Get test tWETH.");
    expect(isBusy({ phase: "pending", step: "x", hash })).toBe(true);
  });

  it("names every transaction of a flow that went through, not only the last", () => {
    expect(
      describeTx({ phase: "confirmed", step: "Get test tBTC", hash, blockNumber: 41n, done: ["Get test tUSD", "Get test tWETH", "Get test tBTC"] }),
    ).toBe("Get test tUSD, Get test tWETH, Get test tBTC: confirmed in block 41 (all 3 transactions).");
    expect(describeTx({ phase: "confirmed", step: "Fill", hash, blockNumber: 9n, done: ["Fill"] })).toBe("Fill: confirmed in block 9.");
  });
});

describe("explorerLink", () => {
  it("links blocks and transactions when the chain has an explorer", () => {
    expect(explorerLink("https://etherscan.io/", "block", 7n)).toBe("https://etherscan.io/block/7");
    expect(explorerLink("https://etherscan.io", "tx", hash)).toBe(`https://etherscan.io/tx/${hash}`);
    expect(explorerLink(undefined, "block", 7n)).toBeUndefined();
  });
});
