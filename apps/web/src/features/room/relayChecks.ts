"use client";

import type { Deal, RoomItem } from "@peerlock/sdk";
import { useEffect, useState } from "react";
import { sameAddress } from "@/lib/address";
import type { RelayRoomItem } from "./relayRoomItems";
import { dealReaders, mayWrapFor, mayWriteMessage } from "./roomItemRules";
import { useTypedDataVerifier } from "./typedDataVerifier";

/**
 * Signature checks of relay items, run here through the app's own node (EIP-1271 wallets too):
 * a message or wrap against its author (wallet or authorized chat key), a RoomKey attestation
 * against its wallet. Items whose author has no business in this room are never even checked.
 * Results are kept per event id (bounded), so a re-render never checks twice.
 */
const results = new Map<string, Promise<boolean>>();
const MAX_RESULTS = 20_000;

/** Whether an item is worth a signature check in this deal at all. */
export function worthChecking(item: RoomItem, deal: Deal): boolean {
  switch (item.type) {
    case "message":
      return mayWriteMessage(deal, item.author);
    case "wrap":
      return mayWrapFor(deal, item.author, item.wrap.reader);
    case "key":
      return dealReaders(deal).some((r) => sameAddress(r, item.attestation.wallet));
    case "terms":
      return true;
  }
}

function checked(eventId: string, run: () => Promise<boolean>): Promise<boolean> {
  let p = results.get(eventId);
  if (!p) {
    p = run().catch(() => false);
    results.set(eventId, p);
    if (results.size > MAX_RESULTS) results.delete(results.keys().next().value as string);
  }
  return p;
}

/** The relay items of this deal that passed their rules and signature check (terms: see relayTerms). */
export function useCheckedRelayItems(dealId: bigint, deal: Deal | undefined, items: readonly RelayRoomItem[]): RelayRoomItem[] {
  const verify = useTypedDataVerifier();
  const [passed, setPassed] = useState<RelayRoomItem[]>([]);
  useEffect(() => {
    if (!deal || !verify) return;
    let gone = false;
    const candidates = items.filter((i) => worthChecking(i.item, deal));
    void import("./relayVerify")
      .then(({ checkRelayItem }) => Promise.all(candidates.map((i) => checked(i.eventId, () => checkRelayItem(i.item, dealId, verify)))))
      .then((oks) => {
        if (!gone) setPassed(candidates.filter((_, n) => oks[n]));
      });
    return () => {
      gone = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the verifier is remade per render; the client behind it is not
  }, [dealId, deal?.status, deal?.buyer, items, !!verify]);
  return passed;
}
