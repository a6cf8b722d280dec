"use client";

import { decodePeerlockError } from "@peerlock/sdk";
import { Suspense, useEffect, useRef, useState } from "react";
import { type Connector, useConnect, useConnectors } from "wagmi";
import { AccountPickerHost, accountPickerOf } from "./accountPicker";
import { chooserWallets, walletLabel } from "./chooserList";

/**
 * The wallet chooser: every EIP-6963 wallet the browser announced, plus the generic injected
 * one. A native <dialog> gives focus trapping, Escape to close and a backdrop for free.
 */
export function WalletChooser({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const connectors = useConnectors();
  const connect = useConnect();
  // A wallet whose own account screen is showing (the dev wallet), loaded from its connector.
  const [devPicking, setDevPicking] = useState<Connector | undefined>(undefined);
  const loadPicker = devPicking ? accountPickerOf(devPicking) : undefined;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  // Only evaluated once opened (never during server rendering), so hydration stays consistent.
  const hasWindowEthereum = !open || (typeof window !== "undefined" && "ethereum" in window);
  const listed = chooserWallets(connectors, hasWindowEthereum);
  const noWallet = open && listed.length === 0;
  const error = connect.error ? decodePeerlockError(connect.error) : undefined;
  const close = () => {
    setDevPicking(undefined);
    onClose();
  };

  return (
    <dialog ref={dialog} className="chooser" aria-labelledby="wallet-chooser-title" onClose={close} data-testid="wallet-chooser">
      <h2 id="wallet-chooser-title" style={{ marginTop: 0 }}>
        Choose a wallet
      </h2>
      {devPicking && loadPicker ? (
        <Suspense fallback={<p role="status">Loading the wallet…</p>}>
          <AccountPickerHost
            loader={loadPicker}
            disabled={connect.isPending}
            onChosen={() => connect.mutate({ connector: devPicking }, { onSuccess: close })}
          />
          <button type="button" className="secondary small" onClick={() => setDevPicking(undefined)}>
            Back to all wallets
          </button>
        </Suspense>
      ) : noWallet ? (
        <p>No browser wallet was found. Install a wallet extension (any that supports EIP-6963 or injects window.ethereum) and reload.</p>
      ) : (
        <ul className="wallet-list">
          {listed.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                disabled={connect.isPending}
                onClick={() => (accountPickerOf(connector) ? setDevPicking(connector) : connect.mutate({ connector }, { onSuccess: close }))}
              >
                {connector.icon ? (
                  // Wallet icons are data: URIs the extension hands over; next/image adds nothing here.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={connector.icon} alt="" />
                ) : (
                  <span className="wallet-icon" aria-hidden="true" />
                )}
                {walletLabel(connector)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        {connect.isPending ? <p>Approve the connection in your wallet…</p> : null}
        {error ? (
          <p className={error.kind === "rejected" ? "muted" : "field-error"}>
            {error.kind === "rejected" ? "Connection cancelled in wallet." : error.message}
          </p>
        ) : null}
      </div>
      <button type="button" className="secondary" onClick={close}>
        Close
      </button>
    </dialog>
  );
}
