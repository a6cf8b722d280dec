import type { TokenInfo } from "@peerlock/sdk";
import type { Address } from "viem";
import { AddressText } from "@/components/AddressText";
import { TokenAmount } from "@/components/TokenAmount";
import { sameAddress } from "@/lib/address";
import type { DealOutcome } from "./outcome";

/** A finished deal's result: who received what, from the deal's closing event. */
export function DealOutcomeCard({ outcome, token, account }: { outcome: DealOutcome; token: TokenInfo; account: Address | undefined }) {
  return (
    <section className="card" aria-labelledby="deal-outcome-title" data-testid="deal-outcome">
      <h2 id="deal-outcome-title" style={{ marginTop: 0 }}>
        Outcome
      </h2>
      <p>{outcome.summary}.</p>
      <ul>
        {outcome.payouts.map((p) => (
          <li key={p.role} data-testid={`outcome-${p.role}`}>
            The {p.role} <AddressText address={p.address} you={sameAddress(p.address, account)} /> received{" "}
            <TokenAmount value={p.amount} token={token} />
            {p.role === "arbiter" ? " (fee)" : ""}.
          </li>
        ))}
      </ul>
    </section>
  );
}
