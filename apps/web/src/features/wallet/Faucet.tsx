"use client";

import { testTokenAbi, type TokenInfo } from "@peerlock/sdk";
import { useState } from "react";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { TokenAmount } from "@/components/TokenAmount";
import { appChain } from "@/config/chain";
import { faucetTokens } from "@/config/deployment";
import { useTokenBalance } from "@/features/tokens/hooks";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall } from "@/features/tx/useTransaction";
import { queryKeys } from "@/lib/queryKeys";

function NewBalance({ token, account }: { token: TokenInfo; account: Address }) {
  const balance = useTokenBalance(token.address, account);
  return (
    <li data-testid={`faucet-balance-${token.symbol}`}>
      {balance.data === undefined ? `… ${token.symbol}` : <TokenAmount value={balance.data} token={token} />}
    </li>
  );
}

/**
 * Local chains only: mint each test token's faucet amount to the connected account, then show
 * what the account now holds (read again from the chain). Loaded lazily by FaucetSlot: the
 * transaction machinery it brings is not in the market's First Load JS.
 */
export function Faucet() {
  const connection = useConnection();
  const [gotFor, setGotFor] = useState<Address | undefined>(undefined);
  if (faucetTokens.length === 0 || connection.status !== "connected") return null;
  const account = connection.address;
  return (
    <div className="card" data-testid="faucet">
      <div className="row spread">
        <p style={{ margin: 0 }}>
          Local test chain ({appChain.name}): get {faucetTokens.map((t) => t.symbol).join(", ")} to try Peerlock.
        </p>
        <TxButton
          label="Get test tokens"
          variant="secondary"
          plan={() => ({
            calls: faucetTokens.map((t) =>
              contractCall({ step: `Get test ${t.symbol}`, address: t.address, abi: testTokenAbi, functionName: "faucet", args: [] }),
            ),
            invalidate: [queryKeys.balances(account)],
            onConfirmed: () => setGotFor(account),
          })}
        />
      </div>
      {gotFor === account ? (
        <div data-testid="faucet-balances">
          <p style={{ margin: "0.5rem 0 0" }}>You now have:</p>
          <ul className="inline-list">
            {faucetTokens.map((t) => (
              <NewBalance key={t.address} token={t} account={account} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
