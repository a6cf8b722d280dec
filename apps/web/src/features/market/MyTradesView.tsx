"use client";

import { useMemo } from "react";
import { useConnection } from "wagmi";
import { NotDeployed } from "@/components/NotDeployed";
import { Notice } from "@/components/Notice";
import { QueryState } from "@/components/QueryState";
import { appDeployment, knownTokens } from "@/config/deployment";
import { DealTable } from "@/features/deals/DealTable";
import { useFillsBy } from "@/features/offers/hooks";
import { OfferTable } from "@/features/offers/OfferTable";
import { Balances } from "@/features/tokens/Balances";
import { FaucetSlot } from "@/features/wallet/FaucetSlot";
import { useChainNow } from "@/hooks/useChainNow";
import { sameAddress } from "@/lib/address";
import { SignedOffers } from "@/features/signedOffers/SignedOffers";
import { useMarket } from "@/features/marketData/hooks";
import { LoadOlder } from "./LoadOlder";

const newestFirst = <T extends { id: bigint }>(a: T, b: T) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every offer and deal the connected account is part of, grouped by its role in it. */
export function MyTradesView() {
  const { address } = useConnection();
  const market = useMarket();
  const fills = useFillsBy(address);
  const now = useChainNow();

  const mine = useMemo(() => {
    const data = market.data;
    if (!data || !address) return undefined;
    const filled = new Set(fills.data ?? []);
    return {
      maker: data.offers.filter((o) => sameAddress(o.maker, address)).sort(newestFirst),
      taker: data.offers.filter((o) => filled.has(o.id) || sameAddress(o.taker, address)).sort(newestFirst),
      seller: data.deals.filter((d) => sameAddress(d.seller, address)).sort(newestFirst),
      buyer: data.deals.filter((d) => sameAddress(d.buyer, address)).sort(newestFirst),
      arbiter: data.deals.filter((d) => sameAddress(d.arbiter, address)).sort(newestFirst),
    };
  }, [market.data, fills.data, address]);

  if (!appDeployment) return <NotDeployed heading="My trades" />;
  if (!address) {
    return (
      <>
        <h1>My trades</h1>
        <Notice title="Connect a wallet to see your trades." />
      </>
    );
  }

  const sections = mine
    ? ([
        ["maker", "As maker", "Offers you created."],
        ["taker", "As taker", "Offers you filled, and private offers made for you."],
        ["seller", "As seller", "Deals you opened."],
        ["buyer", "As buyer", "Deals you took or that are reserved for you."],
        ["arbiter", "As arbiter", "Deals where you settle disputes."],
      ] as const)
    : [];

  return (
    <>
      <h1>My trades</h1>
      <FaucetSlot />
      <Balances account={address} tokens={knownTokens} />
      <QueryState what="your trades" isLoading={market.isLoading} error={market.error} retry={() => market.refetch()} />
      {mine ? (
        <nav aria-label="Roles" className="row" style={{ marginBottom: "0.5rem" }}>
          {sections.map(([key, title]) => (
            <a key={key} href={`#role-${key}`}>
              {title} ({mine[key].length})
            </a>
          ))}
        </nav>
      ) : null}
      {mine
        ? sections.map(([key, title, hint]) => (
            <section key={key} aria-labelledby={`role-${key}`} data-testid={`role-${key}`}>
              <h2 id={`role-${key}`}>
                {title} <span className="muted">({mine[key].length})</span>
              </h2>
              <p className="hint">{hint}</p>
              {key === "maker" || key === "taker" ? (
                <OfferTable offers={mine[key]} tokens={market.data!.tokens} now={now} account={address} caption={title} empty="None yet." />
              ) : (
                <DealTable deals={mine[key]} tokens={market.data!.tokens} now={now} account={address} caption={title} empty="None yet." />
              )}
            </section>
          ))
        : null}
      <LoadOlder market={market.data} />
      <SignedOffers maker={address} sort="newest" tokens={market.data?.tokens ?? {}} now={now} account={address} />
    </>
  );
}
