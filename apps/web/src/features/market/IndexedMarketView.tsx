"use client";

import { useId, useMemo, useState } from "react";
import { useConnection } from "wagmi";
import { QueryState } from "@/components/QueryState";
import { knownTokens } from "@/config/deployment";
import { DealTable } from "@/features/deals/DealTable";
import { OfferTable } from "@/features/offers/OfferTable";
import { SignedOffers } from "@/features/signedOffers/SignedOffers";
import { TokenFilter } from "@/features/market/TokenFilter";
import { tokenFrom, tokenMapOf, type TokenMap } from "@/features/tokens/registry";
import { useChainNow } from "@/hooks/useChainNow";
import { useIndexedDeals, useIndexedOffers } from "@/features/indexer/hooks";
import { MarketHead } from "@/features/market/MarketHead";

const PAGE_SIZE = 20;
const sortLabels = { newest: "Newest first", priceAsc: "Price: low to high", priceDesc: "Price: high to low" } as const;
type Sort = keyof typeof sortLabels;
const knownTokenMap = tokenMapOf(knownTokens);

/**
 * The market read from the indexer: filtered, sorted and paged by the server, so the browser
 * downloads one page (20 rows) whatever the size of the book. "Show more" asks for the next page.
 */
export function IndexedMarketView() {
  const id = useId();
  const now = useChainNow();
  const { address } = useConnection();
  const [sells, setSells] = useState("");
  const [wants, setWants] = useState("");
  const [sort, setSort] = useState<Sort>("newest");
  const offers = useIndexedOffers({ sellToken: sells || undefined, buyToken: wants || undefined, sort, limit: PAGE_SIZE }, true);
  const deals = useIndexedDeals({ token: sells || undefined, limit: PAGE_SIZE }, true);

  const tokens: TokenMap = useMemo(
    () => Object.assign({}, knownTokenMap, ...(offers.data?.pages ?? []).map((p) => p.tokens), ...(deals.data?.pages ?? []).map((p) => p.tokens)),
    [offers.data, deals.data],
  );
  const offerRows = useMemo(() => offers.data?.pages.flatMap((p) => p.items) ?? [], [offers.data]);
  const dealRows = useMemo(() => deals.data?.pages.flatMap((p) => p.items) ?? [], [deals.data]);
  const choices = knownTokens.map((t) => t.address.toLowerCase());
  const symbol = (a: string) => tokenFrom(tokens, a as `0x${string}`).symbol;

  return (
    <>
      <MarketHead />
      <form className="filters card" aria-label="Filter the market" onSubmit={(e) => e.preventDefault()}>
        <TokenFilter id={`${id}-sells`} label="Token sold" value={sells} onChange={setSells} tokens={choices} symbol={symbol} />
        <TokenFilter id={`${id}-wants`} label="Paid in" value={wants} onChange={setWants} tokens={choices} symbol={symbol} />
        <div className="field">
          <label htmlFor={`${id}-sort`}>Sort offers</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>

      <h2>Open offers</h2>
      <QueryState what="the open offers" isLoading={offers.isLoading} error={offers.error} retry={() => offers.refetch()} />
      {offers.data ? (
        <OfferTable
          offers={offerRows}
          tokens={tokens}
          now={now}
          account={address}
          caption="Open offers"
          empty="No open offers match. Create one!"
          testId="market-offers"
          showMaker
        />
      ) : null}
      {offers.hasNextPage ? (
        <button type="button" className="secondary" disabled={offers.isFetchingNextPage} onClick={() => void offers.fetchNextPage()}>
          {offers.isFetchingNextPage ? "Loading…" : "Show more offers"}
        </button>
      ) : null}

      <SignedOffers sells={sells || undefined} wants={wants || undefined} sort={sort} tokens={tokens} now={now} account={address} />

      <h2>Listed deals</h2>
      <QueryState what="the listed deals" isLoading={deals.isLoading} error={deals.error} retry={() => deals.refetch()} />
      {deals.data ? (
        <DealTable
          deals={dealRows}
          tokens={tokens}
          now={now}
          account={address}
          caption="Listed deals"
          empty="No listed deals match."
          testId="market-deals"
        />
      ) : null}
      {deals.hasNextPage ? (
        <button type="button" className="secondary" disabled={deals.isFetchingNextPage} onClick={() => void deals.fetchNextPage()}>
          {deals.isFetchingNextPage ? "Loading…" : "Show more deals"}
        </button>
      ) : null}
    </>
  );
}
