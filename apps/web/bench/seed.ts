import { OfferStatus, readAllOffers, swapEscrowAbi, testTokenAbi, type Deployment, type TokenInfo } from "@peerlock/sdk";
import { type Address, type Client, encodeFunctionData, type Hex, maxUint256, numberToHex, parseUnits, zeroAddress } from "viem";
import { getTransactionReceipt, readContract } from "viem/actions";

/** Accounts 5..9 of the node: the bench stays clear of the demo roles (0..4) the seed and e2e use. */
const FIRST_BENCH_ACCOUNT = 5;
const MAKERS = 5;
/** Sends per JSON-RPC batch: the node mines each in turn (automine), nonces in order. */
const BATCH = 100;
const GAS = numberToHex(400_000n);

type Send = { from: Address; to: Address; data: Hex };

/** Sends transactions in JSON-RPC batches from unlocked dev accounts; fails on the first error. */
async function sendAll(client: Client, sends: readonly Send[]): Promise<Hex[]> {
  const hashes: Hex[] = [];
  for (let i = 0; i < sends.length; i += BATCH) {
    const batch = sends.slice(i, i + BATCH);
    hashes.push(
      ...(await Promise.all(batch.map((tx) => client.request({ method: "eth_sendTransaction", params: [{ ...tx, gas: GAS }] }) as Promise<Hex>))),
    );
  }
  const last = hashes.at(-1);
  if (last) {
    const receipt = await getTransactionReceipt(client, { hash: last });
    if (receipt.status !== "success") throw new Error(`seeding transaction ${last} reverted`);
  }
  return hashes;
}

/** How many offers are open right now (status Open, ignoring expiry: the bench's never expire). */
export async function openOfferCount(client: Client, deployment: Deployment): Promise<number> {
  const offers = await readAllOffers(client, deployment.swapEscrow.address);
  return offers.filter((o) => o.status === OfferStatus.Open).length;
}

/**
 * Tops the book up to `target` open offers from five dev accounts: mint and approve TestTokens,
 * then createOffer in batches, over three pairs with prices spread around a mid price.
 */
export async function seedOpenOffers(client: Client, deployment: Deployment, target: number, log: (s: string) => void) {
  const open = await openOfferCount(client, deployment);
  const missing = target - open;
  if (missing <= 0) {
    log(`book already holds ${open} open offers (target ${target}): no seeding`);
    return;
  }
  const token = (symbol: string): TokenInfo => {
    const t = deployment.tokens.find((x) => x.symbol === symbol && x.faucet);
    if (!t) throw new Error(`the deployment has no ${symbol} test token; seed needs the local dev tokens`);
    return t;
  };
  const usd = token("tUSD");
  const weth = token("tWETH");
  const btc = token("tBTC");
  const accounts = ((await client.request({ method: "eth_accounts" })) as Address[]).slice(FIRST_BENCH_ACCOUNT, FIRST_BENCH_ACCOUNT + MAKERS);
  if (accounts.length < MAKERS) throw new Error("the node must expose at least 10 unlocked dev accounts");
  const swap = deployment.swapEscrow.address;

  const setup: Send[] = accounts.flatMap((from) =>
    [usd, weth, btc].flatMap((t) => [
      {
        from,
        to: t.address,
        data: encodeFunctionData({ abi: testTokenAbi, functionName: "mint", args: [from, parseUnits("1000000000", t.decimals)] }),
      },
      { from, to: t.address, data: encodeFunctionData({ abi: testTokenAbi, functionName: "approve", args: [swap, maxUint256] }) },
    ]),
  );
  await sendAll(client, setup);

  const pairs = [
    { sell: weth, buy: usd, mid: 3_000 },
    { sell: btc, buy: usd, mid: 60_000 },
    { sell: usd, buy: weth, mid: 1 / 3_000 },
  ];
  const offers: Send[] = [];
  for (let i = 0; i < missing; i++) {
    const pair = pairs[i % pairs.length]!;
    const from = accounts[i % accounts.length]!;
    const size = 1 + (i % 7);
    // A spread of ±10 % around the mid price, deterministic so runs are comparable.
    const price = pair.mid * (0.9 + ((i * 37) % 200) / 1_000);
    const sellAmount = parseUnits(String(size), pair.sell.decimals);
    const buyAmount = parseUnits((size * price).toFixed(Math.min(6, pair.buy.decimals)), pair.buy.decimals);
    offers.push({
      from,
      to: swap,
      data: encodeFunctionData({
        abi: swapEscrowAbi,
        functionName: "createOffer",
        args: [pair.sell.address, sellAmount, pair.buy.address, buyAmount, zeroAddress, 0n, i % 3 !== 0],
      }),
    });
  }
  const started = performance.now();
  await sendAll(client, offers);
  const count = await readContract(client, { address: swap, abi: swapEscrowAbi, functionName: "offerCount" });
  log(`seeded ${missing} offers in ${((performance.now() - started) / 1000).toFixed(1)} s (offerCount is now ${count})`);
}
