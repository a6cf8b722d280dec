import * as chains from "viem/chains";
import { describe, expect, it } from "vitest";
import { chainNameIn } from "./chainName";

describe("chainNameIn", () => {
  it("names a wallet's network from viem's chain list", () => {
    const list = Object.values(chains);
    expect(chainNameIn(list, 1)).toBe("Ethereum");
    expect(chainNameIn(list, 11155111)).toBe("Sepolia");
    expect(chainNameIn(list, 424242424242)).toBeUndefined();
  });
});
