// Small process helpers shared by `pnpm dev` and the end-to-end harness: run a step, start a
// long-lived service, wait for it, and stop every started process group on exit.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

const started: ChildProcess[] = [];
// Steps run in their own process group with their output forwarded, so Ctrl-C reaches only
// this process: it stops the steps itself and nothing they print after that reaches the terminal.
const steps = new Set<ChildProcess>();

function spawnStep(command: string, args: string[], env: NodeJS.ProcessEnv, stdout: "forward" | "capture"): ChildProcess {
  const color = process.stdout.isTTY ? { FORCE_COLOR: "1" } : {};
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...color, ...env } });
  steps.add(child);
  child.on("exit", () => steps.delete(child));
  if (stdout === "forward") child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return child;
}

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}, label = args.join(" ")): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnStep(command, args, env, "forward");
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${label} failed (exit ${code})`))));
  });
}

/** Runs a command to completion and returns its standard output (stderr streams through). */
export function runCaptured(command: string, args: string[], env: NodeJS.ProcessEnv = {}, label = args.join(" ")): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnStep(command, args, env, "capture");
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${label} failed (exit ${code}):\n${out}`))));
  });
}

/** Starts a long-lived process in its own process group so it can be stopped with all its children. */
export function startService(command: string, args: string[], env: NodeJS.ProcessEnv = {}, logPrefix?: string, logFile?: string): ChildProcess {
  const output = logFile ? openSync(logFile, "w") : undefined;
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: output !== undefined ? ["ignore", output, output] : logPrefix ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (logPrefix) {
    const prefix = (chunk: Buffer) =>
      chunk
        .toString()
        .split("\n")
        .filter(Boolean)
        .map((line) => `${logPrefix} ${line}`)
        .join("\n") + "\n";
    child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
    child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
  }
  started.push(child);
  return child;
}

/** Stops every running step and started service (their whole process groups). Safe to call twice. */
export function stopAll(): void {
  for (const step of steps) {
    step.stdout?.removeAllListeners("data");
    step.stderr?.removeAllListeners("data");
  }
  for (const child of [...steps, ...started.splice(0)]) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/**
 * Resolves when nothing listens on host:port; rejects with a message naming the fix, e.g.
 * `CHAIN_PORT=<port> pnpm dev`.
 */
export function assertPortFree(port: number, host: string, what: string, fix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () =>
      reject(
        new Error(`Port ${port} on ${host} is already in use, so the ${what} cannot start. Stop whatever uses it, or pick another port: ${fix}`),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** The last lines of a service's log file, for a failure message. */
export function tailFile(path: string, lines = 15): string {
  try {
    return readFileSync(path, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Waits until `check` passes for a service just started, but fails at once (with the end of
 * its log) if the service dies first instead of waiting out the timeout.
 */
export function waitForService(
  service: ChildProcess,
  what: string,
  check: () => Promise<boolean>,
  { timeoutMs = 60_000, logFile }: { timeoutMs?: number; logFile?: string } = {},
): Promise<void> {
  let onExit: ((code: number | null) => void) | undefined;
  const died = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`${what} exited (code ${code}) before it was ready${logFile ? `:\n${tailFile(logFile)}` : ""}`));
    service.once("exit", onExit);
  });
  return Promise.race([waitFor(what, check, timeoutMs), died]).finally(() => {
    if (onExit) service.off("exit", onExit);
  });
}

/** Polls until `check` resolves true, or rejects after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** True when a JSON-RPC node answers eth_chainId at `url`. */
export async function rpcReady(url: string): Promise<boolean> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
  });
  return res.ok;
}

/** True when an HTTP server answers at `url`. */
export async function httpReady(url: string): Promise<boolean> {
  const res = await fetch(url);
  return res.status < 500;
}
