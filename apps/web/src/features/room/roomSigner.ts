import { type KeyWrapWire, type RoomItemWire, roomKeyWrapTypedData, sealedFromText, type sessionKeyTypedData } from "@peerlock/sdk";
import { type Address, type Hex, keccak256 } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";
import { appChainId } from "@/config/chain";
import { singleFlight } from "@/lib/singleFlight";
import { createSessionKey, loadSessionKey, type StoredSessionKey } from "./sessionKey";

/** Asks the wallet for one EIP-712 signature (the chat key's weekly authorization). */
export type WalletSigner = (data: ReturnType<typeof sessionKeyTypedData>) => Promise<Hex>;
export type ChatKey = { account: PrivateKeyAccount; stored: StoredSessionKey };

const making = singleFlight<ChatKey>();

/**
 * This browser's chat key for `wallet`, made (one wallet prompt a week) when there is none; calls
 * made while the wallet is asked wait for that one prompt.
 */
export async function chatKey(wallet: Address, signWithWallet: WalletSigner): Promise<ChatKey> {
  const room = window.location.host;
  return (
    loadSessionKey(wallet, room) ??
    making(`${wallet.toLowerCase()}|${room}`, async () => loadSessionKey(wallet, room) ?? createSessionKey(wallet, room, appChainId, signWithWallet))
  );
}

/**
 * A deal-key wrap as a relay item: its RoomKeyWrap statement signed by the author's chat key
 * (relays are open to anyone, so a reader trusts a wrap only from the party allowed to give it).
 */
export async function signedWrapItem(key: ChatKey, author: Address, dealId: bigint, wrap: KeyWrapWire): Promise<RoomItemWire> {
  const signedAt = Math.floor(Date.now() / 1000);
  const signature = await key.account.signTypedData(
    roomKeyWrapTypedData(appChainId, {
      author,
      dealId,
      reader: wrap.reader,
      readerPublicKey: wrap.readerPublicKey,
      wrapHash: keccak256(sealedFromText(wrap.wrap)),
      signedAt: BigInt(signedAt),
    }),
  );
  const auth = key.stored.authorization;
  return {
    type: "wrap",
    author,
    wrap,
    signedAt,
    signature,
    sessionKey: { key: auth.key, room: auth.room, expiry: auth.expiry, signature: auth.signature },
  };
}
