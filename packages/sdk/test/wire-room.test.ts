import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getAddress, zeroHash } from "viem";
import {
  decodeRoomMessage,
  dealTermsWireSchema,
  encodeRoomMessage,
  evidenceMetaWireSchema,
  hashPrivateDetails,
  keyWrapWireSchema,
  newDealKey,
  randomRoomKey,
  roomMessageWireSchema,
  sealedToText,
  sealText,
  wrapDealKey,
} from "@peerlock/sdk";

const context = { chainId: 31337, escrow: getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"), dealId: 3n };
const reader = getAddress("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
const key = newDealKey();

describe("room wire formats", () => {
  it("take sealed details and refuse plaintext in their place", () => {
    const sealed = sealedToText(sealText(key, "IBAN DE00", context, "details"));
    const ok = dealTermsWireSchema.safeParse({ publicTerms: "{}", privateDetailsHash: hashPrivateDetails("IBAN DE00"), sealedDetails: sealed });
    assert.equal(ok.success, true);
    assert.equal(
      dealTermsWireSchema.safeParse({ publicTerms: "{}", privateDetailsHash: hashPrivateDetails("x"), sealedDetails: "IBAN DE00" }).success,
      false,
    );
    // base64url of text that is not a v1 sealed item
    assert.equal(dealTermsWireSchema.safeParse({ publicTerms: "{}", privateDetailsHash: zeroHash, sealedDetails: "SUJBTiBERTAw" }).success, false);
  });

  it("round-trip a signed message through its one wire schema", () => {
    const body = sealedToText(sealText(key, "paid", context, "message"));
    const signed = {
      message: { author: reader, dealId: 3n, clientId: "c-1", body, evidence: zeroHash, sentAt: 1_700_000_000n },
      signature: `0x${"ab".repeat(65)}` as const,
      sessionKey: { authorization: { key: reader, room: "localhost:3000", expiry: 1_800_000_000n }, signature: `0x${"cd".repeat(65)}` as const },
    };
    const wire = roomMessageWireSchema.parse(encodeRoomMessage(signed));
    assert.deepEqual(decodeRoomMessage(wire, reader, 3n), signed);
    assert.equal(roomMessageWireSchema.safeParse({ ...encodeRoomMessage(signed), body: "plain text" }).success, false);
    assert.equal(roomMessageWireSchema.safeParse({ ...encodeRoomMessage(signed), body: "" }).success, true);
  });

  it("take a real key wrap and refuse a cut one", () => {
    const room = randomRoomKey();
    const wrap = sealedToText(wrapDealKey(key, { wallet: reader, publicKey: room.publicKey }, context));
    const input = { reader, readerPublicKey: `0x${Buffer.from(room.publicKey).toString("hex")}`, wrap };
    assert.equal(keyWrapWireSchema.safeParse(input).success, true);
    assert.equal(keyWrapWireSchema.safeParse({ ...input, wrap: wrap.slice(0, -4) }).success, false);
  });

  it("take sealed evidence metadata only", () => {
    const meta = sealedToText(sealText(key, JSON.stringify({ name: "r.png", type: "image/png" }), context, "evidence"));
    assert.equal(evidenceMetaWireSchema.safeParse({ meta }).success, true);
    assert.equal(evidenceMetaWireSchema.safeParse({ meta: "r.png" }).success, false);
  });
});
