import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * Freely mintable test tokens with realistic decimals, for local chains and demos only.
 * Symbols start with "t" so nobody mistakes them for the real thing.
 */
export const DEV_TOKENS = [
  { id: "TestUSD", name: "Test Dollar", symbol: "tUSD", decimals: 6 },
  { id: "TestWETH", name: "Test Wrapped Ether", symbol: "tWETH", decimals: 18 },
  { id: "TestBTC", name: "Test Bitcoin", symbol: "tBTC", decimals: 8 },
] as const;

export default buildModule("DevTokens", (m) => {
  const [usd, weth, btc] = DEV_TOKENS.map((t) => m.contract("TestToken", [t.name, t.symbol, t.decimals], { id: t.id }));
  return { usd, weth, btc };
});
