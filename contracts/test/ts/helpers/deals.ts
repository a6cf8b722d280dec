// Opening deals with readable defaults, and a fixture holding one deal in every status.
import { keccak256, toHex, type Address } from "viem";
import { world, type World } from "./fixtures.ts";
import { DealStatus, ETH, ONE, ZERO, loadFixture, time, type DealStatusName } from "./setup.ts";

export const TERMS_HASH = keccak256(toHex("Pay 1000 EUR by SEPA to DE00 1234, reference PEERLOCK-1"));
export const ONE_DAY = 24 * 60 * 60;

export interface DealParams {
  token: Address;
  amount: bigint;
  buyer: Address;
  arbiter: Address;
  arbiterFeeBps: number;
  paymentWindow: number;
  termsHash: `0x${string}`;
}

/** 1000 A to anyone, 1 % arbiter fee, one day to pay. */
export function defaultDeal(w: World, overrides: Partial<DealParams> = {}): DealParams {
  return {
    token: w.tokenA.address,
    amount: 1000n * ONE,
    buyer: ZERO,
    arbiter: w.arbiter.account.address,
    arbiterFeeBps: 100,
    paymentWindow: ONE_DAY,
    termsHash: TERMS_HASH,
    ...overrides,
  };
}

/** Arguments of `openDeal` in ABI order. */
export function dealArgs(p: DealParams) {
  return [p.token, p.amount, p.buyer, p.arbiter, p.arbiterFeeBps, p.paymentWindow, p.termsHash] as const;
}

/** Opens a deal as the seller (sending ETH for an ETH deal) and returns its id. */
export async function openDeal(w: World, overrides: Partial<DealParams> = {}, seller = w.seller): Promise<bigint> {
  const p = defaultDeal(w, overrides);
  const value = p.token === ETH ? p.amount : 0n;
  await w.deal.write.openDeal(dealArgs(p), { account: seller.account, value });
  return w.deal.read.dealCount();
}

/** Walks a fresh deal (seller, buyer and arbiter of the world) into `status`. */
export async function dealIn(w: World, status: DealStatusName, overrides: Partial<DealParams> = {}): Promise<bigint> {
  const id = await openDeal(w, overrides);
  const as = (who: World["seller"]) => ({ account: who.account });
  if (status === "Listed") return id;
  await w.deal.write.takeDeal([id], as(w.buyer));
  if (status === "Taken") return id;
  if (status === "Refunded") {
    await w.deal.write.cancelDeal([id], as(w.buyer));
    return id;
  }
  if (status === "Released") {
    await w.deal.write.release([id], as(w.seller));
    return id;
  }
  await w.deal.write.markPaid([id], as(w.buyer));
  if (status === "Paid") return id;
  await w.deal.write.dispute([id], as(w.buyer));
  if (status === "Disputed") return id;
  if (status === "Resolved") {
    await w.deal.write.resolve([id, 5000], as(w.arbiter));
    return id;
  }
  throw new Error(`cannot build a deal in status ${status}`);
}

/** Every state a deal can be found in, as the transition matrix sees it. */
export const MATRIX_STATES = [
  "None",
  "Listed",
  "ListedToBuyer",
  "Taken",
  "TakenLate",
  "Paid",
  "Disputed",
  "Released",
  "Refunded",
  "Resolved",
] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];

/** Deal ids of `dealsInEveryStatus`; `None` is an id never used. */
export type DealIds = Record<MatrixState, bigint>;

/**
 * One deal in each status (an unknown id for None), all sold by `seller`, taken by `buyer`
 * and arbitrated by `arbiter`; the payment window of the Taken deal is still open.
 */
export async function dealsInEveryStatus() {
  const w = await world();
  const ids: Partial<DealIds> = { None: 999n };
  ids.Listed = await dealIn(w, "Listed");
  ids.ListedToBuyer = await openDeal(w, { buyer: w.buyer.account.address });
  for (const status of ["Taken", "Paid", "Disputed", "Released", "Refunded", "Resolved"] as const) {
    ids[status] = await dealIn(w, status);
  }
  ids.TakenLate = ids.Taken;
  return { w, ids: ids as DealIds };
}

/** The same deals after the Taken deal's payment deadline has passed. */
export async function dealsAfterDeadline() {
  const state = await loadFixture(dealsInEveryStatus);
  await time.increase(ONE_DAY + 1);
  return state;
}

export { DealStatus };
