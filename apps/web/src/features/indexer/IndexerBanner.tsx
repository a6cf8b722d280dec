"use client";

import { appIndexerUrl } from "@/config/indexer";
import { useIndexerHealth } from "./hooks";

/**
 * Says when lists cannot come from the indexer. Trading never depends on it: offer and deal
 * pages read the chain by id, and the market falls back to reading the chain.
 */
export function IndexerBanner() {
  const { health, lagBlocks } = useIndexerHealth();
  if (health !== "down" && health !== "behind") return null;
  const why =
    health === "down"
      ? `The indexer (${appIndexerUrl}) does not answer.`
      : `The indexer is ${lagBlocks === null ? "not in step with" : `${lagBlocks} blocks behind`} the chain.`;
  return (
    <div role="status" aria-live="polite" data-testid="indexer-status">
      <div className="banner warn">
        <p className="banner-inner">
          <span>
            <strong>{why}</strong> Lists and reputations may be missing or out of date; the market is read from the chain instead, and every offer and
            deal page works as usual from the chain.
          </span>
        </p>
      </div>
    </div>
  );
}
