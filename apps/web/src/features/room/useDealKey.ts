"use client";

import type { Deal } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { type Address, bytesToHex } from "viem";
import { appChainId } from "@/config/chain";
import { canUseRoom } from "./access";
import { openDealKey, shareDealKey } from "./dealKeys";
import { roomKeys } from "./roomKeys";
import { readDealKey } from "./roomKeyStore";
import { useRoomKey, useTypedDataVerifier } from "./useRoomKey";
import { useRoomSession } from "./useRoomSession";

/**
 * The deal key as this browser can open it (from my wrap, or the seller's own copy), and, while
 * the page is open, wraps for readers who lack one (the buyer once taken, the arbiter once
 * disputed). `dealKey` undefined with no error: no wrap for me yet.
 */
export function useDealKey(dealId: bigint, deal: Deal, account: Address | undefined) {
  const { signedIn } = useRoomSession();
  const { key: roomKey } = useRoomKey();
  const verify = useTypedDataVerifier();
  const enabled = signedIn && !!account && !!roomKey && canUseRoom(deal, account);
  const query = useQuery({
    queryKey: [...roomKeys.dealKey(dealId, account), roomKey ? bytesToHex(roomKey.publicKey) : "", deal.status],
    queryFn: () => openDealKey(dealId, account!, roomKey!, readDealKey(window.localStorage, appChainId, dealId)),
    enabled,
    retry: false,
    refetchInterval: 10_000,
  });
  const dealKey = query.data?.dealKey;
  const readers = query.data?.readers;
  useEffect(() => {
    if (!dealKey || !readers || !verify || !readers.some((r) => r.key && !r.wrapped)) return;
    void shareDealKey(dealId, deal, dealKey, readers, verify)
      .then((n) => (n > 0 ? query.refetch() : undefined))
      .catch(() => {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per fresh list of readers
  }, [dealKey, readers]);
  return { dealKey, error: query.error, loading: enabled && query.isLoading, roomKey };
}
