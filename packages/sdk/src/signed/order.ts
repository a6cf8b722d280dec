import {
  type Address,
  type ContractFunctionArgs,
  type Hex,
  hashTypedData,
  keccak256,
  type LocalAccount,
  stringToHex,
  type TypedDataDomain,
  type WalletClient,
} from "viem";
import type { signedSwapAbi } from "../generated/abis.js";
import { orderTypes, signedSwapDomain } from "../generated/eip712.js";

/** A signed offer's terms exactly as `SignedSwap` takes them (derived from its ABI). */
export type SignedOrder = ContractFunctionArgs<typeof signedSwapAbi, "view", "hashOrder">[0];

/** Where an order is valid: the chain and the SignedSwap contract that verifies it. */
export type OrderVenue = { chainId: number; verifyingContract: Address };

/** A signed order with everything needed to verify and fill it anywhere. */
export type SignedOrderWithSignature = OrderVenue & { order: SignedOrder; signature: Hex };

export { orderTypes };

/** `Order(address maker,...,bool partialFills)`, the EIP-712 type string SignedSwap hashes. */
export const orderTypeString: string = `Order(${orderTypes.Order.map((f) => `${f.type} ${f.name}`).join(",")})`;

/** keccak256 of `orderTypeString`; equals `SignedSwap.ORDER_TYPEHASH()`. */
export const orderTypeHash: Hex = keccak256(stringToHex(orderTypeString));

/** The EIP-712 domain of SignedSwap at `verifyingContract` on `chainId`. */
export function orderDomain({ chainId, verifyingContract }: OrderVenue) {
  return { ...signedSwapDomain, chainId, verifyingContract } as const satisfies TypedDataDomain;
}

/** Everything `signTypedData` needs for `order` (wallet clients and local accounts alike). */
export function orderTypedData(order: SignedOrder, venue: OrderVenue) {
  return { domain: orderDomain(venue), types: orderTypes, primaryType: "Order", message: order } as const;
}

/** The EIP-712 digest of `order`: what the maker signs and `SignedSwap.hashOrder` returns. */
export function hashOrder(order: SignedOrder, venue: OrderVenue): Hex {
  return hashTypedData(orderTypedData(order, venue));
}

/**
 * Signs `order` as its maker: no transaction, nothing on chain. `signer` is a WalletClient
 * with an account (the wallet shows the order's fields) or a local account.
 */
export async function signOrder(signer: WalletClient | LocalAccount, order: SignedOrder, venue: OrderVenue): Promise<SignedOrderWithSignature> {
  const typedData = orderTypedData(order, venue);
  let signature: Hex;
  if (signer.type === "local") {
    signature = await (signer as LocalAccount).signTypedData(typedData);
  } else {
    const client = signer as WalletClient;
    if (!client.account) throw new Error("signOrder: the wallet client has no account");
    signature = await client.signTypedData({ ...typedData, account: client.account });
  }
  return { ...venue, order, signature };
}
