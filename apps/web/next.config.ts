import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Everything ships with the app; nothing is fetched from an image CDN (it must work offline).
  images: { unoptimized: true },
  poweredByHeader: false,
  // A second build (e.g. one pointed at another node) can live next to .next without clobbering
  // a server that is running from it: NEXT_DIST_DIR=.next-other next build && next start.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
