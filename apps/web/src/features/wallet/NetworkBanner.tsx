"use client";

import { decodeEscrowError } from "@peerlock/sdk";
import { useConnection, useSwitchChain } from "wagmi";
import { appChain } from "@/config/chain";
import { useChainName } from "./useChainName";

/** Shown while the wallet is on another network: every action would go to the wrong chain. */
export function NetworkBanner() {
  const connection = useConnection();
  const switchChain = useSwitchChain();
  const walletChain = useChainName(connection.chainId);
  if (connection.status !== "connected" || connection.chainId === appChain.id) return null;
  const error = switchChain.error ? decodeEscrowError(switchChain.error) : undefined;
  return (
    <div className="banner" data-testid="wrong-network">
      <div className="banner-inner">
        <p style={{ margin: 0 }}>
          Your wallet is on {walletChain}. Peerlock here runs on <strong>{appChain.name}</strong> (chain {appChain.id}).
        </p>
        <div className="row">
          <button type="button" onClick={() => switchChain.mutate({ chainId: appChain.id })} disabled={switchChain.isPending}>
            Switch to {appChain.name}
          </button>
          <span role="status" aria-live="polite">
            {switchChain.isPending ? "Confirm in your wallet…" : error ? (error.kind === "rejected" ? "Cancelled in wallet." : error.message) : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
