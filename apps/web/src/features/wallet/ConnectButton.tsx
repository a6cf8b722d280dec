"use client";

import { useConnection, useDisconnect } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { appChain } from "@/config/chain";
import { useWalletChooser } from "./WalletChooserProvider";

/** Account and network at a glance, with connect and disconnect. */
export function ConnectButton() {
  const connection = useConnection();
  const disconnect = useDisconnect();
  const chooser = useWalletChooser();

  if (connection.status === "connected") {
    const onAppChain = connection.chainId === appChain.id;
    return (
      <div className="wallet" data-testid="wallet">
        <span className={`badge wallet-chain ${onAppChain ? "" : "expired"}`} data-testid="wallet-chain">
          {connection.chain?.name ?? `Chain ${connection.chainId}`}
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

  return (
    <div className="wallet">
      <button type="button" onClick={chooser.open} disabled={connection.status === "connecting"}>
        {connection.status === "reconnecting" || connection.status === "connecting" ? "Connecting…" : "Connect wallet"}
      </button>
    </div>
  );
}
