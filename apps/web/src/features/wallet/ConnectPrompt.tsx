"use client";

import { useConnection } from "wagmi";
import { useWalletChooser } from "./WalletChooserProvider";

/**
 * "Connect a wallet to act on this deal" as a button where the person reads it, opening the
 * header's chooser. Its name must not contain "Connect wallet": that name is the header button's.
 */
export function ConnectPrompt({ label }: { label: `Connect a wallet to ${string}` }) {
  const chooser = useWalletChooser();
  const { status } = useConnection();
  return (
    <p>
      <button type="button" className="secondary" onClick={chooser.open} disabled={status === "connecting"}>
        {label}
      </button>
    </p>
  );
}
