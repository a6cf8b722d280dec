import { describe, expect, it } from "vitest";
import { hardhat, mainnet, optimism } from "viem/chains";
import { buildChain } from "./chain";
import { chainMetaOf, parseChainMeta } from "./chainMeta";

describe("chain metadata inlined at build time", () => {
  it("takes name, currency and explorer from viem's chain list", () => {
    expect(chainMetaOf(1, [hardhat, mainnet])).toEqual({
      name: "Ethereum",
      nativeCurrency: mainnet.nativeCurrency,
      explorerUrl: "https://etherscan.io",
    });
    expect(chainMetaOf(424242, [hardhat, mainnet])).toBeUndefined();
  });

  it("round-trips through the inlined JSON into the app's chain, with our RPC only", () => {
    const chain = buildChain(10, "http://127.0.0.1:9999", JSON.stringify(chainMetaOf(10, [optimism])));
    expect(chain.name).toBe("OP Mainnet");
    expect(chain.rpcUrls.default.http).toEqual(["http://127.0.0.1:9999"]);
    expect(chain.blockExplorers?.default.url).toBe(optimism.blockExplorers.default.url);
  });

  it("falls back to a plain name when nothing usable was inlined", () => {
    for (const raw of [undefined, "", "{", JSON.stringify({ name: 3 })]) {
      expect(parseChainMeta(raw, 5).name).toBe("Chain 5");
    }
    expect(buildChain(31337, "http://x", undefined).nativeCurrency.symbol).toBe("ETH");
  });
});
