import { type Deal, type DealTermsWire, hashDealTermsFromPrivateHash, parsePublicTerms, sameHash } from "@peerlock/sdk";
import { eq, inArray, ne } from "drizzle-orm";
import type { Address } from "viem";
import { dealAllowing, mayReadPrivate, requireDeal, roleOf } from "./access";
import { getDb } from "../shared/db/client";
import { dealTerms } from "./db/schema";
import { HttpError } from "../shared/http/errors";

export type PublicTermsRecord = { dealId: string; publicTerms: string; privateDetailsHash: string; termsHash: string };

/**
 * Stores a deal's terms: only from its seller, only when the public text and the private hash
 * make the on-chain termsHash. The private details arrive sealed in the seller's browser: this
 * server never sees them (it checks the public part, which is all it could check).
 */
export async function saveTerms(dealId: bigint, author: Address, input: DealTermsWire): Promise<PublicTermsRecord> {
  const deal = await requireDeal(dealId);
  if (roleOf(deal, author) !== "seller") throw new HttpError(403, "Only the deal's seller may publish its terms.");
  return storeTerms(dealId, deal, input, "seller");
}

/**
 * Stores terms that hash to `deal`'s termsHash. The hash pins the plaintext but not the sealed
 * copy of the details, which only a reader's browser can open: so the signed-in seller's post
 * replaces a stored sealed copy (the seller may re-seal), while terms read from a relay (anyone
 * may publish them there) only fill an empty slot, or replace terms of an older deal under this
 * id (a reset dev chain).
 */
export async function storeTerms(dealId: bigint, deal: Deal, input: DealTermsWire, from: "seller" | "relay"): Promise<PublicTermsRecord> {
  const parsed = parsePublicTerms(input.publicTerms);
  if (!parsed.ok) throw new HttpError(400, parsed.error);
  const termsHash = hashDealTermsFromPrivateHash(input.publicTerms, input.privateDetailsHash);
  if (!sameHash(termsHash, deal.termsHash)) throw new HttpError(400, "These terms do not hash to the deal's on-chain termsHash.");
  const record = {
    dealId: dealId.toString(),
    publicTerms: input.publicTerms,
    sealedDetails: input.sealedDetails,
    privateDetailsHash: input.privateDetailsHash,
    termsHash,
  };
  await (await getDb())
    .insert(dealTerms)
    .values(record)
    .onConflictDoUpdate({ target: dealTerms.dealId, set: record, ...(from === "relay" ? { setWhere: ne(dealTerms.termsHash, termsHash) } : {}) });
  return { dealId: record.dealId, publicTerms: input.publicTerms, privateDetailsHash: record.privateDetailsHash, termsHash };
}

/** Public terms of several deals (the market list); deals without stored terms are left out. */
export async function publicTermsOf(dealIds: bigint[]): Promise<PublicTermsRecord[]> {
  if (dealIds.length === 0) return [];
  return (await getDb())
    .select({
      dealId: dealTerms.dealId,
      publicTerms: dealTerms.publicTerms,
      privateDetailsHash: dealTerms.privateDetailsHash,
      termsHash: dealTerms.termsHash,
    })
    .from(dealTerms)
    .where(inArray(dealTerms.dealId, dealIds.map(String)));
}

/** The sealed private details, for those who may read them (defence in depth: they are ciphertext). */
export async function sealedDetailsFor(dealId: bigint, reader: Address | undefined): Promise<string> {
  const { allowed } = await dealAllowing(dealId, (deal) => mayReadPrivate(deal, roleOf(deal, reader)));
  if (!allowed) {
    throw new HttpError(403, "Only the seller, the buyer once the deal is taken, and the arbiter once it is disputed may read the payment details.");
  }
  const rows = await (await getDb())
    .select({ sealedDetails: dealTerms.sealedDetails })
    .from(dealTerms)
    .where(eq(dealTerms.dealId, dealId.toString()));
  if (!rows[0]) throw new HttpError(404, "The seller has not published this deal's terms here.");
  if (!rows[0].sealedDetails) throw new HttpError(404, "The seller has not published this deal's sealed payment details yet.");
  return rows[0].sealedDetails;
}
