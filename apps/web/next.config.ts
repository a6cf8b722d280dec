import type { NextConfig } from "next";
import type { Chain } from "viem";
import * as viemChains from "viem/chains";
import { chainMetaOf } from "./src/config/chainMeta";

// Values the browser code compares as literals, inlined even when unset, so the bundler can fold
// `devWalletEnabled` and the WalletConnect branch and drop what a build cannot use.
const chainId = process.env.NEXT_PUBLIC_CHAIN_ID || "31337";
// Several chains share the local ids (Anvil, Foundry, Hardhat): Peerlock's local node is Hardhat.
const chainList = [viemChains.hardhat, viemChains.localhost, ...(Object.values(viemChains) as Chain[])];
const chainMeta = chainMetaOf(Number(chainId), chainList);
// The built-in dev wallet exists only in builds for a local chain; for any other, its module is
// swapped for a stub at resolve time, so none of its code or lazy chunks is in the build.
const localChain = chainId === "31337" || chainId === "1337";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Everything ships with the app; nothing is fetched from an image CDN (it must work offline).
  images: { unoptimized: true },
  poweredByHeader: false,
  // A second build (e.g. one pointed at another node) can live next to .next without clobbering
  // a server that is running from it: NEXT_DIST_DIR=.next-other next build && next start.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The app shows other people's words and files: no framing, no MIME sniffing, no referrer.
  // The Content-Security-Policy (with a per-request script nonce) is set in src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  turbopack: localChain ? undefined : { resolveAlias: { "@/features/devWallet/connector": "./src/features/devWallet/off.ts" } },
  env: {
    NEXT_PUBLIC_CHAIN_ID: chainId,
    NEXT_PUBLIC_CHAIN_META: chainMeta ? JSON.stringify(chainMeta) : "",
    NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || "",
  },
};

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

export default nextConfig;
