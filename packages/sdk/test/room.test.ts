import assert from "node:assert/strict";
import { test } from "node:test";
import {
  hashDealTerms,
  hashDealTermsFromPrivateHash,
  hashPrivateDetails,
  parsePublicTerms,
  type PublicTerms,
  serializePublicTerms,
  sessionKeyTypedData,
  roomMessageTypedData,
  verifyRoomMessage,
  type RoomMessage,
  type TypedDataVerifier,
} from "@peerlock/sdk";
import { encodeAbiParameters, keccak256, stringToBytes, verifyTypedData, zeroHash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const terms: PublicTerms = { pricePerUnit: "0.92", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "10", maxFiat: "", notes: "Fast" };

test("hashDealTerms is keccak256(abi.encode(keccak256(public), keccak256(private)))", () => {
  const pub = serializePublicTerms(terms);
  const expected = keccak256(
    encodeAbiParameters([{ type: "bytes32" }, { type: "bytes32" }], [keccak256(stringToBytes(pub)), keccak256(stringToBytes("IBAN DE00"))]),
  );
  assert.equal(hashDealTerms(pub, "IBAN DE00"), expected);
  assert.equal(hashDealTermsFromPrivateHash(pub, hashPrivateDetails("IBAN DE00")), expected);
  assert.notEqual(hashDealTerms(pub, "IBAN DE01"), expected);
  // Known vector: both parts empty.
  assert.equal(hashDealTerms("", ""), keccak256(encodeAbiParameters([{ type: "bytes32" }, { type: "bytes32" }], [keccak256("0x"), keccak256("0x")])));
});

test("public terms round-trip and bad fields are refused in plain words", () => {
  const text = serializePublicTerms(terms);
  assert.deepEqual(parsePublicTerms(text), { ok: true, terms });
  const reordered = Object.fromEntries(Object.entries(terms).reverse()) as PublicTerms;
  assert.equal(serializePublicTerms(reordered), text, "key order is fixed");
  const bad = (patch: Record<string, unknown>) => parsePublicTerms(JSON.stringify({ ...terms, ...patch }));
  assert.match((bad({ pricePerUnit: "-1" }) as { error: string }).error, /price/);
  assert.match((bad({ pricePerUnit: "0" }) as { error: string }).error, /price/);
  assert.match((bad({ fiatCurrency: "eur" }) as { error: string }).error, /currency/);
  assert.match((bad({ paymentMethod: " " }) as { error: string }).error, /payment method/);
  assert.match((bad({ minFiat: "20", maxFiat: "10" }) as { error: string }).error, /minimum/);
  assert.match((bad({ extra: "x" }) as { error: string }).error, /unknown field/);
  assert.match((bad({ notes: 3 }) as { error: string }).error, /notes/);
  assert.equal(parsePublicTerms("not json").ok, false);
  assert.equal(parsePublicTerms("[]").ok, false);
});

test("a message signed by an authorized session key verifies; tampering or another key does not", async () => {
  const wallet = privateKeyToAccount(generatePrivateKey());
  const key = privateKeyToAccount(generatePrivateKey());
  const chainId = 31337;
  const room = "localhost:3000";
  const authorization = { key: key.address, room, expiry: 2_000_000_000n };
  const authSignature = await wallet.signTypedData(sessionKeyTypedData(chainId, authorization));
  const message: RoomMessage = { author: wallet.address, dealId: 7n, clientId: "c1", body: "Paid", evidence: zeroHash, sentAt: 1_700_000_000n };
  const signature = await key.signTypedData(roomMessageTypedData(chainId, message));
  const options = {
    chainId,
    room,
    verifyTypedData: (args: Parameters<TypedDataVerifier>[0]) => verifyTypedData(args as Parameters<typeof verifyTypedData>[0]),
  };
  const signed = { message, signature, sessionKey: { authorization, signature: authSignature } };
  assert.deepEqual(await verifyRoomMessage(signed, options), { ok: true, signer: key.address, via: "sessionKey" });

  const tampered = { ...signed, message: { ...message, body: "Not paid" } };
  assert.equal((await verifyRoomMessage(tampered, options)).ok, false);
  assert.equal((await verifyRoomMessage(signed, { ...options, room: "evil.example" })).ok, false);
  assert.equal((await verifyRoomMessage(signed, { ...options, chainId: 1 })).ok, false);
  const late = { ...signed, message: { ...message, sentAt: 2_000_000_001n } };
  assert.equal(
    (await verifyRoomMessage({ ...late, signature: await key.signTypedData(roomMessageTypedData(chainId, late.message)) }, options)).ok,
    false,
  );
  const other = privateKeyToAccount(generatePrivateKey());
  const byOther = { ...signed, signature: await other.signTypedData(roomMessageTypedData(chainId, message)) };
  assert.equal((await verifyRoomMessage(byOther, options)).ok, false);
  const forgedAuth = { ...signed, sessionKey: { authorization, signature: await other.signTypedData(sessionKeyTypedData(chainId, authorization)) } };
  assert.equal((await verifyRoomMessage(forgedAuth, options)).ok, false);

  const direct = await wallet.signTypedData(roomMessageTypedData(chainId, message));
  assert.deepEqual(await verifyRoomMessage({ message, signature: direct }, options), { ok: true, signer: wallet.address, via: "wallet" });
  assert.equal((await verifyRoomMessage({ message, signature: signature }, options)).ok, false);
});
