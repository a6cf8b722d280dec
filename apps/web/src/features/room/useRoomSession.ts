"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { isAddressEqual } from "viem";
import { useConfig, useConnection } from "wagmi";
import { appChainId } from "@/config/chain";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { onRoomServer, roomServerDown } from "./roomServer";

/**
 * The deal-room sign-in (SIWE): which wallet the server's session cookie belongs to, and a
 * sign-in that asks the connected wallet to sign an EIP-4361 message for this site and chain.
 * When the server cannot be reached (`serverDown`), the room needs no sign-in: it runs on the
 * relays alone (`roomOpen`), with this browser's room key, until the server answers again.
 */
export function useRoomSession() {
  const { address } = useConnection();
  const queryClient = useQueryClient();
  const config = useConfig();
  const serverDown = useSyncExternalStore(onRoomServer, roomServerDown, () => false);
  const session = useQuery({
    queryKey: roomKeys.session,
    queryFn: roomApi.session,
    staleTime: 30_000,
    retry: false,
    refetchInterval: serverDown ? 15_000 : false,
  });
  const signedIn = !!address && !!session.data?.address && isAddressEqual(session.data.address, address);
  const roomOpen = !!address && (signedIn || serverDown);

  const signIn = useMutation({
    mutationFn: async () => {
      if (!address) throw new Error("Connect a wallet first.");
      const [{ nonce }, { signRoomSignIn }] = await Promise.all([roomApi.nonce(), import("./siweMessage")]);
      const { message, signature } = await signRoomSignIn(config, { address, chainId: appChainId, nonce });
      return roomApi.verify(message, signature);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["room"] }),
  });

  return { address, signedIn, serverDown, roomOpen, session, signIn };
}
