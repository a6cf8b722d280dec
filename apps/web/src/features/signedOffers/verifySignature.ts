// Loaded only when an order is checked (see useSignedOrder): signature recovery brings secp256k1
// and ERC-6492 parsing, which the page does not need to paint.
import { orderTypedData, type SignedOrderWithSignature } from "@peerlock/sdk";
import type { Client } from "viem";
import { verifyTypedData } from "viem/actions";

/** Whether the maker signed this order (ECDSA, or the maker's EIP-1271 wallet); false when unsure. */
export function verifyOrderSignature(client: Client, signed: SignedOrderWithSignature): Promise<boolean> {
  const { order, signature } = signed;
  return verifyTypedData(client, { address: order.maker, ...orderTypedData(order, signed), signature }).catch(() => false);
}
