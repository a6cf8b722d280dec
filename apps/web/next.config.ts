import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The app must run fully offline against a local chain: no telemetry-style remote images.
  images: { unoptimized: true },
  poweredByHeader: false,
};

export default nextConfig;
