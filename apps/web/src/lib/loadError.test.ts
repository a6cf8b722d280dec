import { BaseError, ContractFunctionExecutionError, ContractFunctionZeroDataError, HttpRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { describeLoadError, isNodeUnreachable } from "./loadError";

const node = { name: "Hardhat", url: "http://127.0.0.1:8545" };

describe("describeLoadError", () => {
  it("says plainly when the node does not answer, and that the page retries", () => {
    const error = new HttpRequestError({ url: node.url, details: "Failed to fetch" });
    expect(isNodeUnreachable(error)).toBe(true);
    const text = describeLoadError(error, "the market", node);
    expect(text.kind).toBe("unreachable");
    expect(text.title).toBe("Could not load the market: the Hardhat node does not answer.");
    expect(text.detail).toContain("http://127.0.0.1:8545");
    expect(text.detail).toContain("tries again");
  });

  it("recognises a chain without the contracts (a restarted dev node)", () => {
    const error = new ContractFunctionExecutionError(new ContractFunctionZeroDataError({ functionName: "offerCount" }), {
      abi: [],
      functionName: "offerCount",
    });
    expect(isNodeUnreachable(error)).toBe(false);
    expect(describeLoadError(error, "the market", node).kind).toBe("no-contract");
  });

  it("falls back to the decoded message", () => {
    const text = describeLoadError(new BaseError("boom"), "offer #3", node);
    expect(text).toMatchObject({ kind: "other", title: "Could not load offer #3." });
    expect(text.detail).toContain("boom");
  });
});
