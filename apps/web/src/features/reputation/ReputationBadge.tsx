"use client";

import Link from "next/link";
import { useIndexerHealth, useReputation } from "@/features/indexer/hooks";
import { reputationSummary } from "./reputationWords";

/** A maker's or seller's track record in one line, linking to their address page. Nothing when the indexer cannot tell. */
export function ReputationBadge({ address }: { address: string }) {
  const { health } = useIndexerHealth();
  const usable = health === "ok" || health === "behind";
  const rep = useReputation(usable ? address : undefined);
  if (!usable || !rep.data) return null;
  return (
    <Link className="reputation muted" href={`/address/${address}`} data-testid="reputation-badge" title="Track record from the chain's events">
      {reputationSummary(rep.data)}
    </Link>
  );
}
