import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The deal-room server suites: one production build and a real Hardhat node (globalSetup),
// `next start` processes of that build, PGlite and (with TEST_DATABASE_URL) PostgreSQL. Files run one at a time.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["test/room/**/*.test.ts"],
    globalSetup: ["test/room/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
