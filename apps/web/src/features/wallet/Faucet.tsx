"use client";

import { testTokenAbi } from "@peerlock/sdk";
import { useConnection } from "wagmi";
import { appChain } from "@/config/chain";
import { faucetTokens } from "@/config/deployment";
import { TxButton } from "@/features/tx/TxButton";
import { queryKeys } from "@/lib/queryKeys";

/** Local chains only: mint each test token's faucet amount to the connected account. */
export function Faucet() {
  const connection = useConnection();
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
            calls: faucetTokens.map((t) => ({
              step: `Get test ${t.symbol}`,
              address: t.address,
              abi: testTokenAbi,
              functionName: "faucet",
              args: [],
            })),
            invalidate: [queryKeys.balances(account)],
          })}
        />
      </div>
    </div>
  );
}
