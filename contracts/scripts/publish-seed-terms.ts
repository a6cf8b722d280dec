// Publishes the demo deals' terms (written by seed.ts) to the deal room once the app is up, as
// their sellers' browsers would: each seller (a Hardhat dev account) signs in with SIWE, publishes
// its room key (derived from its RoomIdentity signature, as in the app), draws a deal key, posts
// the public terms, the private hash and the details sealed with the deal key (accepted only
// because they hash to the deal's on-chain termsHash), and wraps the deal key for itself. `pnpm dev`
// and the e2e harness run it so the market lists price and payment method from the first open.
//   PEERLOCK_APP_URL=http://localhost:3000 PEERLOCK_SEED_TERMS_FILE=.dev/seed-terms.json node scripts/publish-seed-terms.ts
import { existsSync, readFileSync } from "node:fs";
import {
  encodeRoomKeyAttestation,
  hashPrivateDetails,
  newDealKey,
  roomIdentityTypedData,
  roomKeyFromSignature,
  roomKeyTypedData,
  sealedToText,
  sealText,
  wrapDealKey,
} from "@peerlock/sdk";
import { bytesToHex, type Address } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";

/** Hardhat's public dev mnemonic: never use it for anything of value. */
const HARDHAT_DEV_MNEMONIC = "test test test test test test test test test test test junk";

type SeedTerms = { dealId: string; sellerIndex: number; publicTerms: string; privateDetails: string; escrow: Address };

async function publishSeedTerms(appUrl: string, file: string, chainId = 31337): Promise<number> {
  if (!existsSync(file)) return 0;
  const records = JSON.parse(readFileSync(file, "utf8")) as SeedTerms[];
  for (const record of records) {
    const account = mnemonicToAccount(HARDHAT_DEV_MNEMONIC, { addressIndex: record.sellerIndex });
    const post = (path: string, body: unknown, cookie = "") =>
      fetch(`${appUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appUrl, cookie },
        body: JSON.stringify(body),
      });
    const { nonce } = (await (await post("/api/room/auth/nonce", {})).json()) as { nonce: string };
    const message = createSiweMessage({
      address: account.address,
      chainId,
      domain: new URL(appUrl).host,
      nonce,
      uri: appUrl,
      version: "1",
      issuedAt: new Date(),
    });
    const signedIn = await post("/api/room/auth/verify", { message, signature: await account.signMessage({ message }) });
    if (!signedIn.ok) throw new Error(`deal room sign-in failed: ${await signedIn.text()}`);
    const cookie = (signedIn.headers.get("set-cookie") ?? "").split(";")[0]!;
    const roomKey = roomKeyFromSignature(await account.signTypedData(roomIdentityTypedData(account.address, chainId)), account.address, chainId);
    const statement = { wallet: account.address, publicKey: roomKey.publicKey, expiry: 0n };
    const attestation = {
      ...statement,
      publicKey: bytesToHex(roomKey.publicKey),
      signature: await account.signTypedData(roomKeyTypedData(chainId, statement)),
    };
    const published = await post("/api/room/keys", encodeRoomKeyAttestation(attestation));
    if (!published.ok) throw new Error(`publishing the room key of ${account.address} failed: ${await published.text()}`);
    const context = { chainId, escrow: record.escrow, dealId: BigInt(record.dealId) };
    const dealKey = newDealKey();
    const saved = await post(
      `/api/room/deals/${record.dealId}/terms`,
      {
        publicTerms: record.publicTerms,
        privateDetailsHash: hashPrivateDetails(record.privateDetails),
        sealedDetails: sealedToText(sealText(dealKey, record.privateDetails, context, "details")),
      },
      cookie,
    );
    if (!saved.ok) throw new Error(`publishing the terms of deal ${record.dealId} failed: ${await saved.text()}`);
    const wrap = sealedToText(wrapDealKey(dealKey, { wallet: account.address, publicKey: roomKey.publicKey }, context));
    const wrapped = await post(
      `/api/room/deals/${record.dealId}/keys`,
      { wraps: [{ reader: account.address, readerPublicKey: attestation.publicKey, wrap }] },
      cookie,
    );
    if (!wrapped.ok) throw new Error(`wrapping the key of deal ${record.dealId} failed: ${await wrapped.text()}`);
  }
  return records.length;
}

const count = await publishSeedTerms(
  process.env.PEERLOCK_APP_URL ?? "http://localhost:3000",
  process.env.PEERLOCK_SEED_TERMS_FILE ?? "seed-terms.json",
);
console.log(`Published the terms of ${count} demo deals to the deal room.`);
