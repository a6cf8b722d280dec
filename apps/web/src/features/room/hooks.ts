"use client";

import { useQuery } from "@tanstack/react-query";
import type { Hex } from "viem";
import { appChainId } from "@/config/chain";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { useHash } from "@/hooks/useHash";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { type RoomTermsView, viewRoomTerms } from "./roomTerms";
import { readSellerTerms, sellerTermsFragment } from "./sellerTerms";

/**
 * The deal's terms as this browser can see and verify them: from the link, else from the room
 * server, else (for the seller who opened the deal here) from this browser's own copy.
 */
export function useRoomTerms(dealId: bigint | null, termsHash: Hex | undefined): { view: RoomTermsView; serverHasTerms: boolean } {
  const hash = useHash();
  const server = useQuery({
    queryKey: roomKeys.terms(dealId ?? 0n),
    queryFn: () => roomApi.terms(dealId!),
    enabled: dealId !== null,
    staleTime: 60_000,
    retry: false,
  });
  // No terms in the link and none published: the seller's copy stands in for the link.
  const own = hash !== null && dealId !== null && server.data === null ? readSellerTerms(browserStore(), appChainId, dealId) : undefined;
  const linkHash = own && !/[#&]pub=/.test(hash ?? "") ? sellerTermsFragment(own, dealId!) : hash;
  return {
    view: termsHash ? viewRoomTerms(linkHash, termsHash, server.data) : { kind: "none" },
    serverHasTerms: !!server.data,
  };
}
