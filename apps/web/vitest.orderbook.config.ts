import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The order-book server suite: the production build (reused when the deal-room suites just made
// it), a real Hardhat node (globalSetup), `next start`, PGlite and (with TEST_DATABASE_URL) PostgreSQL.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["test/orderbook/**/*.test.ts"],
    globalSetup: ["test/orderbook/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
