"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { isAddress, type Address } from "viem";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { Notice } from "@/components/Notice";
import { QueryState } from "@/components/QueryState";
import { appIndexerUrl } from "@/config/indexer";
import { knownTokens } from "@/config/deployment";
import { DealTable } from "@/features/deals/DealTable";
import { OfferTable } from "@/features/offers/OfferTable";
import { tokenMapOf, type TokenMap } from "@/features/tokens/registry";
import { useChainNow } from "@/hooks/useChainNow";
import { addressRoleFrom, addressRoleHref, addressRoles } from "@/features/reputation/addressRole";
import { useAddressTrades, useIndexerHealth, useReputation } from "@/features/indexer/hooks";
import { ReputationPanel } from "@/features/reputation/ReputationPanel";
import { NextPageButton } from "@/components/NextPageButton";

const knownTokenMap = tokenMapOf(knownTokens);

/** One address's reputation and trades by role, from the indexer (20 per page). */
export function AddressView({ address }: { address: string }) {
  const valid = isAddress(address, { strict: false });
  const account = valid ? (address.toLowerCase() as Address) : undefined;
  const { address: me } = useConnection();
  const now = useChainNow();
  const { health } = useIndexerHealth();
  const role = addressRoleFrom(useSearchParams().get("role"));
  const rep = useReputation(account);
  const trades = useAddressTrades(account, role);
  const tokens: TokenMap = useMemo(() => Object.assign({}, knownTokenMap, ...(trades.data?.pages ?? []).map((p) => p.tokens)), [trades.data]);

  if (!valid)
    return (
      <Notice kind="error" title="Not an address">
        “{address}” is not a 0x address of 40 hex digits.
      </Notice>
    );
  if (!appIndexerUrl)
    return (
      <Notice title="No indexer">This app has no indexer configured (NEXT_PUBLIC_INDEXER_URL), so it cannot list an address&apos;s trades.</Notice>
    );

  const offers = trades.data?.pages.flatMap((p) => p.offers) ?? [];
  const deals = trades.data?.pages.flatMap((p) => p.deals) ?? [];
  const isOfferRole = role === "maker" || role === "taker";
  const label = addressRoles.find((r) => r.role === role)!.label.toLowerCase();
  return (
    <>
      <div className="page-head">
        <h1>
          Address <AddressText address={address} />
        </h1>
        <p className="mono small">{address}</p>
      </div>
      {health === "down" ? (
        <div data-testid="address-indexer-down">
          <Notice kind="warn" title="The indexer does not answer">
            An address&apos;s trades and track record come from the indexer, so this page fills in when it is back. What still works: the market (read
            from the chain), every offer and deal page, and creating, filling, releasing and cancelling trades.
          </Notice>
        </div>
      ) : null}
      {/* while the indexer is down, the notice above says why; a raw "Failed to fetch" would not */}
      <QueryState what="the reputation" isLoading={rep.isLoading} error={health === "down" ? null : rep.error} retry={() => rep.refetch()} />
      {rep.data ? <ReputationPanel rep={rep.data} tokens={tokens} /> : null}

      <h2>Trades</h2>
      <div className="row" role="group" aria-label="Role">
        {addressRoles.map((r) => (
          <Link
            key={r.role}
            href={addressRoleHref(address, r.role)}
            scroll={false}
            replace
            className={r.role === role ? "button" : "button secondary"}
            aria-current={r.role === role ? "page" : undefined}
          >
            {r.label}
          </Link>
        ))}
      </div>
      <QueryState what="the trades" isLoading={trades.isLoading} error={health === "down" ? null : trades.error} retry={() => trades.refetch()} />
      {trades.data ? (
        isOfferRole ? (
          <OfferTable
            offers={offers}
            tokens={tokens}
            now={now}
            account={me}
            caption={`Offers ${label}`}
            empty={`No offers ${label}.`}
            testId="address-offers"
          />
        ) : (
          <DealTable
            deals={deals}
            tokens={tokens}
            now={now}
            account={me}
            caption={`Deals ${label}`}
            empty={`No deals ${label}.`}
            testId="address-deals"
          />
        )
      ) : null}
      <NextPageButton pages={trades} />
    </>
  );
}
