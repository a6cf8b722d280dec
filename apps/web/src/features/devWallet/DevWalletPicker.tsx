// No "use client": a client-reference entry would put this file (and the signer it imports) in
// every build's manifests; it is only ever reached through the connector's dynamic import.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddressText } from "@/components/AddressText";
import { faucetTokens } from "@/config/deployment";
import { type DevSelection, saveSelection } from "./selection";

/** Hardhat dev accounts offered by name; the node funds 20, ten are plenty to trade with each other. */
const LISTED_ACCOUNTS = 10;

/**
 * The dev wallet's own screen inside the chooser: pick a Hardhat dev account, or make a fresh one
 * funded on the spot. Loaded lazily with the signer, so none of this is in a page's First Load JS.
 */
export default function DevWalletPicker({ onChosen, disabled }: { onChosen: () => void; disabled: boolean }) {
  const addresses = useQuery({
    queryKey: ["peerlock", "devWallet", "addresses"],
    staleTime: Infinity,
    queryFn: async () => (await import("./signer")).hardhatAddresses(LISTED_ACCOUNTS),
  });
  const [funding, setFunding] = useState<"idle" | "busy" | Error>("idle");

  function choose(selection: DevSelection) {
    saveSelection(selection);
    onChosen();
  }

  async function fresh() {
    setFunding("busy");
    try {
      const { createFundedAccount } = await import("./signer");
      const privateKey = await createFundedAccount();
      setFunding("idle");
      choose({ kind: "fresh", privateKey });
    } catch (error) {
      setFunding(error instanceof Error ? error : new Error(String(error)));
    }
  }

  const tokens = faucetTokens.map((t) => t.symbol).join(", ");
  return (
    <section aria-label="Dev wallet accounts" data-testid="dev-wallet">
      <p className="hint">
        Signs in this page with the local node&apos;s public test keys. Only for this local chain: never use these accounts anywhere else.
      </p>
      {addresses.data ? (
        <ul className="wallet-list">
          {addresses.data.map((address, index) => (
            <li key={address}>
              <button type="button" className="secondary" disabled={disabled} onClick={() => choose({ kind: "hardhat", index })}>
                Dev account #{index}&nbsp;
                <AddressText address={address} />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p role="status">{addresses.error ? `Could not derive the dev accounts: ${addresses.error.message}` : "Deriving the dev accounts…"}</p>
      )}
      <button type="button" disabled={disabled || funding === "busy"} aria-busy={funding === "busy"} onClick={() => void fresh()}>
        Fresh account, funded now
      </button>
      <p className="hint">A new key kept in this browser, given 100 ETH{tokens ? ` and the faucet's ${tokens}` : ""} on the local node.</p>
      <div role="status" aria-live="polite">
        {funding === "busy" ? <p>Funding the new account…</p> : null}
        {funding instanceof Error ? <p className="field-error">Could not fund a fresh account: {funding.message}</p> : null}
      </div>
    </section>
  );
}
