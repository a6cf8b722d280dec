import { createRequire } from "node:module";
import hardhatToolboxViem from "@nomicfoundation/hardhat-toolbox-viem";
import { configVariable, defineConfig } from "hardhat/config";

const require = createRequire(import.meta.url);

// Hardhat cannot download compilers on every machine we build on, so the compiler is the
// npm `solc` package pinned in package.json; keep both versions in step.
const SOLC_VERSION = "0.8.30";
const compiler = {
  version: SOLC_VERSION,
  path: require.resolve("solc/soljson.js"),
  settings: {
    // Cancun brings transient storage, which the re-entry guard uses.
    evmVersion: "cancun",
    optimizer: { enabled: true, runs: 10_000 },
  },
};

// Fixed seed so CI runs are reproducible; raise the runs locally with FUZZ_RUNS.
const FUZZ_SEED = "0x506565726c6f636b";

export default defineConfig({
  plugins: [hardhatToolboxViem],
  paths: {
    sources: ["src", "dev", "test/mocks"],
    tests: { solidity: "test/solidity", nodejs: "test/ts" },
  },
  // Coverage is about the product: mocks and the dev token are fixtures, left uninstrumented.
  coverage: { skipFiles: ["test/mocks/**", "dev/**"] },
  solidity: {
    profiles: {
      default: compiler,
      production: compiler,
    },
  },
  test: {
    solidity: {
      fuzz: { runs: Number(process.env.FUZZ_RUNS ?? 512), seed: FUZZ_SEED },
      invariant: {
        runs: Number(process.env.INVARIANT_RUNS ?? 64),
        depth: Number(process.env.INVARIANT_DEPTH ?? 40),
        failOnRevert: false,
      },
    },
  },
  networks: {
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.PEERLOCK_RPC_URL ?? "http://127.0.0.1:8545",
    },
    // Any other EVM network: add an entry like this one. Values come from configuration
    // variables (`npx hardhat keystore set SEPOLIA_RPC_URL`), never from the repository.
    sepolia: {
      type: "http",
      chainType: "l1",
      url: configVariable("SEPOLIA_RPC_URL"),
      accounts: [configVariable("SEPOLIA_PRIVATE_KEY")],
    },
  },
});
