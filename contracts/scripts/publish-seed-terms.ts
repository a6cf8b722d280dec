// Publishes the demo deals' terms (written by seed.ts) to the deal room once the app is up, as
// their sellers would: each seller (a Hardhat dev account) signs in with SIWE and posts the terms,
// which the server accepts only because they hash to the deal's on-chain termsHash. `pnpm dev`
// and the e2e harness run it so the market lists price and payment method from the first open.
//   PEERLOCK_APP_URL=http://localhost:3000 PEERLOCK_SEED_TERMS_FILE=.dev/seed-terms.json node scripts/publish-seed-terms.ts
import { existsSync, readFileSync } from "node:fs";
import { mnemonicToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";

/** Hardhat's public dev mnemonic: never use it for anything of value. */
const HARDHAT_DEV_MNEMONIC = "test test test test test test test test test test test junk";

type SeedTerms = { dealId: string; sellerIndex: number; publicTerms: string; privateDetails: string };

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
    const saved = await post(
      `/api/room/deals/${record.dealId}/terms`,
      { publicTerms: record.publicTerms, privateDetails: record.privateDetails },
      cookie,
    );
    if (!saved.ok) throw new Error(`publishing the terms of deal ${record.dealId} failed: ${await saved.text()}`);
  }
  return records.length;
}

const count = await publishSeedTerms(
  process.env.PEERLOCK_APP_URL ?? "http://localhost:3000",
  process.env.PEERLOCK_SEED_TERMS_FILE ?? "seed-terms.json",
);
console.log(`Published the terms of ${count} demo deals to the deal room.`);
