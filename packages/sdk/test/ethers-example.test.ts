// Runs examples/trade-ethers.ts against a real Hardhat node: the escrows and a 6-decimal tUSD
// are deployed from the compiled artifacts with ethers, the example trades, and every
// balance it moved is checked on chain.
import assert from "node:assert/strict";
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ContractFactory, HDNodeWallet, JsonRpcProvider, parseEther, parseUnits } from "ethers";
import { DealStatus, OfferStatus, connectEscrows, connectTestToken } from "@peerlock/sdk/ethers";

const sdkRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const contractsRoot = join(sdkRoot, "..", "..", "contracts");
const artifact = (path: string) => JSON.parse(readFileSync(join(contractsRoot, "artifacts", path), "utf8"));
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const account = (index: number) => HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`);

/** SDK_TEST_CHAIN_PORT, or a port the OS says is free right now. */
async function chainPort(): Promise<number> {
  if (process.env.SDK_TEST_CHAIN_PORT) return Number(process.env.SDK_TEST_CHAIN_PORT);
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

let node: ChildProcess | undefined;
let rpcUrl = "";
let nodeLog = "";

before(async () => {
  const port = await chainPort();
  rpcUrl = `http://127.0.0.1:${port}`;
  // its own process group, so `after` stops pnpm and the node under it together
  node = spawn("pnpm", ["exec", "hardhat", "node", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: contractsRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  node.stdout!.on("data", (chunk: Buffer) => (nodeLog += chunk.toString()));
  node.stderr!.on("data", (chunk: Buffer) => (nodeLog += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    node!.on("exit", (code) => reject(new Error(`hardhat node exited (${code}) on port ${port}:\n${nodeLog}`))),
  );
  const ready = (async () => {
    for (;;) {
      try {
        const res = await fetch(rpcUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}',
        });
        if (res.ok) return;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  await Promise.race([ready, exited]);
});

after(() => {
  if (node?.pid && node.exitCode === null) process.kill(-node.pid, "SIGTERM");
});

test("examples/trade-ethers.ts runs an offer and a deal with ethers alone, moving exactly what it says", {
  skip: !existsSync(join(contractsRoot, "artifacts", "build-info")) && "contracts are not compiled (pnpm build)",
}, async () => {
  const provider = new JsonRpcProvider(rpcUrl, undefined, { pollingInterval: 100, cacheTimeout: -1 });
  const deployer = account(0).connect(provider);
  const deploy = async (path: string, ...args: unknown[]) => {
    const { abi, bytecode } = artifact(path);
    const contract = await new ContractFactory(abi, bytecode, deployer).deploy(...args);
    await contract.waitForDeployment();
    return contract.getAddress();
  };
  const swapEscrow = await deploy("src/SwapEscrow.sol/SwapEscrow.json");
  const dealEscrow = await deploy("src/DealEscrow.sol/DealEscrow.json");
  const usdAddress = await deploy("dev/TestToken.sol/TestToken.json", "Test USD", "tUSD", 6);
  const usd = connectTestToken(usdAddress, provider);
  const [maker, taker] = [account(6).address, account(7).address];
  const before = { maker: await usd.balanceOf(maker), taker: await usd.balanceOf(taker) };

  const { stdout } = await promisify(execFile)(process.execPath, [join(sdkRoot, "examples", "trade-ethers.ts")], {
    cwd: sdkRoot,
    env: { ...process.env, RPC_URL: rpcUrl, SWAP_ESCROW: swapEscrow, DEAL_ESCROW: dealEscrow, USD_TOKEN: usdAddress },
  });
  assert.match(stdout, /offer 1: taker paid 750\.0 tUSD for 0\.25 ETH; 0\.75 ETH left, Open/);
  assert.match(stdout, /deal 1: 500\.0 tUSD released to the buyer; terms hash matches/);

  // the taker minted 3,000 and paid 750 for a quarter of the offer, then bought the 500 of the deal
  const usd6 = (n: string) => parseUnits(n, 6);
  assert.equal((await usd.balanceOf(taker)) - before.taker, usd6("3000") - usd6("750") + usd6("500"));
  // the maker received the 750; the 500 it minted went through the deal to the taker
  assert.equal((await usd.balanceOf(maker)) - before.maker, usd6("750"));
  assert.equal(await usd.balanceOf(swapEscrow), 0n);
  assert.equal(await usd.balanceOf(dealEscrow), 0n);
  // the unsold 0.75 ETH is still locked in the open offer
  assert.equal(await provider.getBalance(swapEscrow), parseEther("0.75"));

  const escrows = connectEscrows({ swapEscrow, dealEscrow }, provider);
  const offer = await escrows.swapEscrow.getOffer(1n);
  assert.equal(Number(offer.status), OfferStatus.Open);
  assert.equal(offer.maker, maker);
  assert.equal(offer.sellRemaining, parseEther("0.75"));
  const deal = await escrows.dealEscrow.getDeal(1n);
  assert.equal(Number(deal.status), DealStatus.Released);
  assert.equal(deal.buyer, taker);
  provider.destroy();
});
