import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { initialWagmiState } from "@/config/wagmiCookie";
import { SiteHeader } from "./SiteHeader";
import { IndexerBanner } from "@/features/indexer/IndexerBanner";
import { NodeStatus } from "@/features/node/NodeStatus";
import { NetworkBanner } from "@/features/wallet/NetworkBanner";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Peerlock", template: "%s · Peerlock" },
  description: "Trade directly with other people through your wallet; a contract holds the goods in escrow.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The wallet connection is kept in a cookie so the server renders the same header the client will.
  const initialState = initialWagmiState((await headers()).get("cookie"));
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers initialState={initialState}>
          <SiteHeader />
          <NodeStatus />
          <IndexerBanner />
          <NetworkBanner />
          <main id="main" className="main">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
