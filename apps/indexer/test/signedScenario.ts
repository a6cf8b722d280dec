// Gasless signed orders through SignedSwap: the maker only signs (SDK signOrder), the taker
// sends fillOrder. A partial order filled in two steps to the end, a whole-only order, a
// partial order left half filled, a cancel of two nonces (plus one already used, which the
// contract skips) and a whole nonce word invalidated. Returns what it sent, for the checks.
import type { Deployment, SignedOrder } from "@peerlock/sdk";
import { type Address, createWalletClient, type Hex, http, parseEther, parseUnits, zeroAddress } from "viem";
import { accounts, chain, send } from "./harness/chain.ts";

type Sdk = typeof import("@peerlock/sdk");

export type SignedScenario = {
  /** Every fill sent, in order: the order's digest (SDK hashOrder), maker and taker. */
  fills: { orderHash: Hex; maker: Address; taker: Address }[];
  /** Nonces `cancel` really cancelled (the used one is skipped by the contract). */
  cancelled: { maker: Address; nonce: bigint }[];
  invalidated: { maker: Address; wordPos: bigint; mask: bigint }[];
};

export async function runSignedScenario(deployment: Deployment, sdk: Sdk): Promise<SignedScenario> {
  const [A, B, C, , E] = accounts;
  const tok = (symbol: string) => deployment.tokens.find((t) => t.symbol === symbol)!.address;
  const usd = tok("tUSD");
  const weth = tok("tWETH");
  const btc = tok("tBTC");
  const signedSwap = deployment.signedSwap.address;
  const venue = { chainId: chain.id, verifyingContract: signedSwap };
  const result: SignedScenario = { fills: [], cancelled: [], invalidated: [] };

  const sign = async (maker: Address, order: Omit<SignedOrder, "maker" | "taker" | "expiry"> & { taker?: Address }) => {
    const full: SignedOrder = { maker, taker: zeroAddress, expiry: 0n, ...order };
    // The node's unlocked dev account signs with eth_signTypedData_v4, as a browser wallet would.
    const wallet = createWalletClient({ chain, transport: http(), account: maker });
    return sdk.signOrder(wallet, full, venue);
  };
  const fill = async (taker: Address, signed: Awaited<ReturnType<typeof sign>>, sellAmount: bigint) => {
    await send(taker, signedSwap, sdk.signedSwapAbi, "fillOrder", [signed.order, signed.signature, sellAmount]);
    result.fills.push({ orderHash: sdk.hashOrder(signed.order, venue), maker: signed.order.maker, taker });
  };

  // Partial order: two fills that together take all of it.
  const partial = await sign(A, {
    sellToken: usd,
    sellAmount: parseUnits("100", 6),
    buyToken: weth,
    buyAmount: parseEther("1"),
    nonce: 7001n,
    partialFills: true,
  });
  await fill(B, partial, parseUnits("30", 6));
  await fill(C, partial, parseUnits("70", 6));
  // Whole-only order, filled at once.
  const whole = await sign(B, {
    sellToken: weth,
    sellAmount: parseEther("1"),
    buyToken: usd,
    buyAmount: parseUnits("3000", 6),
    nonce: 7002n,
    partialFills: false,
  });
  await fill(A, whole, parseEther("1"));
  // Partial order left half filled.
  const half = await sign(C, {
    sellToken: btc,
    sellAmount: parseUnits("1", 8),
    buyToken: weth,
    buyAmount: parseEther("10"),
    nonce: 9n,
    partialFills: true,
  });
  await fill(E, half, parseUnits("0.5", 8));

  // A cancels two fresh nonces and the one its filled order used (skipped: no event).
  await send(A, signedSwap, sdk.signedSwapAbi, "cancel", [[7003n, 7001n, 7004n]]);
  result.cancelled.push({ maker: A, nonce: 7003n }, { maker: A, nonce: 7004n });
  // B invalidates nonces 1280, 1281 and 1283 (word 5, bits 0, 1, 3) at once.
  await send(B, signedSwap, sdk.signedSwapAbi, "invalidateNonces", [5n, 0b1011n]);
  result.invalidated.push({ maker: B, wordPos: 5n, mask: 0b1011n });
  return result;
}
