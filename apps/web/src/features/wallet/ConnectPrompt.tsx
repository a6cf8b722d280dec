"use client";

import { useHydrated } from "@/hooks/useHydrated";
import { useWalletChooser } from "./WalletChooserProvider";

/**
 * "Connect a wallet to act on this deal" as a button where the person reads it, opening the
 * header's chooser. Its name must not contain "Connect wallet": that name is the header button's.
 */
export function ConnectPrompt({ label }: { label: `Connect a wallet to ${string}` }) {
  const chooser = useWalletChooser();
  const hydrated = useHydrated();
  return (
    <p>
      <button type="button" className="secondary" onClick={chooser.open} disabled={!hydrated} aria-busy={!hydrated}>
        {label}
      </button>
    </p>
  );
}
