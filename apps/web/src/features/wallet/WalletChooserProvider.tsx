"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { useConnection } from "wagmi";
import { WalletChooser } from "./WalletChooser";

type WalletChooserControl = { open: () => void };

const WalletChooserContext = createContext<WalletChooserControl | null>(null);

/**
 * The page's one wallet chooser: the header's "Connect wallet" and any "Connect a wallet to …"
 * prompt open this same dialog, so there is never a second chooser with its own connect state.
 * Needs wagmi and TanStack Query above it (the chooser uses useConnect).
 */
export function WalletChooserProvider({ children }: { children: ReactNode }) {
  const [choosing, setChoosing] = useState(false);
  const { status } = useConnection();
  // Connected by any route (this dialog, a reconnect, the wallet itself): nothing left to choose.
  if (choosing && status === "connected") setChoosing(false);
  const open = useCallback(() => setChoosing(true), []);
  const control = useMemo(() => ({ open }), [open]);
  return (
    <WalletChooserContext.Provider value={control}>
      {children}
      <WalletChooser open={choosing} onClose={() => setChoosing(false)} />
    </WalletChooserContext.Provider>
  );
}

export function useWalletChooser(): WalletChooserControl {
  const control = useContext(WalletChooserContext);
  if (!control) throw new Error("useWalletChooser needs a <WalletChooserProvider> above it");
  return control;
}
