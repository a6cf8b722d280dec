"use client";

import { DealStatus } from "@peerlock/sdk";
import Link from "next/link";
import { useMemo } from "react";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { NotDeployed } from "@/components/NotDeployed";
import { Notice } from "@/components/Notice";
import { QueryState } from "@/components/QueryState";
import { TokenAmount } from "@/components/TokenAmount";
import { appDeployment } from "@/config/deployment";
import { useArbiterDeals } from "@/features/marketData/useArbiterDeals";
import { tokenFrom } from "@/features/tokens/registry";
import { TxStatus } from "@/features/tx/TxStatus";
import { useTransaction } from "@/features/tx/useTransaction";
import { useChainNow } from "@/hooks/useChainNow";
import { sameAddress } from "@/lib/address";
import { DealTable } from "./DealTable";
import { ResolvePanel } from "./ResolvePanel";

/** Disputes waiting for the connected account's decision, each with its split slider. */
export function ArbiterView() {
  const { address } = useConnection();
  // The indexer's list when it is up, else the whole book from the chain.
  const market = useArbiterDeals(address);
  const now = useChainNow();
  // One transaction for the page: a resolved dispute leaves the list, its status must not.
  const tx = useTransaction();

  const deals = useMemo(() => {
    const all = market.data?.deals.filter((d) => sameAddress(d.arbiter, address)) ?? [];
    return { disputed: all.filter((d) => d.status === DealStatus.Disputed), other: all.filter((d) => d.status !== DealStatus.Disputed) };
  }, [market.data, address]);

  if (!appDeployment) return <NotDeployed heading="Arbiter" />;
  if (!address) {
    return (
      <>
        <h1>Arbiter</h1>
        <Notice title="Connect the wallet you were named arbiter with." />
      </>
    );
  }
  const tokens = market.data?.tokens ?? {};

  return (
    <>
      <h1>Arbiter</h1>
      <p className="muted">When a buyer and seller disagree, you split the escrow. Your fee is taken first; the rest is shared as you decide.</p>
      <TxStatus state={tx.state} />
      <QueryState what="your disputes" isLoading={market.isLoading} error={market.error} retry={() => market.refetch()} />
      {market.data ? (
        <>
          <h2>
            Disputes to resolve <span className="muted">({deals.disputed.length})</span>
          </h2>
          {deals.disputed.length === 0 ? (
            <p className="muted" data-testid="no-disputes">
              No disputes need you right now.
            </p>
          ) : null}
          {deals.disputed.map((d) => {
            const token = tokenFrom(tokens, d.token);
            return (
              <section key={d.id.toString()} className="card" aria-labelledby={`dispute-${d.id}`} data-testid={`dispute-${d.id}`}>
                <h3 id={`dispute-${d.id}`} style={{ marginTop: 0 }}>
                  <Link href={`/deals/${d.id}`}>Deal #{d.id.toString()}</Link> — <TokenAmount value={d.amount} token={token} />
                </h3>
                <p>
                  Seller <AddressText address={d.seller} />, buyer <AddressText address={d.buyer} />. Read the terms and both sides&apos; messages and
                  evidence on the <Link href={`/deals/${d.id}`}>deal page</Link>: sign in to the deal room there to see them.
                </p>
                <ResolvePanel deal={d} token={token} account={address} tx={tx} />
              </section>
            );
          })}
          <h2>
            Other deals you arbitrate <span className="muted">({deals.other.length})</span>
          </h2>
          <DealTable deals={deals.other} tokens={tokens} now={now} account={address} caption="Other deals you arbitrate" empty="None." />
        </>
      ) : null}
    </>
  );
}
