import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type DealContext,
  encodeRoomKeyAttestation,
  establishRoomKey,
  newDealKey,
  openBytes,
  openText,
  randomRoomKey,
  roomIdentityTypedData,
  roomKeyAttestationSchema,
  roomKeyFromSignature,
  roomKeyTypedData,
  SealedItemError,
  sealBytes,
  sealedFromText,
  sealedToText,
  sealText,
  unwrapDealKey,
  verifyRoomKeyAttestation,
  wrapDealKey,
} from "@peerlock/sdk";
import { bytesToHex, type Hex, verifyTypedData } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const deal: DealContext = { chainId: 31337, escrow: "0x5FbDB2315678afecb367f032d93F642f64180aa3", dealId: 7n };
const seller = privateKeyToAccount(generatePrivateKey());
const buyer = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());

const refusedWith = (code: SealedItemError["code"]) => (error: unknown) => error instanceof SealedItemError && error.code === code;

test("a sealed text opens to the same text with the same key and deal", () => {
  const key = newDealKey();
  const sealed = sealText(key, "IBAN DE89 3704 0044 0532 0130 00 · Ünïcode ✓", deal, "details");
  assert.equal(openText(key, sealed, deal, "details"), "IBAN DE89 3704 0044 0532 0130 00 · Ünïcode ✓");
  const again = sealText(key, "IBAN DE89 3704 0044 0532 0130 00 · Ünïcode ✓", deal, "details");
  assert.notDeepEqual(again, sealed, "a fresh nonce per seal: equal texts give different ciphertexts");
  assert.equal(sealed[0], 1, "format version byte");
});

test("sealed bytes survive the text encoding and hide the plaintext", () => {
  const key = newDealKey();
  const file = new Uint8Array(100_000).map((_, i) => i % 251);
  const text = sealedToText(sealBytes(key, file, deal, "evidence"));
  assert.deepEqual(openBytes(key, sealedFromText(text), deal, "evidence"), file);
  const secret = "very-secret-account-number-1234";
  const sealedSecret = sealText(key, secret, deal, "message");
  assert.ok(!Buffer.from(sealedSecret).toString("latin1").includes(secret));
  assert.ok(!sealedToText(sealedSecret).includes(secret));
});

test("a tampered ciphertext, nonce or tag is refused", () => {
  const key = newDealKey();
  const sealed = sealText(key, "pay to account 42", deal, "message");
  for (const at of [1, 10, 30, sealed.length - 1]) {
    const bad = sealed.slice();
    bad[at]! ^= 0x01;
    assert.throws(() => openText(key, bad, deal, "message"), refusedWith("cannot-open"), `byte ${at} flipped`);
  }
  assert.throws(() => openText(key, sealed.slice(0, 20), deal, "message"), refusedWith("malformed"));
  assert.throws(() => openText(key, new Uint8Array(), deal, "message"), refusedWith("malformed"));
  const future = sealed.slice();
  future[0] = 2;
  assert.throws(() => openText(key, future, deal, "message"), refusedWith("unsupported-version"));
  assert.throws(() => sealedFromText("not base64url!"), refusedWith("malformed"));
});

test("the wrong key, deal, escrow, chain or kind cannot open an item", () => {
  const key = newDealKey();
  const sealed = sealText(key, "secret", deal, "details");
  assert.throws(() => openText(newDealKey(), sealed, deal, "details"), refusedWith("cannot-open"));
  assert.throws(() => openText(key, sealed, { ...deal, dealId: 8n }, "details"), refusedWith("cannot-open"));
  assert.throws(() => openText(key, sealed, { ...deal, chainId: 1 }, "details"), refusedWith("cannot-open"));
  assert.throws(() => openText(key, sealed, { ...deal, escrow: stranger.address }, "details"), refusedWith("cannot-open"));
  assert.throws(() => openText(key, sealed, deal, "message"), refusedWith("cannot-open"));
  assert.equal(
    openText(key, sealed, { ...deal, escrow: "0x5fbdb2315678afecb367f032d93f642f64180aa3" }, "details"),
    "secret",
    "address case does not matter",
  );
  assert.throws(() => sealText(key, "x", { ...deal, dealId: 1n << 256n }, "details"), RangeError);
  assert.throws(() => sealText(new Uint8Array(16), "x", deal, "details"), RangeError);
});

test("a wrap opens only for its reader, and only for its deal", () => {
  const dealKey = newDealKey();
  const buyerKey = randomRoomKey();
  const strangerKey = randomRoomKey();
  const wrap = wrapDealKey(dealKey, { wallet: buyer.address, publicKey: buyerKey.publicKey }, deal);
  assert.deepEqual(unwrapDealKey(wrap, { wallet: buyer.address, secretKey: buyerKey.secretKey }, deal), dealKey);
  assert.throws(() => unwrapDealKey(wrap, { wallet: buyer.address, secretKey: strangerKey.secretKey }, deal), refusedWith("cannot-open"));
  assert.throws(() => unwrapDealKey(wrap, { wallet: stranger.address, secretKey: buyerKey.secretKey }, deal), refusedWith("cannot-open"));
  assert.throws(
    () => unwrapDealKey(wrap, { wallet: buyer.address, secretKey: buyerKey.secretKey }, { ...deal, dealId: 9n }),
    refusedWith("cannot-open"),
  );
  const tampered = wrap.slice();
  tampered[tampered.length - 1]! ^= 0x80;
  assert.throws(() => unwrapDealKey(tampered, { wallet: buyer.address, secretKey: buyerKey.secretKey }, deal), refusedWith("cannot-open"));
  assert.throws(() => unwrapDealKey(wrap.slice(0, 40), { wallet: buyer.address, secretKey: buyerKey.secretKey }, deal), refusedWith("malformed"));
  // a low-order "public key" is refused instead of giving a predictable shared secret
  assert.throws(() => wrapDealKey(dealKey, { wallet: buyer.address, publicKey: new Uint8Array(32) }, deal));
});

test("deriving a room key from the same wallet's signature gives the same key twice", async () => {
  const typedData = roomIdentityTypedData(seller.address, 31337);
  const first = roomKeyFromSignature(await seller.signTypedData(typedData), seller.address, 31337);
  const second = roomKeyFromSignature(await seller.signTypedData(typedData), seller.address, 31337);
  assert.deepEqual(first.secretKey, second.secretKey);
  assert.deepEqual(first.publicKey, second.publicKey);
  const otherChain = roomKeyFromSignature(await seller.signTypedData(roomIdentityTypedData(seller.address, 1)), seller.address, 1);
  assert.notDeepEqual(otherChain.publicKey, first.publicKey);
  const buyerKey = roomKeyFromSignature(await buyer.signTypedData(roomIdentityTypedData(buyer.address, 31337)), buyer.address, 31337);
  assert.notDeepEqual(buyerKey.publicKey, first.publicKey);
});

test("establishRoomKey derives for a deterministic signer and falls back to a random key otherwise", async () => {
  const kept = randomRoomKey();
  const deterministic = await establishRoomKey({
    wallet: seller.address,
    chainId: 31337,
    isContract: false,
    signTypedData: (t) => seller.signTypedData(t),
    randomKey: () => kept,
  });
  assert.equal(deterministic.source, "derived");
  let calls = 0;
  const flaky = await establishRoomKey({
    wallet: seller.address,
    chainId: 31337,
    isContract: false,
    // a signer that adds fresh randomness: two signatures of one message differ
    signTypedData: async () => bytesToHex(new Uint8Array(65).fill(++calls)) as Hex,
    randomKey: () => kept,
  });
  assert.equal(flaky.source, "random");
  assert.deepEqual(flaky.publicKey, kept.publicKey);
  const contract = await establishRoomKey({
    wallet: seller.address,
    chainId: 31337,
    isContract: true,
    signTypedData: () => assert.fail("a contract wallet is not asked to derive"),
    randomKey: () => kept,
  });
  assert.equal(contract.source, "random");
});

test("a room key attestation verifies for its wallet only, until it expires, and round-trips as JSON", async () => {
  const key = randomRoomKey();
  const statement = { wallet: seller.address, publicKey: bytesToHex(key.publicKey), expiry: 2_000_000_000n };
  const signature = await seller.signTypedData(roomKeyTypedData(31337, statement));
  const attestation = { ...statement, signature };
  const verify = (args: Parameters<typeof verifyTypedData>[0]) => verifyTypedData(args);
  assert.equal(await verifyRoomKeyAttestation(attestation, 31337, verify as never, 1_900_000_000n), true);
  assert.equal(await verifyRoomKeyAttestation(attestation, 31337, verify as never, 2_000_000_000n), false, "expired");
  assert.equal(await verifyRoomKeyAttestation({ ...attestation, wallet: buyer.address }, 31337, verify as never, 0n), false, "other wallet");
  assert.equal(
    await verifyRoomKeyAttestation({ ...attestation, publicKey: bytesToHex(randomRoomKey().publicKey) }, 31337, verify as never, 0n),
    false,
  );
  assert.equal(await verifyRoomKeyAttestation(attestation, 1, verify as never, 0n), false, "other chain");
  const wire = JSON.parse(JSON.stringify(encodeRoomKeyAttestation(attestation)));
  const parsed = roomKeyAttestationSchema.parse(wire);
  assert.deepEqual(parsed, { ...attestation, publicKey: attestation.publicKey.toLowerCase() });
  assert.equal(roomKeyAttestationSchema.safeParse({ ...wire, expiry: "-1" }).success, false);
  assert.equal(roomKeyAttestationSchema.safeParse({ ...wire, extra: 1 }).success, false);
  assert.equal(roomKeyAttestationSchema.safeParse({ ...wire, expiry: (1n << 64n).toString() }).success, false);
});
