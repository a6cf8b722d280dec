// What identifies "the same chain" for an index: chain id, escrow address and the hash of the
// block the escrow was deployed in. A restarted development node gives a new hash (or no such
// block yet), so an index built on the old chain is detected and thrown away.
import type { IndexerSettings } from "../src/lib/settings.ts";

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  if (!res.ok) throw new Error(`${method} at ${url}: HTTP ${res.status}`);
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method} at ${url}: ${body.error.message}`);
  return body.result as T;
}

export async function chainFingerprint(settings: IndexerSettings): Promise<string> {
  const chainId = Number(await rpc<string>(settings.rpcUrl, "eth_chainId", []));
  if (chainId !== settings.chainId) throw new Error(`The node at ${settings.rpcUrl} is chain ${chainId}, but CHAIN_ID is ${settings.chainId}`);
  const start = settings.deployment.swapEscrow.deployedOnBlock;
  const block = await rpc<{ hash: string } | null>(settings.rpcUrl, "eth_getBlockByNumber", [`0x${start.toString(16)}`, false]);
  if (!block)
    throw new Error(
      `The node at ${settings.rpcUrl} has no block ${start} where SwapEscrow was deployed: is @peerlock/sdk's deployment from another chain?`,
    );
  return `${chainId}:${settings.deployment.swapEscrow.address.toLowerCase()}:${block.hash}`;
}
