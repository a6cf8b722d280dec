"use client";

import type { TypedDataVerifier } from "@peerlock/sdk";
import { verifyTypedData } from "viem/actions";
import { useClient } from "wagmi";

/** Checks typed-data signatures through the app's own node (EOAs and EIP-1271 wallets). */
export function useTypedDataVerifier(): TypedDataVerifier | undefined {
  const client = useClient();
  if (!client) return undefined;
  return (args) => verifyTypedData(client, args as Parameters<typeof verifyTypedData>[1]);
}
