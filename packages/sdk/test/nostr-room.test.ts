import assert from "node:assert/strict";
import { test } from "node:test";
import {
  newDealKey,
  randomRoomKey,
  readRoomEvent,
  ROOM_ITEM_KIND,
  roomEventTemplate,
  roomFilter,
  roomItemId,
  roomKeyWrapTypedData,
  sealedToText,
  sealText,
  sessionKeyTypedData,
  verifyRoomKeyWrap,
  wrapDealKey,
  wrapItemStatement,
  type RoomItemWire,
} from "@peerlock/sdk";
import { matchFilter } from "nostr-tools/filter";
import { bytesToHex, keccak256, verifyTypedData } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const context = { chainId: 31337, escrow: "0x5FbDB2315678afecb367f032d93F642f64180aa3", dealId: 12n } as const;
const seller = privateKeyToAccount(generatePrivateKey());
const buyer = privateKeyToAccount(generatePrivateKey());
const options = { chainId: 31337, room: "localhost:3000", verifyTypedData };

async function signedWrap(author = seller, signer: { signTypedData: typeof seller.signTypedData } = author, withSession = false) {
  const dealKey = newDealKey();
  const reader = randomRoomKey();
  const wrapBytes = wrapDealKey(dealKey, { wallet: buyer.address, publicKey: reader.publicKey }, context);
  const signedAt = 1_800_000_000;
  const statement = {
    author: author.address,
    dealId: context.dealId,
    reader: buyer.address,
    readerPublicKey: bytesToHex(reader.publicKey),
    wrapHash: keccak256(wrapBytes),
    signedAt: BigInt(signedAt),
  };
  let sessionKey: Extract<RoomItemWire, { type: "wrap" }>["sessionKey"];
  let signature = await signer.signTypedData(roomKeyWrapTypedData(31337, statement));
  if (withSession) {
    const key = privateKeyToAccount(generatePrivateKey());
    const authorization = { key: key.address, room: options.room, expiry: BigInt(signedAt + 3600) };
    const authSig = await author.signTypedData(sessionKeyTypedData(31337, authorization));
    sessionKey = { key: key.address, room: options.room, expiry: signedAt + 3600, signature: authSig };
    signature = await key.signTypedData(roomKeyWrapTypedData(31337, statement));
  }
  const item: RoomItemWire = {
    type: "wrap",
    author: author.address,
    wrap: { reader: buyer.address, readerPublicKey: bytesToHex(reader.publicKey), wrap: sealedToText(wrapBytes) },
    signedAt,
    signature,
    sessionKey,
  };
  return item;
}

test("room items are events tagged with chain, escrow and deal, read back only in their room", async () => {
  const dealKey = newDealKey();
  const body = sealedToText(sealText(dealKey, "sent 100 EUR", context, "message"));
  const message: RoomItemWire = {
    type: "message",
    author: buyer.address,
    message: { clientId: "c-1", body, evidence: `0x${"00".repeat(32)}`, sentAt: 1_800_000_000, signature: `0x${"ab".repeat(65)}` },
  };
  const template = roomEventTemplate(context, message, 1_800_000_001);
  assert.equal(template.kind, ROOM_ITEM_KIND);
  const room = `31337:${context.escrow.toLowerCase()}:12`;
  for (const expected of [
    ["h", room],
    ["chain", "31337"],
    ["escrow", context.escrow.toLowerCase()],
    ["deal", "12"],
    ["item", "message"],
    ["y", "peerlock"],
  ]) {
    assert.ok(
      template.tags.some((t) => t[0] === expected[0] && t[1] === expected[1]),
      expected[0],
    );
  }
  const event = { ...template, id: "0".repeat(64), pubkey: "1".repeat(64), sig: "2".repeat(128) };
  assert.ok(matchFilter(roomFilter(context), event));
  assert.equal(matchFilter(roomFilter({ ...context, dealId: 13n }), event), false);
  const read = readRoomEvent(template, context);
  assert.ok(read.ok);
  assert.equal(read.item.type, "message");
  assert.equal(roomItemId(read.item), `message:${buyer.address.toLowerCase()}:c-1`);
  assert.deepEqual(readRoomEvent(template, { ...context, dealId: 13n }), { ok: false, reason: "The item belongs to another deal room." });
  const mislabelled = { ...template, tags: template.tags.map((t) => (t[0] === "item" ? ["item", "terms"] : t)) };
  assert.deepEqual(readRoomEvent(mislabelled, context), { ok: false, reason: "The item's type tag disagrees with its content." });
  assert.equal(readRoomEvent({ ...template, content: "{" }, context).ok, false);
  assert.equal(readRoomEvent({ ...template, kind: 1 }, context).ok, false);
  // Plain text in place of a sealed body is not a room item.
  const plain = { ...message, message: { ...message.message, body: "my IBAN is DE00" } };
  assert.equal(readRoomEvent(roomEventTemplate(context, plain), context).ok, false);
});

test("terms and room-key attestations travel as items too", async () => {
  const dealKey = newDealKey();
  const terms: RoomItemWire = {
    type: "terms",
    terms: {
      publicTerms: "{}",
      privateDetailsHash: `0x${"cd".repeat(32)}`,
      sealedDetails: sealedToText(sealText(dealKey, "IBAN", context, "details")),
    },
  };
  const readTerms = readRoomEvent(roomEventTemplate(context, terms), context);
  assert.ok(readTerms.ok && readTerms.item.type === "terms");
  const key: RoomItemWire = {
    type: "key",
    attestation: { wallet: seller.address, publicKey: `0x${"ef".repeat(32)}`, expiry: "0", signature: `0x${"01".repeat(65)}` },
  };
  const readKey = readRoomEvent(roomEventTemplate(context, key), context);
  assert.ok(readKey.ok && readKey.item.type === "key");
  assert.equal(roomItemId(readKey.item), `key:${seller.address.toLowerCase()}:0x${"ef".repeat(32)}`);
});

test("a deal-key wrap carries its author's signature; a stranger's wrap does not verify", async () => {
  for (const withSession of [false, true]) {
    const item = await signedWrap(seller, seller, withSession);
    const read = readRoomEvent(roomEventTemplate(context, item), context);
    assert.ok(read.ok && read.item.type === "wrap");
    const check = await verifyRoomKeyWrap(wrapItemStatement(read.item, context.dealId), options);
    assert.deepEqual(check.ok, true, `with session key: ${withSession}`);
  }
  // A stranger signs a wrap of their own key and names the seller as its author.
  const stranger = privateKeyToAccount(generatePrivateKey());
  const forged = await signedWrap(seller, stranger);
  const read = readRoomEvent(roomEventTemplate(context, forged), context);
  assert.ok(read.ok && read.item.type === "wrap");
  assert.deepEqual(await verifyRoomKeyWrap(wrapItemStatement(read.item, context.dealId), options), {
    ok: false,
    reason: "The signature is not the author's.",
  });
  // The signature covers the wrap's bytes: another wrap under the same signature fails.
  const genuine = await signedWrap();
  const other = await signedWrap();
  const swapped = { ...genuine, wrap: { ...genuine.wrap, wrap: (other as typeof genuine).wrap.wrap } } as typeof genuine;
  const readSwapped = readRoomEvent(roomEventTemplate(context, swapped), context);
  assert.ok(readSwapped.ok && readSwapped.item.type === "wrap");
  assert.equal((await verifyRoomKeyWrap(wrapItemStatement(readSwapped.item, context.dealId), options)).ok, false);
});
