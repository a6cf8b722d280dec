"use client";

import { useQuery } from "@tanstack/react-query";
import type { Hex } from "viem";
import { useHash } from "@/hooks/useHash";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { type RoomTermsView, viewRoomTerms } from "./roomTerms";

/** The deal's terms as this browser can see and verify them: from the link, else from the room server. */
export function useRoomTerms(dealId: bigint | null, termsHash: Hex | undefined): { view: RoomTermsView; serverHasTerms: boolean } {
  const hash = useHash();
  const server = useQuery({
    queryKey: roomKeys.terms(dealId ?? 0n),
    queryFn: () => roomApi.terms(dealId!),
    enabled: dealId !== null,
    staleTime: 60_000,
    retry: false,
  });
  return {
    view: termsHash ? viewRoomTerms(hash, termsHash, server.data) : { kind: "none" },
    serverHasTerms: !!server.data,
  };
}
