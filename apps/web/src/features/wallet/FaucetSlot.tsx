"use client";

import { lazy, Suspense } from "react";
import { useConnection } from "wagmi";
import { faucetTokens } from "@/config/deployment";

const Faucet = lazy(() => import("./Faucet").then((m) => ({ default: m.Faucet })));

/** Where a page shows the faucet: nothing unless it can be used, and its code only then. */
export function FaucetSlot() {
  const { status } = useConnection();
  if (faucetTokens.length === 0 || status !== "connected") return null;
  return (
    <Suspense
      fallback={
        <div className="card" aria-busy="true">
          <p style={{ margin: 0 }}>Loading the test-token faucet…</p>
        </div>
      }
    >
      <Faucet />
    </Suspense>
  );
}
