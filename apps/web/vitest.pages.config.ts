import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Page-cost suites: the app's page loaders against a real Hardhat node with a large book,
// counting the JSON-RPC requests they make (test/pages).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["test/pages/**/*.test.ts"],
    testTimeout: 600_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
