"use client";

import { decodeEscrowError } from "@peerlock/sdk";
import { useEffect, useRef } from "react";
import { type Connector, useConnect, useConnectors } from "wagmi";

/** EIP-6963 wallets announce themselves with a name and icon; the generic connector is window.ethereum. */
function walletLabel(connector: Connector, hasAnnounced: boolean): string {
  if (connector.id !== "injected") return connector.name;
  return hasAnnounced ? "Other browser wallet" : "Browser wallet";
}

const isAnnouncedWallet = (c: Connector) => c.type === "injected" && c.id !== "injected";

/**
 * The wallet chooser: every EIP-6963 wallet the browser announced, plus the generic injected
 * one. A native <dialog> gives focus trapping, Escape to close and a backdrop for free.
 */
export function WalletChooser({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const connectors = useConnectors();
  const connect = useConnect();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const announced = connectors.some(isAnnouncedWallet);
  // Only evaluated once opened (never during server rendering), so hydration stays consistent.
  const noInjected = open && !announced && typeof window !== "undefined" && !("ethereum" in window);
  const usable = noInjected ? connectors.filter((c) => c.id !== "injected") : connectors;
  const noWallet = noInjected && usable.length === 0;
  const sorted = [...usable].sort((a, b) => Number(a.id === "injected") - Number(b.id === "injected"));
  const error = connect.error ? decodeEscrowError(connect.error) : undefined;

  return (
    <dialog ref={dialog} className="chooser" aria-labelledby="wallet-chooser-title" onClose={onClose} data-testid="wallet-chooser">
      <h2 id="wallet-chooser-title" style={{ marginTop: 0 }}>
        Choose a wallet
      </h2>
      {noWallet ? (
        <p>No browser wallet was found. Install a wallet extension (any that supports EIP-6963 or injects window.ethereum) and reload.</p>
      ) : (
        <ul className="wallet-list">
          {sorted.map((connector) => (
            <li key={connector.uid}>
              <button
                type="button"
                disabled={connect.isPending}
                onClick={() => connect.mutate({ connector }, { onSuccess: onClose })}
              >
                {connector.icon ? (
                  // Wallet icons are data: URIs the extension hands over; next/image adds nothing here.
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={connector.icon} alt="" />
                ) : (
                  <span className="wallet-icon" aria-hidden="true" />
                )}
                {walletLabel(connector, announced)}
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
      <button type="button" className="secondary" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
