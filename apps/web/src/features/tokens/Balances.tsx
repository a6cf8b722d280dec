"use client";

import type { TokenInfo } from "@peerlock/sdk";
import type { Address } from "viem";
import { TokenAmount } from "@/components/TokenAmount";
import { useTokenBalance } from "./hooks";

function BalanceRow({ token, account }: { token: TokenInfo; account: Address }) {
  const balance = useTokenBalance(token.address, account);
  return (
    <div>
      <dt>{token.symbol}</dt>
      <dd data-testid={`balance-${token.symbol}`}>{balance.data === undefined ? "…" : <TokenAmount value={balance.data} token={token} />}</dd>
    </div>
  );
}

/** The account's balance of each known token. */
export function Balances({ account, tokens }: { account: Address; tokens: readonly TokenInfo[] }) {
  return (
    <section className="card" aria-labelledby="balances-title">
      <h2 id="balances-title" style={{ marginTop: 0 }}>
        Your balances
      </h2>
      <dl className="split">
        {tokens.map((t) => (
          <BalanceRow key={t.address} token={t} account={account} />
        ))}
      </dl>
    </section>
  );
}
