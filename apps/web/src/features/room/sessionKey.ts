import { type SessionKeyAuthorization, sessionKeyTypedData } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import { generatePrivateKey, type PrivateKeyAccount, privateKeyToAccount } from "viem/accounts";

/**
 * A chat session key: a throw-away key kept in this browser that the wallet authorized once
 * (EIP-712) to sign deal-room messages for a week. It can sign chat messages and nothing else:
 * no transaction and no token approval ever trusts it.
 */
export type StoredSessionKey = { privateKey: Hex; authorization: { key: Address; room: string; expiry: number; signature: Hex } };

const WEEK_S = 7 * 24 * 3600;
const storageKey = (wallet: Address, room: string) => `peerlock.room.sessionKey.${room}.${wallet.toLowerCase()}`;

export function loadSessionKey(
  wallet: Address,
  room: string,
  nowS = Math.floor(Date.now() / 1000),
): { account: PrivateKeyAccount; stored: StoredSessionKey } | undefined {
  try {
    const raw = window.localStorage.getItem(storageKey(wallet, room));
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredSessionKey;
    if (stored.authorization.expiry <= nowS + 60) return undefined;
    return { account: privateKeyToAccount(stored.privateKey), stored };
  } catch {
    return undefined;
  }
}

/** Makes a key and asks the wallet for its one authorization (the only wallet prompt of the chat). */
export async function createSessionKey(
  wallet: Address,
  room: string,
  chainId: number,
  signTypedData: (data: ReturnType<typeof sessionKeyTypedData>) => Promise<Hex>,
): Promise<{ account: PrivateKeyAccount; stored: StoredSessionKey }> {
  const privateKey = generatePrivateKey();
  const account = privateKeyToAccount(privateKey);
  const expiry = Math.floor(Date.now() / 1000) + WEEK_S;
  const authorization: SessionKeyAuthorization = { key: account.address, room, expiry: BigInt(expiry) };
  const signature = await signTypedData(sessionKeyTypedData(chainId, authorization));
  const stored: StoredSessionKey = { privateKey, authorization: { key: account.address, room, expiry, signature } };
  window.localStorage.setItem(storageKey(wallet, room), JSON.stringify(stored));
  return { account, stored };
}
