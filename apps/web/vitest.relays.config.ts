import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The server as a cache among relays: the production build (reused when the other server suites
// just made it), a real Hardhat node, real relays (@peerlock/relay) and `next start` on PGlite.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["test/relays/**/*.test.ts"],
    globalSetup: ["test/relays/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
