"use client";

import { useState } from "react";
import { useLoadOlderMarket } from "@/features/marketData/hooks";
import { hasOlder, type Market } from "@/features/marketData/loadMarket";

/** The chain fallback reads the book a page at a time: this asks for the next older page. */
export function LoadOlder({ market }: { market: Market | undefined }) {
  const loadOlder = useLoadOlderMarket();
  const [busy, setBusy] = useState(false);
  if (!market || !hasOlder(market)) return null;
  return (
    <p className="hint" data-testid="market-load-older">
      Showing the newest offers and deals read from the chain.{" "}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          loadOlder().finally(() => setBusy(false));
        }}
      >
        {busy ? "Loading…" : "Load older"}
      </button>
    </p>
  );
}
