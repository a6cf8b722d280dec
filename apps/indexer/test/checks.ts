// What "the index is right" means, checked against the chain itself: every offer and deal
// equals its getter, every history equals the trade's logs, credits equal Credited/Withdrawn
// logs, and every reputation equals the one recomputed from the logs.
import assert from "node:assert/strict";
import type { Deployment } from "@peerlock/sdk";
import type { Abi } from "viem";
import { accounts, publicClient } from "./harness/chain.ts";
import { api } from "./harness/indexer.ts";
import { chainEvents, expectedReputation } from "./expectedReputation.ts";

type Sdk = { swapEscrowAbi: Abi; dealEscrowAbi: Abi; signedSwapAbi: Abi };

const OFFER_FIELDS = [
  "maker",
  "taker",
  "sellToken",
  "buyToken",
  "sellAmount",
  "buyAmount",
  "sellRemaining",
  "expiry",
  "partialFills",
  "status",
] as const;
const DEAL_FIELDS = [
  "seller",
  "buyer",
  "token",
  "arbiter",
  "amount",
  "arbiterFeeBps",
  "paymentWindow",
  "paymentDeadline",
  "status",
  "termsHash",
] as const;

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : typeof v === "bigint" || typeof v === "number" ? String(v) : v);

/** Everything the API says about the chain, for comparing two runs of the indexer. */
export async function snapshot(deployment: Deployment, sdk: Sdk) {
  const offerCount = (await publicClient.readContract({
    address: deployment.swapEscrow.address,
    abi: sdk.swapEscrowAbi,
    functionName: "offerCount",
  })) as bigint;
  const dealCount = (await publicClient.readContract({
    address: deployment.dealEscrow.address,
    abi: sdk.dealEscrowAbi,
    functionName: "dealCount",
  })) as bigint;
  const offers = [];
  for (let id = 1n; id <= offerCount; id++) offers.push((await api(`/api/offers/${id}`)).body);
  const deals = [];
  for (let id = 1n; id <= dealCount; id++) deals.push((await api(`/api/deals/${id}`)).body);
  const reputations = (await api(`/api/reputation?addresses=${accounts.join(",")}`)).body;
  const credits = [];
  for (const a of accounts) credits.push((await api(`/api/addresses/${a}/credits`)).body);
  const signedFills = (await api("/api/signed/fills?limit=100")).body;
  const cancellations = [];
  for (const a of accounts) cancellations.push((await api(`/api/signed/makers/${a}/cancellations?limit=100`)).body);
  return { offers, deals, reputations, credits, signedFills, cancellations };
}

export async function assertIndexMatchesChain(deployment: Deployment, sdk: Sdk) {
  const events = await chainEvents(deployment, sdk);
  const snap = await snapshot(deployment, sdk);
  assert.ok(snap.offers.length > 5 && snap.deals.length > 10, "the scenario made trades");

  for (const [i, indexed] of snap.offers.entries()) {
    const id = BigInt(i + 1);
    const onChain = (await publicClient.readContract({
      address: deployment.swapEscrow.address,
      abi: sdk.swapEscrowAbi,
      functionName: "getOffer",
      args: [id],
    })) as Record<string, unknown>;
    assert.ok(indexed.offer, `offer ${id} is indexed`);
    for (const f of OFFER_FIELDS) assert.equal(norm(indexed.offer[f]), norm(onChain[f]), `offer ${id} ${f}`);
    const logs = events.swap.filter((l) => l.args.offerId === id);
    assert.deepEqual(
      indexed.history.map((h: any) => h.name),
      logs.map((l) => l.eventName),
      `offer ${id} history`,
    );
    assert.equal(indexed.offer.fillCount, logs.filter((l) => l.eventName === "OfferFilled").length, `offer ${id} fills`);
  }
  for (const [i, indexed] of snap.deals.entries()) {
    const id = BigInt(i + 1);
    const onChain = (await publicClient.readContract({
      address: deployment.dealEscrow.address,
      abi: sdk.dealEscrowAbi,
      functionName: "getDeal",
      args: [id],
    })) as Record<string, unknown>;
    assert.ok(indexed.deal, `deal ${id} is indexed`);
    for (const f of DEAL_FIELDS) assert.equal(norm(indexed.deal[f]), norm(onChain[f]), `deal ${id} ${f}`);
    const logs = events.deal.filter((l) => l.args.dealId === id);
    assert.deepEqual(
      indexed.history.map((h: any) => h.name),
      logs.map((l) => l.eventName),
      `deal ${id} history`,
    );
    for (const [h, log] of indexed.history.map((h: any, k: number) => [h, logs[k]!] as const)) {
      assert.equal(BigInt(h.blockNumber), log.blockNumber, `deal ${id} ${h.name} block`);
      assert.equal(BigInt(h.timestamp), events.time(log), `deal ${id} ${h.name} time`);
    }
  }

  const creditLogs = [...events.swap, ...events.deal].filter((l) => l.eventName === "Credited" || l.eventName === "Withdrawn");
  assert.ok(creditLogs.length >= 2, "the scenario credited and withdrew a payout");
  for (const [k, a] of accounts.entries()) {
    const mine = creditLogs.filter((l) => l.args.account.toLowerCase() === a);
    assert.deepEqual(
      snap.credits[k].items.map((c: any) => [c.name, c.token, c.amount]),
      mine.map((l) => [l.eventName, l.args.token.toLowerCase(), String(l.args.amount)]),
      `credits of ${a}`,
    );
  }

  assertSignedMatchesLogs(snap, events);

  for (const [k, a] of accounts.entries()) {
    const { address, ...indexed } = snap.reputations.items[k];
    assert.equal(address, a);
    assert.deepEqual(indexed, expectedReputation(events, a), `reputation of ${a}`);
  }
  return snap;
}

/** Every signed_fills and signed_nonce_cancellations row equals its SignedSwap log, field for field. */
function assertSignedMatchesLogs(snap: Awaited<ReturnType<typeof snapshot>>, events: Awaited<ReturnType<typeof chainEvents>>) {
  const at = (l: { blockNumber: bigint; logIndex: number }, time: bigint) => [String(l.blockNumber), l.logIndex, String(time)];
  const fillLogs = events.signed.filter((l) => l.eventName === "OrderFilled");
  assert.ok(fillLogs.length >= 4, "the scenario filled signed orders");
  assert.equal(snap.signedFills.nextCursor, null, "all signed fills on one page");
  assert.deepEqual(
    snap.signedFills.items.map((r: any) => [
      r.orderHash,
      r.maker,
      r.taker,
      r.nonce,
      r.sellAmount,
      r.buyAmount,
      r.blockNumber,
      r.logIndex,
      r.timestamp,
    ]),
    fillLogs
      .map((l) => [
        lower(l.args.orderHash),
        lower(l.args.maker),
        lower(l.args.taker),
        String(l.args.nonce),
        String(l.args.sellAmount),
        String(l.args.buyAmount),
        ...at(l, events.time(l)),
      ])
      .reverse(),
    "signed fills (newest first) equal the OrderFilled logs",
  );
  const cancelLogs = events.signed.filter((l) => l.eventName === "NonceCancelled" || l.eventName === "NoncesInvalidated");
  assert.ok(
    cancelLogs.some((l) => l.eventName === "NonceCancelled") && cancelLogs.some((l) => l.eventName === "NoncesInvalidated"),
    "the scenario cancelled nonces",
  );
  for (const [k, a] of accounts.entries()) {
    assert.equal(snap.cancellations[k].nextCursor, null);
    assert.deepEqual(
      snap.cancellations[k].items.map((r: any) => [r.name, r.maker, r.nonce, r.wordPos, r.mask, r.blockNumber, r.logIndex, r.timestamp]),
      cancelLogs
        .filter((l) => lower(l.args.maker) === a)
        .map((l) =>
          l.eventName === "NonceCancelled"
            ? [l.eventName, a, String(l.args.nonce), null, null, ...at(l, events.time(l))]
            : [l.eventName, a, null, String(l.args.wordPos), String(l.args.mask), ...at(l, events.time(l))],
        ),
      `nonce cancellations of ${a}`,
    );
  }
}

const lower = (a: string) => a.toLowerCase();
