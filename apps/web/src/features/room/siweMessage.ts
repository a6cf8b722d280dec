// Loaded when someone signs in (see useRoomSession): the SIWE message builder and the wallet
// signing action are not needed to show a page.
import type { Address, Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import type { Config } from "wagmi";
import { signMessage } from "wagmi/actions";

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

/** Builds the sign-in message and has the connected wallet sign it. */
export async function signRoomSignIn(
  config: Config,
  params: { address: Address; chainId: number; nonce: string },
): Promise<{ message: string; signature: Hex }> {
  const message = roomSignInMessage(params);
  const signature = await signMessage(config, { account: params.address, message });
  return { message, signature };
}
