import { type Deal, DealStatus } from "@peerlock/sdk";
import { type Address, isAddressEqual, zeroAddress } from "viem";
import { HttpError } from "../shared/http/errors";
import { readDeal } from "./deals";

/** SPEC "Deal room", who reads what, decided on the deal's current on-chain state. */
export type Role = "seller" | "buyer" | "arbiter" | "stranger";

export function roleOf(deal: Deal, address: Address | undefined): Role {
  if (!address) return "stranger";
  if (isAddressEqual(deal.seller, address)) return "seller";
  if (deal.buyer !== zeroAddress && isAddressEqual(deal.buyer, address)) return "buyer";
  if (isAddressEqual(deal.arbiter, address)) return "arbiter";
  return "stranger";
}

/** The buyer once the deal is taken (every later status keeps a buyer), the arbiter once disputed (and after it resolves). */
function isPastListed(deal: Deal): boolean {
  return deal.status !== DealStatus.Listed && deal.status !== DealStatus.None;
}

function arbiterMayRead(deal: Deal): boolean {
  return deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;
}

/** privateDetails: the seller; the buyer once Taken; the arbiter once Disputed. */
export function mayReadPrivate(deal: Deal, role: Role): boolean {
  if (role === "seller") return true;
  if (role === "buyer") return isPastListed(deal);
  if (role === "arbiter") return arbiterMayRead(deal);
  return false;
}

/** Messages and evidence: seller and buyer (a buyer exists once taken); the arbiter once Disputed. */
export function mayUseRoom(deal: Deal, role: Role): boolean {
  if (role === "seller" || role === "buyer") return true;
  if (role === "arbiter") return arbiterMayRead(deal);
  return false;
}

export async function requireDeal(dealId: bigint): Promise<Deal> {
  const deal = await readDeal(dealId);
  if (!deal) throw new HttpError(404, `Deal #${dealId} does not exist.`);
  return deal;
}

/** The deal read from the chain now, and whether `allows` grants access on it: no earlier read counts. */
export async function dealAllowing(dealId: bigint, allows: (deal: Deal) => boolean): Promise<{ deal: Deal; allowed: boolean }> {
  const deal = await requireDeal(dealId);
  return { deal, allowed: allows(deal) };
}

export async function requireRoomAccess(dealId: bigint, address: Address): Promise<{ deal: Deal; role: Role }> {
  const { deal, allowed } = await dealAllowing(dealId, (d) => mayUseRoom(d, roleOf(d, address)));
  if (!allowed) throw new HttpError(403, "Only this deal's seller and buyer, and its arbiter once disputed, may see its conversation.");
  return { deal, role: roleOf(deal, address) };
}
