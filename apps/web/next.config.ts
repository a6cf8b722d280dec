import type { NextConfig } from "next";

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
};

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

export default nextConfig;
