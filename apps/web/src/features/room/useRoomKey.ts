"use client";

import {
  encodeRoomKeyAttestation,
  establishRoomKey,
  randomRoomKey,
  type RoomKeyAttestation,
  roomKeyAttestationSchema,
  type RoomKeyPair,
  roomKeyTypedData,
} from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Address, bytesToHex } from "viem";
import { useClient, useConnection, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { isUnreachableError, roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { loadRandomRoomKey, loadRoomKey, loadRoomKeyAttestation, saveRoomKey, saveRoomKeyAttestation, type StoredRoomKey } from "./roomKeyStore";

const store = () => (typeof window === "undefined" ? undefined : window.localStorage);

/**
 * The connected wallet's room key in this browser, and `unlock`, which makes it (RoomIdentity
 * signed twice: derived when both agree, else or for a contract wallet a random key kept here) and
 * publishes its RoomKey attestation when the server does not hold this key yet. The attestation
 * is kept here too: each room the wallet opens publishes it to the relays (useDealKey), which is
 * how readers find the key while the server is down.
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
      await attest(wallet, established, (statement) => signTypedDataAsync(roomKeyTypedData(appChainId, statement)));
      return established;
    },
    onSuccess: (k) => {
      queryClient.setQueryData(roomKeys.roomKey(address), k);
      return queryClient.invalidateQueries({ queryKey: ["room", "dealKey"] });
    },
  });

  return { key: key.data ?? undefined, unlock };
}

/** The server's record of the wallet's key, when it answers and holds `publicKey`. */
async function serverAttestation(wallet: Address, publicKey: `0x${string}`): Promise<RoomKeyAttestation | undefined> {
  const { keys } = await roomApi.roomKeysOf([wallet]);
  const parsed = roomKeyAttestationSchema.safeParse(keys[0]);
  return parsed.success && parsed.data.publicKey === publicKey ? parsed.data : undefined;
}

/**
 * The attestation of this browser's key: kept here, else the server's, else signed now; then
 * published to the server when it lacks it (a server that cannot be reached is skipped: the
 * relays carry the attestation).
 */
async function attest(
  wallet: Address,
  key: RoomKeyPair,
  sign: (statement: { wallet: Address; publicKey: Uint8Array; expiry: bigint }) => Promise<`0x${string}`>,
): Promise<RoomKeyAttestation> {
  const publicKey = bytesToHex(key.publicKey);
  let onServer: RoomKeyAttestation | undefined;
  let serverDown = false;
  try {
    onServer = await serverAttestation(wallet, publicKey);
  } catch (error) {
    if (!isUnreachableError(error)) throw error;
    serverDown = true;
  }
  const attestation = onServer ??
    loadRoomKeyAttestation(store(), appChainId, wallet, publicKey) ?? {
      wallet,
      publicKey,
      expiry: 0n,
      signature: await sign({ wallet, publicKey: key.publicKey, expiry: 0n }),
    };
  saveRoomKeyAttestation(store(), appChainId, attestation);
  if (!onServer && !serverDown) await roomApi.publishRoomKey(encodeRoomKeyAttestation(attestation));
  return attestation;
}

/** The kept attestation of the wallet's key in this browser, or the server's (then kept). */
export async function keptAttestation(wallet: Address, key: RoomKeyPair): Promise<RoomKeyAttestation | undefined> {
  const publicKey = bytesToHex(key.publicKey);
  const kept = loadRoomKeyAttestation(store(), appChainId, wallet, publicKey);
  if (kept) return kept;
  const onServer = await serverAttestation(wallet, publicKey).catch(() => undefined);
  if (onServer) saveRoomKeyAttestation(store(), appChainId, onServer);
  return onServer;
}
