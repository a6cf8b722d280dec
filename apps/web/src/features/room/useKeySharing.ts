"use client";

import { type Deal, dealEscrowAbi } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { Address } from "viem";
import { readContract } from "viem/actions";
import { useClient, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import type { Attention } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { useTypedDataVerifier } from "./typedDataVerifier";

/**
 * The app's side of "share-key" (SPEC v3): on any page, as soon as the room says a reader lacks a
 * wrap (a buyer took the seller's listed deal, or a deal was disputed), this browser opens its own
 * wrap and wraps the deal key for them, reading the deal from the chain itself first.
 */
export function useKeySharing(account: Address | undefined, waiting: Attention["waiting"] | undefined, onShared: () => void) {
  const client = useClient();
  const verify = useTypedDataVerifier();
  const deals = (waiting ?? []).filter((w) => w.action === "share-key").map((w) => w.dealId);
  const todo = deals.join(",");
  // This hook runs in the header of every page: the room key's code loads only when a key is
  // owed. Same query as useRoomKey's, so unlocking the key here or on a deal page is seen at once.
  const { data: roomKey } = useQuery({
    queryKey: roomKeys.roomKey(account),
    queryFn: async () => (await import("./roomKeyStore")).loadRoomKey(window.localStorage, appChainId, account!) ?? null,
    enabled: !!account && todo !== "",
    staleTime: Infinity,
  });
  const { signTypedDataAsync } = useSignTypedData();
  const busy = useRef(false);
  useEffect(() => {
    if (!todo || !account || !roomKey || !client || !verify || !appDeployment || busy.current) return;
    busy.current = true;
    const escrow = appDeployment.dealEscrow.address;
    void (async () => {
      let shared = 0;
      // Loaded only when a key is owed: this hook runs in the header of every page.
      const [{ openDealKey, shareDealKey }, { chatKey }, { readDealKey }] = await Promise.all([
        import("./dealKeys"),
        import("./roomSigner"),
        import("./roomKeyStore"),
      ]);
      for (const id of todo.split(",").map(BigInt)) {
        try {
          const deal = (await readContract(client, { address: escrow, abi: dealEscrowAbi, functionName: "getDeal", args: [id] })) as Deal;
          const { dealKey, readers } = await openDealKey(id, deal, account, roomKey, readDealKey(window.localStorage, appChainId, id));
          const signer = { author: account, chatKey: () => chatKey(account, (data) => signTypedDataAsync(data)) };
          if (dealKey) shared += await shareDealKey(id, deal, dealKey, readers, verify, signer);
        } catch {
          // the next poll tries again
        }
      }
      busy.current = false;
      if (shared > 0) onShared();
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per list of deals to share
  }, [todo, account, roomKey, client]);
}
