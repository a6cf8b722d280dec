export { addressSchema, chainIdSchema, hex32Schema, signatureSchema, UINT_MAX, uintStringSchema } from "./primitives.js";
export type { UintBits } from "./primitives.js";
export { encodeSignedOrder, orderWireSchema, signedOrderWireSchema } from "./order.js";
export type { SignedOrderWire } from "./order.js";
