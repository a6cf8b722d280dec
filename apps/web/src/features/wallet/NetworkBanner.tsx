"use client";

import dynamic from "next/dynamic";
import { useConnection, useSwitchChain } from "wagmi";
import { appChain } from "@/config/chain";
import { useChainName } from "./useChainName";

// Every page has this banner; the decoder of every contract error is needed only after a failed switch.
const SwitchChainError = dynamic(() => import("./SwitchChainError").then((m) => m.SwitchChainError), { ssr: false });

/** Shown while the wallet is on another network: every action would go to the wrong chain. */
export function NetworkBanner() {
  const connection = useConnection();
  const switchChain = useSwitchChain();
  const walletChain = useChainName(connection.chainId);
  if (connection.status !== "connected" || connection.chainId === appChain.id) return null;
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
            {switchChain.isPending ? "Confirm in your wallet…" : switchChain.error ? <SwitchChainError error={switchChain.error} /> : ""}
          </span>
        </div>
      </div>
    </div>
  );
}
