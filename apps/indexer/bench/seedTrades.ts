// Seeds N trades fast: automine off, thousands of transactions per block, in phases (create,
// then take/fill/cancel, then pay, then settle, then resolve) so every call finds its trade in
// the state it needs. Mixes partial and full fills, cancels, open offers, and deals released,
// cancelled while listed, left listed, resolved, lapsed and backed out of.
import { dealEscrowAbi, type Deployment, swapEscrowAbi } from "@peerlock/sdk";
import { type Address, encodeFunctionData, type Hex, keccak256, numberToHex, parseEventLogs, toHex, zeroAddress } from "viem";

/** Hardhat dev accounts #0..#4 (funded and approved by the demo seed) and #9 as the arbiter. */
const TRADERS: Address[] = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
  "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
  "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
];
const ARBITER: Address = "0xa0ee7a142d267c1f36714e4a8f75612f20a79720";
const GAS = numberToHex(400_000n);
const PAYMENT_WINDOW = 600;
const SEND_BATCH = 250;

type Kind = "partialFill" | "fullFill" | "cancelOffer" | "openOffer" | "released" | "cancelListed" | "listed" | "resolved" | "lapsed" | "backedOut";
const MIX: Kind[] = [
  ...Array<Kind>(4).fill("partialFill"),
  ...Array<Kind>(3).fill("fullFill"),
  ...Array<Kind>(2).fill("cancelOffer"),
  ...Array<Kind>(2).fill("openOffer"),
  ...Array<Kind>(3).fill("released"),
  "cancelListed",
  ...Array<Kind>(2).fill("listed"),
  "resolved",
  "lapsed",
  "backedOut",
];

type Tx = { from: Address; to: Address; data: Hex; value?: bigint };

async function rpc<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

async function call<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const r = await rpc<{ result: T; error?: { message: string } }>(url, { jsonrpc: "2.0", id: 1, method, params });
  if (r.error) throw new Error(`${method}: ${r.error.message}`);
  return r.result;
}

/**
 * Sends the transactions (automine off) a block's worth at a time, mining after each: the
 * node's mempool slows down sharply with thousands of pending transactions.
 */
async function sendAndMine(url: string, txs: Tx[]) {
  for (let i = 0; i < txs.length; i += SEND_BATCH) await sendAndMineBlock(url, txs.slice(i, i + SEND_BATCH));
}

async function sendAndMineBlock(url: string, txs: Tx[]) {
  {
    const batch = txs.map((tx, k) => ({
      jsonrpc: "2.0",
      id: k,
      method: "eth_sendTransaction",
      params: [{ from: tx.from, to: tx.to, data: tx.data, gas: GAS, value: numberToHex(tx.value ?? 0n) }],
    }));
    const answers = await rpc<{ error?: { message: string } }[]>(url, batch);
    const failed = answers.find((a) => a.error);
    if (failed) throw new Error(`eth_sendTransaction: ${failed.error!.message}`);
  }
  // Ponder's realtime sync wants blocks one by one (a multi-block hardhat_mine breaks it).
  // Done when every sender's mined nonce has caught up with its pending one (building the
  // pending block to look inside it would cost as much as mining it).
  const senders = [...new Set(txs.map((t) => t.from))];
  for (;;) {
    await call(url, "evm_mine");
    const counts = await Promise.all(
      senders.map(async (a) => [
        await call<Hex>(url, "eth_getTransactionCount", [a, "latest"]),
        await call<Hex>(url, "eth_getTransactionCount", [a, "pending"]),
      ]),
    );
    if (counts.every(([mined, pending]) => mined === pending)) break;
  }
}

type Log = { address: Address; topics: Hex[]; data: Hex };

export async function seedTrades(url: string, deployment: Deployment, from: number, to: number, log: (s: string) => void) {
  await call(url, "evm_setAutomine", [false]);
  await call(url, "evm_setBlockGasLimit", [numberToHex(3_000_000_000n)]).catch(() => log("(node keeps its block gas limit)"));
  const usd = deployment.tokens.find((t) => t.symbol === "tUSD")!.address;
  const weth = deployment.tokens.find((t) => t.symbol === "tWETH")!.address;
  const swap = deployment.swapEscrow.address;
  const deal = deployment.dealEscrow.address;
  const trades = Array.from({ length: to - from }, (_, k) => {
    const i = from + k;
    return { i, kind: MIX[i % MIX.length]!, maker: TRADERS[i % 5]!, other: TRADERS[(i + 1 + (i % 3)) % 5]! };
  });
  const isOffer = (k: Kind) => ["partialFill", "fullFill", "cancelOffer", "openOffer"].includes(k);
  const sellAmount = 10_000_000n; // 10 tUSD
  const buyAmount = (i: number) => BigInt(1 + (i % 7)) * 10n ** 15n + BigInt(i); // unique per trade: finds its id below
  const terms = (i: number) => keccak256(toHex(`bench trade ${i}`));

  const startBlock = BigInt(await call<Hex>(url, "eth_blockNumber")) + 1n;
  await sendAndMine(
    url,
    trades.map((t) =>
      isOffer(t.kind)
        ? {
            from: t.maker,
            to: swap,
            data: encodeFunctionData({
              abi: swapEscrowAbi,
              functionName: "createOffer",
              args: [usd, sellAmount, weth, buyAmount(t.i), zeroAddress, 0n, true],
            }),
          }
        : {
            from: t.maker,
            to: deal,
            data: encodeFunctionData({
              abi: dealEscrowAbi,
              functionName: "openDeal",
              args: [usd, BigInt(1 + (t.i % 5)) * 1_000_000n, zeroAddress, ARBITER, 100, PAYMENT_WINDOW, terms(t.i)],
            }),
          },
    ),
  );
  // Ids from the logs: an offer is known by its unique buyAmount, a deal by its termsHash.
  const logs = await call<Log[]>(url, "eth_getLogs", [{ fromBlock: numberToHex(startBlock), toBlock: "latest", address: [swap, deal] }]);
  const offerIds = new Map<bigint, bigint>();
  const dealIds = new Map<Hex, bigint>();
  for (const e of parseEventLogs({ abi: swapEscrowAbi, logs: logs as never, eventName: "OfferCreated" }))
    offerIds.set(e.args.buyAmount, e.args.offerId);
  for (const e of parseEventLogs({ abi: dealEscrowAbi, logs: logs as never, eventName: "DealOpened" })) dealIds.set(e.args.termsHash, e.args.dealId);
  const idOf = (t: (typeof trades)[number]) => (isOffer(t.kind) ? offerIds.get(buyAmount(t.i)) : dealIds.get(terms(t.i)));
  for (const t of trades) if (idOf(t) === undefined) throw new Error(`trade ${t.i} (${t.kind}) was not created`);

  const d = (fn: "takeDeal" | "markPaid" | "release" | "cancelDeal" | "dispute", who: Address, id: bigint): Tx => ({
    from: who,
    to: deal,
    data: encodeFunctionData({ abi: dealEscrowAbi, functionName: fn, args: [id] }),
  });
  const phase = (pick: (t: (typeof trades)[number], id: bigint) => Tx | undefined) =>
    trades.flatMap((t) => {
      const tx = pick(t, idOf(t)!);
      return tx ? [tx] : [];
    });
  await sendAndMine(
    url,
    phase((t, id) => {
      const fill = (amount: bigint) => ({
        from: t.other,
        to: swap,
        data: encodeFunctionData({ abi: swapEscrowAbi, functionName: "fillOffer", args: [id, amount] }),
      });
      if (t.kind === "partialFill") return fill(sellAmount / 2n);
      if (t.kind === "fullFill") return fill(sellAmount);
      if (t.kind === "cancelOffer")
        return { from: t.maker, to: swap, data: encodeFunctionData({ abi: swapEscrowAbi, functionName: "cancelOffer", args: [id] }) };
      if (t.kind === "cancelListed") return d("cancelDeal", t.maker, id);
      if (["released", "resolved", "lapsed", "backedOut"].includes(t.kind)) return d("takeDeal", t.other, id);
      return undefined;
    }),
  );
  await sendAndMine(
    url,
    phase((t, id) =>
      t.kind === "released" || t.kind === "resolved" ? d("markPaid", t.other, id) : t.kind === "backedOut" ? d("cancelDeal", t.other, id) : undefined,
    ),
  );
  await call(url, "evm_increaseTime", [PAYMENT_WINDOW + 1]);
  await sendAndMine(
    url,
    phase((t, id) =>
      t.kind === "released"
        ? d("release", t.maker, id)
        : t.kind === "resolved"
          ? d("dispute", t.other, id)
          : t.kind === "lapsed"
            ? d("cancelDeal", t.maker, id)
            : undefined,
    ),
  );
  await sendAndMine(
    url,
    phase((t, id) =>
      t.kind === "resolved"
        ? { from: ARBITER, to: deal, data: encodeFunctionData({ abi: dealEscrowAbi, functionName: "resolve", args: [id, 5_000] }) }
        : undefined,
    ),
  );
  await call(url, "evm_setAutomine", [true]);
}
