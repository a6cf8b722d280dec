"use client";

import { establishRoomKey, randomRoomKey, type RoomKeyPair, roomKeyTypedData, type TypedDataVerifier } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Address, bytesToHex } from "viem";
import { verifyTypedData } from "viem/actions";
import { useClient, useConnection, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { loadRandomRoomKey, loadRoomKey, saveRoomKey, type StoredRoomKey } from "./roomKeyStore";

const store = () => (typeof window === "undefined" ? undefined : window.localStorage);

/** Checks typed-data signatures through the app's own node (EOAs and EIP-1271 wallets). */
export function useTypedDataVerifier(): TypedDataVerifier | undefined {
  const client = useClient();
  if (!client) return undefined;
  return (args) => verifyTypedData(client, args as Parameters<typeof verifyTypedData>[1]);
}

/**
 * The connected wallet's room key in this browser, and `unlock`, which makes it (RoomIdentity
 * signed twice: derived when both agree, else or for a contract wallet a random key kept here) and
 * publishes its RoomKey attestation when the server does not hold this key yet.
 */
export function useRoomKey() {
  const { address } = useConnection();
  const client = useClient();
  const queryClient = useQueryClient();
  const { signTypedDataAsync } = useSignTypedData();
  const key = useQuery({
    queryKey: roomKeys.roomKey(address),
    queryFn: () => loadRoomKey(store(), appChainId, address!) ?? null,
    enabled: !!address,
    staleTime: Infinity,
  });

  const unlock = useMutation({
    mutationFn: async (): Promise<StoredRoomKey> => {
      if (!address || !client) throw new Error("Connect a wallet first.");
      const wallet: Address = address;
      const code = await client.request({ method: "eth_getCode", params: [wallet, "latest"] }).catch(() => "0x");
      const established = await establishRoomKey({
        wallet,
        chainId: appChainId,
        isContract: typeof code === "string" && code !== "0x",
        signTypedData: (data) => signTypedDataAsync(data),
        randomKey: () => loadRandomRoomKey(store(), appChainId, wallet) ?? randomRoomKey(),
      });
      saveRoomKey(store(), appChainId, wallet, established);
      await publishIfNew(wallet, established, (statement) => signTypedDataAsync(roomKeyTypedData(appChainId, statement)));
      return established;
    },
    onSuccess: (k) => {
      queryClient.setQueryData(roomKeys.roomKey(address), k);
      return queryClient.invalidateQueries({ queryKey: ["room", "dealKey"] });
    },
  });

  return { key: key.data ?? undefined, unlock };
}

async function publishIfNew(
  wallet: Address,
  key: RoomKeyPair,
  sign: (statement: { wallet: Address; publicKey: Uint8Array; expiry: bigint }) => Promise<`0x${string}`>,
): Promise<void> {
  const publicKey = bytesToHex(key.publicKey);
  const { keys } = await roomApi.roomKeysOf([wallet]);
  if (keys[0]?.publicKey === publicKey) return;
  const statement = { wallet, publicKey: key.publicKey, expiry: 0n };
  const signature = await sign(statement);
  await roomApi.publishRoomKey({ wallet, publicKey, expiry: 0n, signature });
}
