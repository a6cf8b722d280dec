import { type Address, type Client, erc20Abi } from "viem";
import { multicall } from "viem/actions";
import { isNative, NATIVE_ETH, type TokenInfo } from "../deployments.js";

/**
 * Reads symbol, name and decimals of many tokens in one round trip. ETH (`address(0)`) needs
 * no call. An address that does not answer like an ERC-20 comes back as `undefined`.
 */
export async function readTokenInfos(client: Client, addresses: readonly Address[]): Promise<(TokenInfo | undefined)[]> {
  const erc20s = addresses.filter((a) => !isNative(a));
  const calls = erc20s.flatMap((address) =>
    (["symbol", "name", "decimals"] as const).map((functionName) => ({ address, abi: erc20Abi, functionName }) as const),
  );
  const results = calls.length
    ? await multicall(client, { contracts: calls, allowFailure: true, deployless: !client.chain?.contracts?.multicall3 })
    : [];
  const byAddress = new Map<string, TokenInfo | undefined>();
  erc20s.forEach((address, i) => {
    const [symbol, name, decimals] = results.slice(i * 3, i * 3 + 3);
    const ok = symbol?.status === "success" && decimals?.status === "success";
    byAddress.set(
      address.toLowerCase(),
      ok
        ? {
            address,
            symbol: String(symbol.result),
            name: name?.status === "success" ? String(name.result) : String(symbol.result),
            decimals: Number(decimals.result),
          }
        : undefined,
    );
  });
  return addresses.map((a) => (isNative(a) ? NATIVE_ETH : byAddress.get(a.toLowerCase())));
}
