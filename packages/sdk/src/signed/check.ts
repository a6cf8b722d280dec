import { type Address, type Client, type Hex, toFunctionSelector, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import { signedSwapAbi } from "../generated/abis.js";
import { describeSignedSwapError, type SignedSwapErrorName } from "../errors.js";
import type { SignedOrderWithSignature } from "./order.js";

/** One reason a fill would fail, by error name and in plain words. */
export type OrderProblem = { name: SignedSwapErrorName; message: string };

/** SignedSwap's error selectors, from its ABI. */
const errorsBySelector = new Map<Hex, SignedSwapErrorName>(
  signedSwapAbi
    .filter((item) => item.type === "error")
    .map((item) => [toFunctionSelector(`${item.name}(${item.inputs.map((i) => i.type).join(",")})`), item.name]),
);

/** Turns the selectors `SignedSwap.check` returns into names and words; unknown ones are dropped. */
export function decodeCheckResult(selectors: readonly Hex[]): OrderProblem[] {
  return selectors.flatMap((selector) => {
    const name = errorsBySelector.get(selector);
    return name ? [{ name, message: describeSignedSwapError(name) }] : [];
  });
}

/**
 * Every reason a fill of `sellAmount` by `taker` would fail now, read from the contract the
 * order names (`SignedSwap.check`, which never reverts). Empty means the fill would go through.
 * Without `taker`, only the order and the maker are checked (as the market does).
 */
export async function checkOrder(
  client: Client,
  signed: SignedOrderWithSignature,
  { taker = zeroAddress, sellAmount = signed.order.sellAmount }: { taker?: Address; sellAmount?: bigint } = {},
): Promise<OrderProblem[]> {
  const selectors = await readContract(client, {
    address: signed.verifyingContract,
    abi: signedSwapAbi,
    functionName: "check",
    args: [signed.order, signed.signature, taker, sellAmount],
  });
  return decodeCheckResult(selectors);
}
