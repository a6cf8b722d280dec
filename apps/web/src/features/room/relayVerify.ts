// Loaded on demand (dynamic import from relayChecks): the signature checks of relay items.
import {
  decodeRoomMessage,
  type RoomItem,
  type TypedDataVerifier,
  verifyRoomKeyAttestation,
  verifyRoomKeyWrap,
  verifyRoomMessage,
  wrapItemStatement,
} from "@peerlock/sdk";
import { appChainId } from "@/config/chain";

/**
 * A message or wrap against its author (wallet, or the chat key it authorized for this site), a
 * RoomKey attestation against its wallet. Terms carry no signature: they are checked against the
 * on-chain termsHash where they are used.
 */
export async function checkRelayItem(item: RoomItem, dealId: bigint, verify: TypedDataVerifier): Promise<boolean> {
  const options = { chainId: appChainId, room: window.location.host, verifyTypedData: verify };
  switch (item.type) {
    case "message":
      return (await verifyRoomMessage(decodeRoomMessage(item.message, item.author, dealId), options)).ok;
    case "wrap":
      return (await verifyRoomKeyWrap(wrapItemStatement(item, dealId), options)).ok;
    case "key":
      return verifyRoomKeyAttestation(item.attestation, appChainId, verify, BigInt(Math.floor(Date.now() / 1000)));
    case "terms":
      return true;
  }
}
