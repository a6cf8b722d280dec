"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";
import { type State, WagmiProvider } from "wagmi";
import { hashFn } from "wagmi/query";
import { makeWagmiConfig } from "@/config/wagmi";
import { devWallet } from "@/features/devWallet/connector";
import { MarketChanges } from "@/features/marketData/MarketChanges";
import { WalletChooserProvider } from "@/features/wallet/WalletChooserProvider";

// It renders nothing and only matters once a block arrives: the escrows' ABIs and the event
// watcher load after the page instead of with every page's first JavaScript.
const EscrowEventSync = dynamic(() => import("@/features/events/EscrowEventSync").then((m) => m.EscrowEventSync), { ssr: false });

/** The only client-side providers: wagmi config and QueryClient, each created once per tab, and the one wallet chooser. */
export function Providers({ children, initialState }: { children: ReactNode; initialState?: State }) {
  // next.config.ts always inlines the chain id, so for any other chain this is `false` at build
  // time and the dev wallet (connector, picker, signer) is not in the build at all.
  const [config] = useState(() =>
    makeWagmiConfig(process.env.NEXT_PUBLIC_CHAIN_ID === "31337" || process.env.NEXT_PUBLIC_CHAIN_ID === "1337" ? [devWallet()] : []),
  );
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // wagmi's hash function understands bigint in query keys.
            queryKeyHashFn: hashFn,
            retry: 1,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <MarketChanges>
          <EscrowEventSync />
          <WalletChooserProvider>{children}</WalletChooserProvider>
        </MarketChanges>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
