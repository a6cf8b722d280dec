"use client";

import { hashPrivateDetails } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Hex } from "viem";
import { appChainId } from "@/config/chain";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { useHash } from "@/hooks/useHash";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { type RoomTermsView, viewRoomTerms } from "./roomTerms";
import { readSellerTerms } from "./sellerTerms";

/**
 * The deal's terms as this browser can see and verify them (one check, viewRoomTerms): from the
 * link, else from the room server; with the seller's own copy of the details when this browser
 * opened the deal (the link and the server never carry them in plain).
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
  const own = dealId !== null ? readSellerTerms(browserStore(), appChainId, dealId) : undefined;
  // Before the seller published anything, their own copy stands in for the server's public part.
  const serverOrOwn =
    server.data ??
    (own && termsHash
      ? { dealId: String(dealId), publicTerms: own.publicTerms, privateDetailsHash: hashPrivateDetails(own.privateDetails), termsHash }
      : server.data);
  return {
    view: termsHash ? viewRoomTerms(hash, termsHash, serverOrOwn, own?.privateDetails) : { kind: "none" },
    serverHasTerms: !!server.data,
  };
}
