"use client";

import { useId, useMemo, useState } from "react";
import { useConnection } from "wagmi";
import { NotDeployed } from "@/components/NotDeployed";
import { QueryState } from "@/components/QueryState";
import { appDeployment } from "@/config/deployment";
import { DealTable } from "@/features/deals/DealTable";
import { OfferTable } from "@/features/offers/OfferTable";
import { SignedOffers } from "@/features/signedOffers/SignedOffers";
import { tokenFrom } from "@/features/tokens/registry";
import { useChainNow } from "@/hooks/useChainNow";
import { useMarket } from "@/features/marketData/hooks";
import { offerSortLabels, selectListedDeals, selectMarketOffers, tokensInBook, type OfferSort } from "./select";
import { TokenFilter } from "./TokenFilter";
import { LoadOlder } from "./LoadOlder";
import { MarketHead } from "./MarketHead";

export function MarketView() {
  const id = useId();
  const market = useMarket();
  const now = useChainNow();
  const { address } = useConnection();
  const [sells, setSells] = useState("");
  const [wants, setWants] = useState("");
  const [sort, setSort] = useState<OfferSort>("newest");
  const [onlyMine, setOnlyMine] = useState(false);

  const data = market.data;
  // Filtering and sorting the book once a second would be waste: expiry is re-judged every 10 s
  // (countdowns still tick every second, and a fill's preflight uses the live time).
  const coarseNow = now === undefined ? undefined : (now / 10n) * 10n;
  const view = useMemo(() => {
    if (!data || coarseNow === undefined) return undefined;
    return {
      offers: selectMarketOffers(data.offers, { sells, wants, sort, fillableBy: onlyMine ? address : undefined }, data.tokens, coarseNow),
      deals: selectListedDeals(data.deals, sells),
      book: tokensInBook(data.offers, data.deals, coarseNow),
    };
  }, [data, coarseNow, sells, wants, sort, onlyMine, address]);

  if (!appDeployment) return <NotDeployed heading="Market" />;

  const symbol = (a: string) => (data ? tokenFrom(data.tokens, a as `0x${string}`).symbol : a);

  return (
    <>
      <MarketHead />
      <QueryState what="the market" isLoading={market.isLoading || (!!data && !view)} error={market.error} retry={() => market.refetch()} />
      {view ? (
        <>
          <form className="filters card" aria-label="Filter the market" onSubmit={(e) => e.preventDefault()}>
            <TokenFilter id={`${id}-sells`} label="Token sold" value={sells} onChange={setSells} tokens={view.book.sells} symbol={symbol} />
            <TokenFilter id={`${id}-wants`} label="Paid in" value={wants} onChange={setWants} tokens={view.book.wants} symbol={symbol} />
            <div className="field">
              <label htmlFor={`${id}-sort`}>Sort offers</label>
              <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as OfferSort)}>
                {Object.entries(offerSortLabels).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            {address ? (
              <label className="checkbox">
                <input type="checkbox" checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)} />
                Only offers I can fill
              </label>
            ) : null}
          </form>
          {(sort === "priceAsc" || sort === "priceDesc") && (!sells || !wants) ? (
            <p className="hint">Prices compare best within one pair: choose both the token sold and the token paid.</p>
          ) : null}

          <h2>
            Open offers <span className="muted">({view.offers.length})</span>
          </h2>
          <OfferTable
            offers={view.offers}
            tokens={data!.tokens}
            now={now}
            account={address}
            caption="Open offers"
            empty="No open offers match. Create one!"
            testId="market-offers"
          />

          <SignedOffers sells={sells} wants={wants} sort={sort} tokens={data!.tokens} now={now} account={address} />

          <h2>
            Listed deals <span className="muted">({view.deals.length})</span>
          </h2>
          <DealTable
            deals={view.deals}
            tokens={data!.tokens}
            now={now}
            account={address}
            caption="Listed deals"
            empty="No listed deals match."
            testId="market-deals"
          />
          <LoadOlder market={data} />
        </>
      ) : null}
    </>
  );
}
