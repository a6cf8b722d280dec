// Driving the EthRefuser test account: it trades through `execute`, so every call it makes
// is encoded here and sent by an ordinary account.
import type { CreateOfferArgs, OpenDealArgs } from "@peerlock/sdk";
import { encodeFunctionData, erc20Abi, maxUint256, type Hash, type Hex } from "viem";
import type { World } from "./fixtures.ts";
import { ETH } from "./setup.ts";

/** Makes the refuser call `target` with `data`, forwarding `value` wei. */
export function asRefuser(w: World, target: `0x${string}`, data: Hex, value = 0n): Promise<Hash> {
  return w.refuser.write.execute([target, value, data], { account: w.other.account, value });
}

export const swapCall = (w: World) => ({
  createOffer: (args: CreateOfferArgs, value = 0n) =>
    asRefuser(w, w.swap.address, encodeFunctionData({ abi: w.swap.abi, functionName: "createOffer", args }), value),
  fillOffer: (id: bigint, amount: bigint, value = 0n) =>
    asRefuser(w, w.swap.address, encodeFunctionData({ abi: w.swap.abi, functionName: "fillOffer", args: [id, amount] }), value),
  cancelOffer: (id: bigint) => asRefuser(w, w.swap.address, encodeFunctionData({ abi: w.swap.abi, functionName: "cancelOffer", args: [id] })),
  withdraw: (token: `0x${string}` = ETH) =>
    asRefuser(w, w.swap.address, encodeFunctionData({ abi: w.swap.abi, functionName: "withdraw", args: [token] })),
});

export const dealCall = (w: World) => ({
  openDeal: (args: OpenDealArgs, value = 0n) =>
    asRefuser(w, w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "openDeal", args }), value),
  takeDeal: (id: bigint) => asRefuser(w, w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "takeDeal", args: [id] })),
  resolve: (id: bigint, share: number) =>
    asRefuser(w, w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "resolve", args: [id, share] })),
  withdraw: (token: `0x${string}` = ETH) =>
    asRefuser(w, w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "withdraw", args: [token] })),
});

/** Gives the refuser `amount` of token A and approves it to both escrows. */
export async function fundRefuser(w: World, amount: bigint): Promise<void> {
  const token = w.tokenA.address;
  await w.tokenA.write.mint([w.refuser.address, amount]);
  for (const spender of [w.swap.address, w.deal.address]) {
    await asRefuser(w, token, encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [spender, maxUint256] }));
  }
}
