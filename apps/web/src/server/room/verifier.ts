import type { TypedDataVerifier } from "@peerlock/sdk";
import { verifyTypedData } from "viem";
import { chainClient } from "../shared/chain";

/**
 * Checks a typed-data signature for an address: an EOA's locally, and only a contract wallet's
 * (EIP-1271 / ERC-6492) with a call to the node. One verifier for messages, wraps and room keys.
 */
export function typedDataVerifier(): TypedDataVerifier {
  const client = chainClient();
  return async (args) =>
    (await verifyTypedData(args as Parameters<typeof verifyTypedData>[0]).catch(() => false)) ||
    client.verifyTypedData(args as Parameters<typeof client.verifyTypedData>[0]);
}
