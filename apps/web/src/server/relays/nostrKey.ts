import { generateSecretKey, getPublicKey } from "nostr-tools/pure";
import { hexToBytes } from "viem";

/**
 * The nostr key the server signs the order events it publishes with: SERVER_NOSTR_KEY (64 hex
 * digits), else a random key per process. It only says "this server relayed it"; the maker's
 * EIP-712 signature inside is what readers trust. Never logged.
 */
const holder = globalThis as typeof globalThis & { __peerlockServerNostrKey?: Uint8Array };

export function serverNostrKeyProblem(): string | undefined {
  const raw = process.env.SERVER_NOSTR_KEY;
  if (!raw) return undefined;
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(raw)) return "SERVER_NOSTR_KEY must be a nostr secret key as 64 hex digits.";
  try {
    getPublicKey(keyBytes(raw));
  } catch {
    return "SERVER_NOSTR_KEY is not a valid secp256k1 secret key.";
  }
  return undefined;
}

const keyBytes = (raw: string) => hexToBytes((raw.startsWith("0x") ? raw : `0x${raw}`) as `0x${string}`);

export function serverNostrKey(): Uint8Array {
  if (!holder.__peerlockServerNostrKey) {
    const raw = process.env.SERVER_NOSTR_KEY;
    holder.__peerlockServerNostrKey = raw && !serverNostrKeyProblem() ? keyBytes(raw) : generateSecretKey();
  }
  return holder.__peerlockServerNostrKey;
}
