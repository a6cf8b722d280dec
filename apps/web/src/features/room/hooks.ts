"use client";

import { hashPrivateDetails } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Hex } from "viem";
import { appChainId } from "@/config/chain";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { useHash } from "@/hooks/useHash";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { type RelayTerms, relayTermsFor, type RoomTermsView, viewRoomTerms } from "./roomTerms";
import { readSellerTerms } from "./sellerTerms";
import { useRelayRoom } from "./useRelayRoom";

/**
 * The deal's terms as this browser can see and verify them (one check, viewRoomTerms): from the
 * link, else from the room server, else from the relays (only copies matching termsHash); with
 * the seller's own copy of the details when this browser opened the deal (the link, the server
 * and the relays never carry them in plain). `published`: the server or a relay has the terms.
 */
export function useRoomTerms(
  dealId: bigint | null,
  termsHash: Hex | undefined,
): { view: RoomTermsView; published: boolean; relayTerms: RelayTerms[] } {
  const hash = useHash();
  const server = useQuery({
    queryKey: roomKeys.terms(dealId ?? 0n),
    queryFn: () => roomApi.terms(dealId!),
    enabled: dealId !== null,
    staleTime: 60_000,
    retry: false,
  });
  const relayItems = useRelayRoom(dealId ?? 0n, dealId !== null && !!termsHash);
  const relayTerms = useMemo(
    () =>
      dealId !== null && termsHash
        ? relayTermsFor(
            relayItems.map((i) => i.item),
            dealId,
            termsHash,
          )
        : [],
    [relayItems, dealId, termsHash],
  );
  const own = dealId !== null ? readSellerTerms(browserStore(), appChainId, dealId) : undefined;
  // Before the seller published anything, their own copy stands in for the server's public part.
  const serverOrOwn =
    server.data ??
    relayTerms[0] ??
    (own && termsHash
      ? { dealId: String(dealId), publicTerms: own.publicTerms, privateDetailsHash: hashPrivateDetails(own.privateDetails), termsHash }
      : server.data);
  return {
    view: termsHash ? viewRoomTerms(hash, termsHash, serverOrOwn, own?.privateDetails) : { kind: "none" },
    published: !!server.data || relayTerms.length > 0,
    relayTerms,
  };
}
