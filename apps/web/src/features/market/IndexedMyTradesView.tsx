"use client";

import { useMemo } from "react";
import type { Address } from "viem";
import { QueryState } from "@/components/QueryState";
import { knownTokens } from "@/config/deployment";
import { DealTable } from "@/features/deals/DealTable";
import { OfferTable } from "@/features/offers/OfferTable";
import { SignedOffers } from "@/features/signedOffers/SignedOffers";
import { Balances } from "@/features/tokens/Balances";
import { tokenMapOf, type TokenMap } from "@/features/tokens/registry";
import { FaucetSlot } from "@/features/wallet/FaucetSlot";
import { useChainNow } from "@/hooks/useChainNow";
import type { TradeRole } from "@/features/indexer/api";
import { useAddressTrades } from "@/features/indexer/hooks";
import { NextPageButton } from "@/components/NextPageButton";

const sections: [TradeRole, string, string][] = [
  ["maker", "As maker", "Offers you created."],
  ["taker", "As taker", "Offers you filled, and private offers made for you."],
  ["seller", "As seller", "Deals you opened."],
  ["buyer", "As buyer", "Deals you took or that are reserved for you."],
  ["arbiter", "As arbiter", "Deals where you settle disputes."],
];
const knownTokenMap = tokenMapOf(knownTokens);

/** "My trades" from the indexer: each role one page (20) at a time, newest first. */
export function IndexedMyTradesView({ account }: { account: Address }) {
  const now = useChainNow();
  return (
    <>
      <h1>My trades</h1>
      <FaucetSlot />
      <Balances account={account} tokens={knownTokens} />
      <nav aria-label="Roles" className="row" style={{ marginBottom: "0.5rem" }}>
        {sections.map(([key, title]) => (
          <a key={key} href={`#role-${key}`}>
            {title}
          </a>
        ))}
      </nav>
      {sections.map(([role, title, hint]) => (
        <RoleSection key={role} account={account} role={role} title={title} hint={hint} />
      ))}
      <SignedOffers maker={account} sort="newest" tokens={knownTokenMap} now={now} account={account} />
    </>
  );
}

function RoleSection({ account, role, title, hint }: { account: Address; role: TradeRole; title: string; hint: string }) {
  const trades = useAddressTrades(account, role);
  const now = useChainNow();
  const tokens: TokenMap = useMemo(() => Object.assign({}, knownTokenMap, ...(trades.data?.pages ?? []).map((p) => p.tokens)), [trades.data]);
  const offers = trades.data?.pages.flatMap((p) => p.offers) ?? [];
  const deals = trades.data?.pages.flatMap((p) => p.deals) ?? [];
  return (
    <section aria-labelledby={`role-${role}`} data-testid={`role-${role}`}>
      <h2 id={`role-${role}`}>{title}</h2>
      <p className="hint">{hint}</p>
      <QueryState what={`your trades ${title.toLowerCase()}`} isLoading={trades.isLoading} error={trades.error} retry={() => trades.refetch()} />
      {trades.data ? (
        role === "maker" || role === "taker" ? (
          <OfferTable offers={offers} tokens={tokens} now={now} account={account} caption={title} empty="None yet." />
        ) : (
          <DealTable deals={deals} tokens={tokens} now={now} account={account} caption={title} empty="None yet." />
        )
      ) : null}
      <NextPageButton pages={trades} />
    </section>
  );
}
