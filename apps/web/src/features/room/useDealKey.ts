"use client";

import { type Deal, encodeRoomKeyAttestation, type RoomItem } from "@peerlock/sdk";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { type Address, bytesToHex } from "viem";
import { useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { canUseRoom } from "./access";
import type { RelayKeys } from "./dealKeys";
import { useCheckedRelayItems } from "./relayChecks";
import { roomKeys } from "./roomKeys";
import { loadRoomKeyAttestation, readDealKey } from "./roomKeyStore";
import { publishToRoom, useRelayRoom } from "./useRelayRoom";
import { useTypedDataVerifier } from "./typedDataVerifier";
import { keptAttestation, useRoomKey } from "./useRoomKey";
import { useRoomSession } from "./useRoomSession";

/**
 * The deal key as this browser can open it (from my wrap, on the server or checked from the
 * relays, or the seller's own copy), and, while the page is open, wraps for readers who lack one
 * (the buyer once taken, the arbiter once disputed). The wallet's RoomKey attestation is
 * published into the room's relays once per tab, so the other parties find the key there.
 * `dealKey` undefined with no error: no wrap for me yet.
 */
export function useDealKey(dealId: bigint, deal: Deal, account: Address | undefined) {
  const { roomOpen, serverDown } = useRoomSession();
  const { key: roomKey } = useRoomKey();
  const verify = useTypedDataVerifier();
  const { signTypedDataAsync } = useSignTypedData();
  const allowed = !!account && canUseRoom(deal, account);
  const checked = useCheckedRelayItems(dealId, deal, useRelayRoom(dealId, allowed));
  const relay = useMemo<RelayKeys>(
    () => ({
      wraps: checked.map((i) => i.item).filter((i): i is Extract<RoomItem, { type: "wrap" }> => i.type === "wrap"),
      keys: checked.map((i) => i.item).filter((i): i is Extract<RoomItem, { type: "key" }> => i.type === "key"),
    }),
    [checked],
  );
  const relayVersion = `${relay.wraps.length}:${relay.keys.length}`;
  const enabled = roomOpen && allowed && !!roomKey;
  const query = useQuery({
    queryKey: [...roomKeys.dealKey(dealId, account), roomKey ? bytesToHex(roomKey.publicKey) : "", deal.status, relayVersion],
    queryFn: async () => {
      const { openDealKey } = await import("./dealKeys");
      return openDealKey(dealId, deal, account!, roomKey!, readDealKey(window.localStorage, appChainId, dealId), relay);
    },
    enabled,
    retry: false,
    refetchInterval: 10_000,
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (enabled) void publishAttestation(dealId, account!, roomKey!);
  }, [enabled, dealId, account, roomKey, query.dataUpdatedAt]);
  const dealKey = query.data?.dealKey;
  const readers = query.data?.readers;
  useEffect(() => {
    if (!dealKey || !readers || !verify || !account || !readers.some((r) => r.key && !r.wrapped)) return;
    void (async () => {
      const [{ shareDealKey }, { chatKey }] = await Promise.all([import("./dealKeys"), import("./roomSigner")]);
      const signer = { author: account, chatKey: () => chatKey(account, (data) => signTypedDataAsync(data)) };
      if ((await shareDealKey(dealId, deal, dealKey, readers, verify, signer)) > 0) await query.refetch();
    })().catch(() => {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per fresh list of readers
  }, [dealKey, readers]);
  // A key made before attestations were kept here: with the server (which holds it) down, the
  // relays can only learn it if the wallet signs it again (unlock does, and keeps it).
  const needsAttestation =
    enabled && serverDown && !dealKey && !loadRoomKeyAttestation(window.localStorage, appChainId, account!, bytesToHex(roomKey!.publicKey));
  return {
    dealKey,
    readers,
    needsAttestation,
    error: query.error,
    loading: enabled && query.isLoading,
    roomKey,
  };
}

/** Rooms this tab has published the wallet's key attestation into. */
const attested = new Set<string>();

async function publishAttestation(dealId: bigint, account: Address, roomKey: { publicKey: Uint8Array; secretKey: Uint8Array }): Promise<void> {
  const id = `${dealId}:${account.toLowerCase()}:${bytesToHex(roomKey.publicKey)}`;
  if (attested.has(id)) return;
  attested.add(id);
  try {
    const attestation = await keptAttestation(account, roomKey);
    if (!attestation) return; // an older key whose attestation only the server kept: it is published there
    const results = await publishToRoom(dealId, { type: "key", attestation: encodeRoomKeyAttestation(attestation) });
    if (!results.some((r) => r.ok)) attested.delete(id);
  } catch {
    attested.delete(id);
  }
}
