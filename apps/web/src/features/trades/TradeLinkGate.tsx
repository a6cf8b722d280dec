"use client";

import type { ReactElement } from "react";
import { NotDeployed } from "@/components/NotDeployed";
import { Notice } from "@/components/Notice";
import { QueryState } from "@/components/QueryState";
import { appDeployment } from "@/config/deployment";
import { tradePageTitle, tradeWords, type TradeKind } from "./tradeWords";

/** The parts of a TanStack query for one trade that the gate reads; null data = no such trade. */
type TradeQuery<T> = { data: T | null | undefined; isLoading: boolean; error: Error | null; refetch: () => unknown };

type Gate<T> = { ready: true; id: bigint; trade: T } | { ready: false; page: ReactElement };

/**
 * The trade an /offers/[id] or /deals/[id] link names, once it is loaded; until then the page to
 * show instead: Peerlock not deployed here, not an id, loading or failed, no trade with this id.
 * A plain function, not a component, so the view's own hooks (its transaction above all) keep
 * their state while the node is briefly down.
 */
export function gateTradeLink<T>(kind: TradeKind, rawId: string, id: bigint | null, query: TradeQuery<T>): Gate<T> {
  const words = tradeWords[kind];
  if (!appDeployment) return notReady(<NotDeployed heading={words.Noun} />);
  if (id === null) {
    return notReady(
      <>
        <h1>{tradePageTitle(kind, null)}</h1>
        <Notice kind="error" title={`This link does not point to ${words.aNoun}.`}>
          <p>
            &ldquo;{rawId.slice(0, 80)}&rdquo; is not {words.aNoun} number. {words.Noun} links look like {words.path}/12.
          </p>
        </Notice>
      </>,
    );
  }
  const heading = <h1>{tradePageTitle(kind, id)}</h1>;
  if (query.isLoading || query.error) {
    return notReady(
      <>
        {heading}
        <QueryState what={`${kind} #${id}`} isLoading={query.isLoading} error={query.error} retry={() => query.refetch()} />
      </>,
    );
  }
  if (!query.data) {
    return notReady(
      <>
        {heading}
        <Notice kind="warn" title={`${words.Noun} #${id} does not exist.`}>
          <p>No {kind} has this number yet on this chain.</p>
        </Notice>
      </>,
    );
  }
  return { ready: true, id, trade: query.data };
}

function notReady(page: ReactElement): { ready: false; page: ReactElement } {
  return { ready: false, page };
}
