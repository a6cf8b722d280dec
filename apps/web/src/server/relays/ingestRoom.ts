import { type NostrEvent, readRoomEvent, type RoomItem, tagValue, verifyRoomKeyWrap, wrapItemStatement } from "@peerlock/sdk";
import type { Deal } from "@peerlock/sdk";
import { mayUseRoom, roleOf } from "../room/access";
import { roomConfig } from "../room/config";
import { publishRoomKey } from "../room/keys";
import { postMessage } from "../room/messages";
import { storeTerms } from "../room/terms";
import { dealIdParam } from "../room/validation";
import { typedDataVerifier } from "../room/verifier";
import { saveWraps } from "../room/wraps";
import { appDomain } from "../shared/origin";
import { dealAtHead } from "./dealCache";
import { asOutcome, type IngestOutcome, refused } from "./outcome";

/**
 * A deal-room item from a relay, checked as the room API checks the same item from a signed-in
 * party; only here the author is proven by the item's own signature instead of a session:
 * - message: its author's signature (wallet, or a session key for this app's host) and the author
 *   is the deal's seller or buyer, or its arbiter once disputed;
 * - terms: they hash to the deal's on-chain termsHash (they fill an empty slot only);
 * - wrap: signed by its author, who may share the deal key, for a reader allowed now, to the room
 *   key that reader published;
 * - key: a RoomKey attestation signed by its wallet (never rolling back to an older key).
 * Sealed parts stay sealed: the database gets exactly what the API would store.
 */
export async function ingestRoomEvent(event: NostrEvent): Promise<IngestOutcome> {
  const { chainId, dealEscrow } = roomConfig();
  if (!dealEscrow) return refused("Peerlock is not deployed on this chain.");
  if (tagValue(event, "chain") !== String(chainId) || tagValue(event, "escrow")?.toLowerCase() !== dealEscrow.toLowerCase())
    return refused("The item belongs to another chain or escrow.");
  const dealId = dealIdParam.safeParse(tagValue(event, "deal") ?? "");
  if (!dealId.success) return refused("The item names no deal.");
  const read = readRoomEvent(event, { chainId, escrow: dealEscrow, dealId: dealId.data });
  if (!read.ok) return refused(read.reason);
  const deal = await dealAtHead(dealId.data);
  if (!deal) return refused(`Deal #${dealId.data} does not exist.`);
  return storeItem(dealId.data, deal, read.item);
}

async function storeItem(dealId: bigint, deal: Deal, item: RoomItem): Promise<IngestOutcome> {
  switch (item.type) {
    case "message":
      if (!mayUseRoom(deal, roleOf(deal, item.author))) return refused("The author may not write in this deal room.");
      return asOutcome(async () => (await postMessage(dealId, item.author, item.message, appDomain(), "relay")).created);
    case "terms":
      return asOutcome(async () => (await storeTerms(dealId, deal, item.terms, "relay"), true));
    case "wrap": {
      const check = await verifyRoomKeyWrap(wrapItemStatement(item, dealId), {
        chainId: roomConfig().chainId,
        room: appDomain(),
        verifyTypedData: typedDataVerifier(),
      });
      if (!check.ok) return refused(check.reason);
      return asOutcome(async () => (await saveWraps(dealId, item.author, [item.wrap], deal)) > 0);
    }
    case "key":
      return asOutcome(async () => (await publishRoomKey(item.attestation, { onlyLater: true }), true));
  }
}
