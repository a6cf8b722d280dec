export { assertDealContext, sealedItemKinds, sealedItemKindSchema } from "./context.js";
export type { DealContext, SealedItemKind } from "./context.js";
export { SealedItemError } from "./errors.js";
export type { SealedErrorCode } from "./errors.js";
export { fromText as sealedFromText, toText as sealedToText } from "./encoding.js";
export { DEAL_KEY_BYTES, newDealKey, openBytes, openText, SEALED_ITEM_VERSION, sealBytes, sealText } from "./seal.js";
export { KEY_WRAP_VERSION, ROOM_PUBLIC_KEY_BYTES, unwrapDealKey, wrapDealKey } from "./wrap.js";
export type { WrapReader } from "./wrap.js";
export {
  encodeRoomKeyAttestation,
  establishRoomKey,
  publicKeyBytes,
  randomRoomKey,
  ROOM_IDENTITY_PURPOSE,
  roomIdentityTypedData,
  roomKeyAttestationSchema,
  roomKeyFromSecret,
  roomKeyFromSignature,
  roomKeyTypedData,
  roomKeyTypes,
  verifyRoomKeyAttestation,
} from "./identity.js";
export type { RoomKeyAttestation, RoomKeyPair, RoomKeySource } from "./identity.js";
