"use client";

import { type Address, getAddress, isAddress } from "viem";
import { Notice } from "@/components/Notice";
import type { TokenMap } from "@/features/tokens/registry";
import type { SignedOrdersSort } from "./bookApi";
import { useOrderTokens, useSignedOrders } from "./bookHooks";
import { SignedOrderTable } from "./SignedOrderTable";

const asAddress = (a: string | undefined): Address | undefined => (a && isAddress(a, { strict: false }) ? getAddress(a) : undefined);

/** The market's sorts the book can do on the server; "expiry" lists newest first. */
const bookSort = (sort: string): SignedOrdersSort => (sort === "priceAsc" || sort === "priceDesc" ? sort : "newest");

/**
 * The market's signed offers (from the order book, next to the escrowed ones), filtered like
 * the rest of the market. When the book cannot be reached the market still works; signed
 * offers then travel only as links.
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
  const orders = book.data?.pages.flatMap((p) => p.orders) ?? [];
  const extra = useOrderTokens(orders.flatMap((o) => [o.signed.order.sellToken, o.signed.order.buyToken]));
  const allTokens = { ...tokens, ...extra.data };

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
      {book.error ? (
        <Notice kind="warn" title="The order book could not be read.">
          <p>{book.error.message} Signed offers shared as links still work.</p>
          <button type="button" className="secondary small" onClick={() => book.refetch()}>
            Try again now
          </button>
        </Notice>
      ) : book.isLoading ? (
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
