import type { Address } from "viem";
import { appChainId } from "@/config/chain";

/**
 * Every query key the app uses, in one place, so a transaction can invalidate exactly what it
 * changed. Ids and amounts are strings: keys must hash without bigint support.
 */
const root = ["peerlock", appChainId] as const;
const lower = (a: Address | string) => a.toLowerCase();

export const queryKeys = {
  root,
  market: () => [...root, "market"] as const,
  offer: (id: bigint) => [...root, "offer", id.toString()] as const,
  offerHistory: (id: bigint) => [...root, "offerHistory", id.toString()] as const,
  deal: (id: bigint) => [...root, "deal", id.toString()] as const,
  dealHistory: (id: bigint) => [...root, "dealHistory", id.toString()] as const,
  fillsBy: (account: Address) => [...root, "fillsBy", lower(account)] as const,
  token: (address: Address) => [...root, "token", lower(address)] as const,
  balances: (account: Address) => [...root, "balance", lower(account)] as const,
  balance: (token: Address, account: Address) => [...root, "balance", lower(account), lower(token)] as const,
  allowance: (token: Address, owner: Address, spender: Address) => [...root, "allowance", lower(token), lower(owner), lower(spender)] as const,
  chainTime: () => [...root, "chainTime"] as const,
};
