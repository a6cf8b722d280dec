// Where the end-to-end stack listens and who plays which part. Ports come from the environment
// so the suite can run next to `pnpm dev` (8545/3000) and next to another e2e run.
import { join } from "node:path";
import type { Address } from "viem";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  return value;
}

export const CHAIN_HOST = "127.0.0.1";
export const chainPort = port("E2E_CHAIN_PORT", 8555);
export const webPort = port("E2E_WEB_PORT", 3105);
export const indexerPort = port("E2E_INDEXER_PORT", 8557);
export const rpcUrl = `http://${CHAIN_HOST}:${chainPort}`;
export const appUrl = `http://localhost:${webPort}`;
export const indexerUrl = `http://localhost:${indexerPort}`;
/** The two relays the stack runs (the app publishes to and reads from both), and the hostile one journeys start. */
export const relayPorts = [port("E2E_RELAY_PORT", 8651), port("E2E_RELAY2_PORT", 8652)] as const;
export const relayUrls = relayPorts.map((p) => `ws://${CHAIN_HOST}:${p}`);
export const hostileRelayPort = port("E2E_HOSTILE_RELAY_PORT", 8653);
export const hostileRelayUrl = `ws://${CHAIN_HOST}:${hostileRelayPort}`;

/** The Hardhat node's chain id, and a made-up one the wallet can pretend to be on. */
export const APP_CHAIN_ID = 31337;
export const OTHER_CHAIN_ID = 424_242;

export const e2eRoot = join(import.meta.dirname, "..");
export const repoRoot = join(e2eRoot, "..");
export const artifactsDir = join(e2eRoot, "artifacts");
export const docsScreenshotsDir = join(repoRoot, "docs", "screenshots");

/**
 * The well-known Hardhat dev accounts #0..#4 (mnemonic "test test ... junk"), unlocked on the
 * node, so the test wallet can forward eth_sendTransaction with `from` set. The seed script
 * gives each of them tokens and unlimited approvals; journeys therefore assert balance deltas.
 */
export const ROLES = {
  maker: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  taker: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  seller: "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  buyer: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  arbiter: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
} as const satisfies Record<string, Address>;

export type Role = keyof typeof ROLES;
