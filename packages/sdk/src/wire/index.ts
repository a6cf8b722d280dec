export { addressSchema, chainIdSchema, hex32Schema, signatureSchema, UINT_MAX, uintStringSchema } from "./primitives.js";
export type { UintBits } from "./primitives.js";
export { encodeSignedOrder, orderWireSchema, signedOrderShape, signedOrderWireSchema } from "./order.js";
export type { SignedOrderWire } from "./order.js";
export {
  decodeRoomMessage,
  dealTermsWireSchema,
  encodeRoomMessage,
  evidenceMetaSchema,
  evidenceMetaWireSchema,
  isSealedBytes,
  isSealedItem,
  keyWrapWireSchema,
  roomMessageWireSchema,
  roomTextLimits,
  sealedTextSchema,
} from "./room.js";
export type { DealTermsWire, EvidenceMeta, KeyWrapWire, RoomMessageWire } from "./room.js";
export { bookEntryWireSchema, bookOrderStatusSchema, bookPageWireSchema, bookPostReplyWireSchema, encodeBookEntry } from "./book.js";
export type { BookEntry, BookEntryWire, BookOrderStatus } from "./book.js";
export {
  indexedDealSchema,
  indexedHistorySchema,
  indexedOfferSchema,
  indexedTokensSchema,
  indexedTradeEventSchema,
  indexerPageSchema,
  indexerStatusSchema,
  indexerTradesPageSchema,
  reputationBatchSchema,
  reputationSchema,
} from "./indexer.js";
export type { IndexerStatusWire } from "./indexer.js";
