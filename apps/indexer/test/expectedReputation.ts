// Reputation recomputed by the test from the raw logs (viem getContractEvents), written
// straight from SPEC's rules without looking at the indexer's tables or SQL.
import type { Deployment, Reputation } from "@peerlock/sdk";
import type { Abi } from "viem";
import { publicClient } from "./harness/chain.ts";

type Log = { eventName: string; args: Record<string, any>; blockNumber: bigint; logIndex: number };

/** Every figure the API serves but the address it is for. */
export type ExpectedReputation = Omit<Reputation, "address">;

export async function chainEvents(deployment: Deployment, abis: { swapEscrowAbi: Abi; dealEscrowAbi: Abi; signedSwapAbi: Abi }) {
  const toBlock = await publicClient.getBlockNumber();
  const read = (address: `0x${string}`, abi: Abi, fromBlock: bigint) =>
    publicClient.getContractEvents({ address, abi, fromBlock, toBlock }) as unknown as Promise<Log[]>;
  const [swap, deal, signed] = await Promise.all([
    read(deployment.swapEscrow.address, abis.swapEscrowAbi, deployment.swapEscrow.deployedOnBlock),
    read(deployment.dealEscrow.address, abis.dealEscrowAbi, deployment.dealEscrow.deployedOnBlock),
    read(deployment.signedSwap.address, abis.signedSwapAbi, deployment.signedSwap.deployedOnBlock),
  ]);
  const blocks = [...new Set([...swap, ...deal, ...signed].map((l) => l.blockNumber))];
  const times = new Map<bigint, bigint>();
  for (const n of blocks) times.set(n, (await publicClient.getBlock({ blockNumber: n })).timestamp);
  return { swap, deal, signed, time: (l: Log) => times.get(l.blockNumber)! };
}

const lower = (a: string) => a.toLowerCase();

function median(values: bigint[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(Number);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function expectedReputation(events: Awaited<ReturnType<typeof chainEvents>>, who: string): ExpectedReputation {
  const me = lower(who);
  const makers = new Map<bigint, { maker: string; sellToken: string; buyToken: string }>();
  const legs: { at: bigint; token: string; amount: bigint }[] = [];
  let fillsAsMaker = 0;
  let fillsAsTaker = 0;
  for (const log of events.swap) {
    const a = log.args;
    if (log.eventName === "OfferCreated")
      makers.set(a.offerId, { maker: lower(a.maker), sellToken: lower(a.sellToken), buyToken: lower(a.buyToken) });
    if (log.eventName !== "OfferFilled") continue;
    const offer = makers.get(a.offerId)!;
    const mine = offer.maker === me || lower(a.taker) === me;
    if (offer.maker === me) fillsAsMaker++;
    if (lower(a.taker) === me) fillsAsTaker++;
    if (mine) {
      legs.push({ at: events.time(log), token: offer.sellToken, amount: a.sellAmount });
      legs.push({ at: events.time(log), token: offer.buyToken, amount: a.buyAmount });
    }
  }

  type D = { id: bigint; seller: string; buyer: string; token: string; amount: bigint; takenAt?: bigint; paidAt?: bigint; refundedBy?: string };
  const deals = new Map<bigint, D>();
  let dealsReleasedAsSeller = 0;
  let dealsReleasedAsBuyer = 0;
  let disputesOpened = 0;
  let lapsedAsBuyer = 0;
  let backedOutAsBuyer = 0;
  const resolutions: ExpectedReputation["resolutions"] = [];
  const takenToPaid: bigint[] = [];
  const paidToReleased: bigint[] = [];
  for (const log of events.deal) {
    const a = log.args;
    const t = events.time(log);
    const d = deals.get(a.dealId);
    switch (log.eventName) {
      case "DealOpened":
        deals.set(a.dealId, { id: a.dealId, seller: lower(a.seller), buyer: lower(a.buyer), token: lower(a.token), amount: a.amount });
        break;
      case "DealTaken":
        d!.buyer = lower(a.buyer);
        d!.takenAt = t;
        break;
      case "DealPaid":
        d!.paidAt = t;
        if (d!.buyer === me) takenToPaid.push(t - d!.takenAt!);
        break;
      case "DealDisputed":
        if (lower(a.by) === me) disputesOpened++;
        break;
      case "DealReleased":
        if (d!.seller === me) dealsReleasedAsSeller++;
        if (d!.buyer === me) dealsReleasedAsBuyer++;
        if (d!.seller === me && d!.paidAt !== undefined) paidToReleased.push(t - d!.paidAt);
        if (d!.seller === me || d!.buyer === me) legs.push({ at: t, token: d!.token, amount: d!.amount });
        break;
      case "DealResolved":
        if (d!.seller === me || d!.buyer === me) {
          resolutions.push({ dealId: String(d!.id), role: d!.seller === me ? "seller" : "buyer", buyerShareBps: Number(a.buyerShareBps) });
          legs.push({ at: t, token: d!.token, amount: d!.amount });
        }
        break;
      case "DealRefunded":
        // Only deals someone took count against the buyer: by the seller after the deadline
        // (the buyer never paid: lapsed), or by the buyer itself (backed out).
        if (d!.takenAt !== undefined && d!.buyer === me) {
          if (lower(a.by) === d!.seller) lapsedAsBuyer++;
          if (lower(a.by) === me) backedOutAsBuyer++;
        }
        break;
    }
  }
  resolutions.sort((x, y) => (BigInt(x.dealId) < BigInt(y.dealId) ? -1 : 1));
  const completedTrades = fillsAsMaker + fillsAsTaker + dealsReleasedAsSeller + dealsReleasedAsBuyer + resolutions.length;
  const volumeByToken: Record<string, bigint> = {};
  for (const leg of legs) volumeByToken[leg.token] = (volumeByToken[leg.token] ?? 0n) + leg.amount;
  const times = legs.map((l) => l.at).sort((x, y) => (x < y ? -1 : 1));
  const denominator = completedTrades + lapsedAsBuyer + backedOutAsBuyer;
  return {
    fillsAsMaker,
    fillsAsTaker,
    dealsReleasedAsSeller,
    dealsReleasedAsBuyer,
    dealsResolved: resolutions.length,
    resolutions,
    disputesOpened,
    lapsedAsBuyer,
    backedOutAsBuyer,
    medianSecondsTakenToPaid: median(takenToPaid),
    medianSecondsPaidToReleased: median(paidToReleased),
    completedTrades,
    completionRate: denominator === 0 ? null : completedTrades / denominator,
    firstTradeAt: times.length ? String(times[0]) : null,
    lastTradeAt: times.length ? String(times[times.length - 1]) : null,
    volumeByToken: Object.fromEntries(
      Object.entries(volumeByToken)
        .sort(([x], [y]) => (x < y ? -1 : 1))
        .map(([k, v]) => [k, String(v)]),
    ),
    // Signed fills are extra figures: none of the escrow-only ones above counts them.
    signedFillsAsMaker: events.signed.filter((l) => l.eventName === "OrderFilled" && lower(l.args.maker) === me).length,
    signedFillsAsTaker: events.signed.filter((l) => l.eventName === "OrderFilled" && lower(l.args.taker) === me).length,
  };
}
