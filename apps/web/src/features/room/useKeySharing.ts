"use client";

import { type Deal, dealEscrowAbi } from "@peerlock/sdk";
import { useEffect, useRef } from "react";
import type { Address } from "viem";
import { readContract } from "viem/actions";
import { useClient, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import type { Attention } from "./roomApi";
import { readDealKey } from "./roomKeyStore";
import { useRoomKey, useTypedDataVerifier } from "./useRoomKey";

/**
 * The app's side of "share-key" (SPEC v3): on any page, as soon as the room says a reader lacks a
 * wrap (a buyer took the seller's listed deal, or a deal was disputed), this browser opens its own
 * wrap and wraps the deal key for them, reading the deal from the chain itself first.
 */
export function useKeySharing(account: Address | undefined, waiting: Attention["waiting"] | undefined, onShared: () => void) {
  const client = useClient();
  const verify = useTypedDataVerifier();
  const { key: roomKey } = useRoomKey();
  const { signTypedDataAsync } = useSignTypedData();
  const busy = useRef(false);
  const deals = (waiting ?? []).filter((w) => w.action === "share-key").map((w) => w.dealId);
  const todo = deals.join(",");
  useEffect(() => {
    if (!todo || !account || !roomKey || !client || !verify || !appDeployment || busy.current) return;
    busy.current = true;
    const escrow = appDeployment.dealEscrow.address;
    void (async () => {
      let shared = 0;
      // Loaded only when a key is owed: this hook runs in the header of every page.
      const [{ openDealKey, shareDealKey }, { chatKey }] = await Promise.all([import("./dealKeys"), import("./roomSigner")]);
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
