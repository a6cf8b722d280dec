// Starts the server suites' Hardhat node from a globalSetup and stops it in its teardown.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { chainPort, rpcUrl } from "./chain";

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

/** Resolves once the node answers; the returned function stops it. */
export async function startHardhatNode(): Promise<() => void> {
  await assertFree(chainPort);
  const node: ChildProcess = spawn(
    "pnpm",
    ["--filter", "@peerlock/contracts", "exec", "hardhat", "node", "--hostname", "127.0.0.1", "--port", String(chainPort)],
    { detached: true, stdio: "ignore" },
  );
  const stop = () => {
    if (node.pid && node.exitCode === null) process.kill(-node.pid, "SIGTERM");
  };
  const deadline = Date.now() + 90_000;
  while (!(await rpcReady())) {
    if (node.exitCode !== null) throw new Error(`The Hardhat node exited (code ${node.exitCode}) before it was ready.`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`The Hardhat node at ${rpcUrl} did not start within 90 s.`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return stop;
}
