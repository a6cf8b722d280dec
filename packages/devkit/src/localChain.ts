// The local chain as `pnpm dev` and the end-to-end suite both need it: a Hardhat node, the
// Ignition deploy, the SDK rebuilt with the new addresses, and the demo seed. Contracts must be
// compiled first (the callers build them their own way).
import type { ChildProcess } from "node:child_process";
import { rpcReady, run, runCaptured, startService, waitForService } from "./processes.ts";

export type LocalChainOptions = {
  host: string;
  port: number;
  /** Where the node's log goes: it prints every RPC call. */
  logFile: string;
  /** The app's address, printed in the seed's deal share links. */
  appUrl: string;
  /** Where the seed writes its signed offers, for postSeedOrders once the app is up. */
  seedOrdersFile?: string;
  /** Where the seed writes its demo deals' terms, for publishSeedTerms once the app is up. */
  seedTermsFile?: string;
  step: (what: string) => void;
};

export type LocalChain = { node: ChildProcess; rpcUrl: string; seedSummary: string };

const hardhat = (...args: string[]) => ["--filter", "@peerlock/contracts", "exec", "hardhat", ...args];

export async function startLocalChain({ host, port, logFile, appUrl, step, seedOrdersFile, seedTermsFile }: LocalChainOptions): Promise<LocalChain> {
  const rpcUrl = `http://${host}:${port}`;
  const env = {
    PEERLOCK_RPC_URL: rpcUrl,
    PEERLOCK_APP_URL: appUrl,
    ...(seedOrdersFile ? { PEERLOCK_SEED_ORDERS_FILE: seedOrdersFile } : {}),
    ...(seedTermsFile ? { PEERLOCK_SEED_TERMS_FILE: seedTermsFile } : {}),
  };

  step(`starting a Hardhat node on ${rpcUrl}`);
  const node = startService("pnpm", hardhat("node", "--hostname", host, "--port", String(port)), {}, undefined, logFile);
  await waitForService(node, `the Hardhat node at ${rpcUrl}`, () => rpcReady(rpcUrl), { logFile });

  step("deploying with Hardhat Ignition");
  await run("pnpm", hardhat("run", "--no-compile", "scripts/deploy.ts", "--network", "localhost"), env);
  await run("pnpm", ["--filter", "@peerlock/sdk", "build"]);

  step("seeding demo tokens, offers and deals");
  const seedSummary = await runCaptured("pnpm", ["--silent", ...hardhat("run", "--no-compile", "scripts/seed.ts", "--network", "localhost")], env);
  return { node, rpcUrl, seedSummary };
}
