import { bytesToHex, hexToBytes } from "viem";

/**
 * This browser's nostr key: it signs the events the app publishes. It vouches for nothing (what
 * the app trusts is the wallet's EIP-712 signature inside each event), so a throw-away key kept in
 * this browser is enough, and it never names the wallet.
 */
const STORAGE_KEY = "peerlock.nostr.key";

export async function browserNostrKey(storage: Pick<Storage, "getItem" | "setItem"> | undefined): Promise<Uint8Array> {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved && /^0x[0-9a-f]{64}$/.test(saved)) return hexToBytes(saved as `0x${string}`);
  const { generateSecretKey } = await import("nostr-tools/pure");
  const key = generateSecretKey();
  storage?.setItem(STORAGE_KEY, bytesToHex(key));
  return key;
}
