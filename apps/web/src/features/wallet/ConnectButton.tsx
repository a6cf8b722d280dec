"use client";

import { useConnection, useDisconnect } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { appChain } from "@/config/chain";
import { useHydrated } from "@/hooks/useHydrated";
import { useChainName } from "./useChainName";
import { useWalletChooser } from "./WalletChooserProvider";

/** Account and network at a glance, with connect and disconnect. */
export function ConnectButton() {
  const connection = useConnection();
  const disconnect = useDisconnect();
  const chooser = useWalletChooser();
  const hydrated = useHydrated();
  const chainName = useChainName(connection.chainId);

  if (connection.status === "connected") {
    const onAppChain = connection.chainId === appChain.id;
    return (
      <div className="wallet" data-testid="wallet">
        <span className={`badge wallet-chain ${onAppChain ? "" : "expired"}`} data-testid="wallet-chain">
          {chainName}
        </span>
        <span className="wallet-account" data-testid="wallet-address">
          <AddressText address={connection.address} />
        </span>
        <button type="button" className="secondary small wallet-off" onClick={() => disconnect.mutate({})}>
          Disconnect
        </button>
      </div>
    );
  }

  // Until hydration a click would be lost: the button waits visibly. After it, the button always
  // opens the chooser, also while wagmi's mount-time reconnect probes the wallets (status
  // "connecting" with nothing chosen), which used to swallow clicks for the first seconds.
  return (
    <div className="wallet">
      <button type="button" onClick={chooser.open} disabled={!hydrated} aria-busy={!hydrated}>
        {connection.status === "reconnecting" ? "Reconnecting…" : "Connect wallet"}
      </button>
    </div>
  );
}
