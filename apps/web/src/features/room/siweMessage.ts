// Loaded when someone signs in (see useRoomSession): the SIWE message builder and its checks
// are not needed to show a page.
import type { Address } from "viem";
import { createSiweMessage } from "viem/siwe";

/** The EIP-4361 message the wallet signs to sign in to the deal room of this site and chain. */
export function roomSignInMessage({ address, chainId, nonce }: { address: Address; chainId: number; nonce: string }): string {
  return createSiweMessage({
    address,
    chainId,
    domain: window.location.host,
    nonce,
    uri: window.location.origin,
    version: "1",
    statement: "Sign in to the Peerlock deal room.",
    issuedAt: new Date(),
    expirationTime: new Date(Date.now() + 10 * 60_000),
  });
}
