"use client";

import { useMemo } from "react";
import { type Address, getAddress, isAddress } from "viem";
import { Notice } from "@/components/Notice";
import { useRelayStates } from "@/features/relays/useRelays";
import type { TokenMap } from "@/features/tokens/registry";
import type { SignedOrdersSort } from "./bookApi";
import { useOrderTokens, useSignedOrders } from "./bookHooks";
import { mergeSignedOrders } from "./mergeOrders";
import { SignedOrderTable } from "./SignedOrderTable";
import { useRelayOrders } from "./useRelayOrders";

const asAddress = (a: string | undefined): Address | undefined => (a && isAddress(a, { strict: false }) ? getAddress(a) : undefined);

/** The market's sorts the book can do on the server; "expiry" lists newest first. */
const bookSort = (sort: string): SignedOrdersSort => (sort === "priceAsc" || sort === "priceDesc" ? sort : "newest");

/**
 * The market's signed offers (next to the escrowed ones), filtered like the rest of the market:
 * the app's order book and the Nostr relays, one row per order, each relay order verified in this
 * browser first. Either source alone is enough to list; the book being down is a note, not an error.
 */
export function SignedOffers({
  sells,
  wants,
  maker,
  sort,
  tokens,
  now,
  account,
}: {
  sells?: string;
  wants?: string;
  /** Only this maker's open signed offers (My trades). */
  maker?: Address;
  sort: string;
  tokens: TokenMap;
  now: bigint | undefined;
  account?: Address;
}) {
  const book = useSignedOrders({ sellToken: asAddress(sells), buyToken: asAddress(wants), maker, sort: bookSort(sort) });
  const relay = useRelayOrders();
  const relaysOpen = useRelayStates().filter((r) => r.status === "open").length;
  const bookOrders = useMemo(() => book.data?.pages.flatMap((p) => p.orders) ?? [], [book.data]);
  const extra = useOrderTokens([...bookOrders, ...relay.orders].flatMap((o) => [o.signed.order.sellToken, o.signed.order.buyToken]));
  const allTokens = useMemo(() => ({ ...tokens, ...extra.data }), [tokens, extra.data]);
  // expiry is judged every 10 s, not every tick of the clock
  const coarseNow = now === undefined ? undefined : (now / 10n) * 10n;
  const orders = useMemo(
    () => mergeSignedOrders(bookOrders, relay.orders, { sells, wants, maker, sort: bookSort(sort), now: coarseNow }, allTokens),
    [bookOrders, relay.orders, sells, wants, maker, sort, coarseNow, allTokens],
  );
  const bookDown = !!book.error;
  const relaysWork = relaysOpen > 0 || relay.orders.length > 0;

  return (
    <section aria-labelledby="signed-offers-heading" data-testid={maker ? "role-signed" : undefined}>
      <h2 id="signed-offers-heading">
        {maker ? "My signed offers" : "Signed offers"}{" "}
        <span className="muted">
          ({orders.length}
          {book.hasNextPage ? "+" : ""})
        </span>
      </h2>
      <p className="hint">
        {maker
          ? "Open offers you signed (gasless): the tokens stay in your wallet until someone fills; cancel one or all from its page."
          : "Gasless: the maker signed these and keeps the tokens until you fill; escrowed offers are locked on chain."}
      </p>
      {bookDown && relaysWork ? (
        <p className="hint" role="status" data-testid="signed-book-down">
          The app&apos;s order book cannot be reached: these offers come from the relays, each checked in this browser.
        </p>
      ) : null}
      {bookDown && !relaysWork ? (
        <Notice kind="warn" title="The order book could not be read.">
          <p>
            {book.error?.message} No relay is connected either{relay.loading ? " yet" : ""}. Signed offers shared as links still work.
          </p>
          <button type="button" className="secondary small" onClick={() => book.refetch()}>
            Try again now
          </button>
        </Notice>
      ) : book.isLoading && orders.length === 0 ? (
        <p role="status">Loading signed offers…</p>
      ) : (
        <SignedOrderTable
          orders={orders}
          tokens={allTokens}
          now={now}
          account={account}
          caption={maker ? "My signed offers" : "Signed offers"}
          empty={maker ? "None open." : "No signed offers match."}
          testId={maker ? "my-signed-offers" : "market-signed-offers"}
        />
      )}
      {book.hasNextPage ? (
        <p>
          <button type="button" className="secondary" disabled={book.isFetchingNextPage} onClick={() => book.fetchNextPage()}>
            {book.isFetchingNextPage ? "Loading…" : "Load more signed offers"}
          </button>
        </p>
      ) : null}
    </section>
  );
}
