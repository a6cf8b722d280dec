// Builds the app once, starts the Hardhat node once for the server suites and deploys into it; stops it afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { deployOrderbookContracts } from "../orderbook/chain";
import { buildApp } from "../shared/nextServer";
import { chainPort, deployRoomContracts, rpcUrl } from "./chain";

let node: ChildProcess | undefined;

function assertFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is taken; set ROOM_TEST_CHAIN_PORT to a free port.`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function rpcReady(): Promise<boolean> {
  try {
    const res = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
    });
    return res.ok;
  } catch {
    return false;
  }
}

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  await assertFree(chainPort);
  // one production build for every `next start` the suites run
  buildApp();
  node = spawn("pnpm", ["--filter", "@peerlock/contracts", "exec", "hardhat", "node", "--hostname", "127.0.0.1", "--port", String(chainPort)], {
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 90_000;
  while (!(await rpcReady())) {
    if (node.exitCode !== null) throw new Error(`The Hardhat node exited (code ${node.exitCode}) before it was ready.`);
    if (Date.now() > deadline) throw new Error(`The Hardhat node at ${rpcUrl} did not start within 90 s.`);
    await new Promise((r) => setTimeout(r, 300));
  }
  const { dealEscrow, smartWallet } = await deployRoomContracts();
  provide("dealEscrow", dealEscrow);
  provide("smartWallet", smartWallet);
  const book = await deployOrderbookContracts();
  provide("signedSwap", book.signedSwap);
  provide("sellToken", book.sellToken);
  provide("buyToken", book.buyToken);
}

export async function teardown(): Promise<void> {
  if (node?.pid && node.exitCode === null) process.kill(-node.pid, "SIGTERM");
}
