import {
  dealLimits,
  hashDealTerms,
  type OpenDealArgs,
  type PublicTerms,
  serializePublicTerms,
  type TokenInfo,
  validatePublicTerms,
} from "@peerlock/sdk";
import { zeroAddress, type Address } from "viem";
import { parseOptionalAddress, sameAddress } from "@/lib/address";
import { formatAmount, parseAmount } from "@/lib/amount";
import { formatWindow } from "@/lib/time";

export const windowUnits = { minutes: 60, hours: 3_600, days: 86_400 } as const;
export type WindowUnit = keyof typeof windowUnits;

export type DealFormInput = {
  token: TokenInfo | undefined;
  amountText: string;
  buyerText: string;
  arbiterText: string;
  /** Arbiter fee in percent, up to two decimals ("1.5" = 150 bps). */
  feeText: string;
  windowText: string;
  windowUnit: WindowUnit;
  /** What a visitor reads (price, currency, method, limits, notes), as typed. */
  publicTerms: PublicTerms;
  /** Payment account details, for the buyer once the deal is taken. */
  privateDetails: string;
  account: Address | undefined;
  balance: bigint | undefined;
};

export type DealFormCheck = {
  errors: { amount?: string; buyer?: string; arbiter?: string; fee?: string; window?: string; terms?: string; privateDetails?: string };
  /** The exact public-terms text hashed into termsHash (and carried by the share link). */
  publicTermsText?: string;
  blockers: string[];
  args?: OpenDealArgs;
  feeBps?: number;
  windowSeconds?: number;
};

/** Percent text to basis points: "1.5" -> 150. */
export function parseFeeBps(text: string): { ok: true; bps: number } | { ok: false; error: string } {
  const parsed = parseAmount(text === "" ? "0" : text, 2, { allowZero: true });
  if (!parsed.ok) return { ok: false, error: parsed.error.replace("this token", "a percentage") };
  if (parsed.value > BigInt(dealLimits.maxArbiterFeeBps)) {
    return { ok: false, error: `The arbiter fee can be at most ${dealLimits.maxArbiterFeeBps / 100} %.` };
  }
  return { ok: true, bps: Number(parsed.value) };
}

/** Validates the open-deal form with the contract's rules before anything is signed. */
export function checkDealForm(f: DealFormInput): DealFormCheck {
  const errors: DealFormCheck["errors"] = {};
  const blockers: string[] = [];

  const amount = f.token ? parseAmount(f.amountText, f.token.decimals) : undefined;
  if (f.amountText.trim() !== "" && amount && !amount.ok) errors.amount = amount.error;

  const buyer = parseOptionalAddress(f.buyerText);
  if (!buyer.ok) errors.buyer = buyer.error;
  else if (buyer.value && sameAddress(buyer.value, f.account)) errors.buyer = "You cannot be the buyer of your own deal.";

  const arbiter = parseOptionalAddress(f.arbiterText);
  if (!arbiter.ok) errors.arbiter = arbiter.error;
  else if (f.arbiterText.trim() !== "") {
    if (sameAddress(arbiter.value, f.account)) errors.arbiter = "The arbiter must be someone else than you, the seller.";
    else if (buyer.ok && buyer.value && sameAddress(arbiter.value, buyer.value)) errors.arbiter = "The arbiter cannot be the buyer.";
  }

  const fee = parseFeeBps(f.feeText.trim());
  if (!fee.ok) errors.fee = fee.error;

  let windowSeconds: number | undefined;
  const windowCount = Number(f.windowText.trim());
  if (f.windowText.trim() === "" || !Number.isSafeInteger(windowCount) || windowCount <= 0) {
    errors.window = "Enter a whole number.";
  } else {
    windowSeconds = windowCount * windowUnits[f.windowUnit];
    if (windowSeconds < dealLimits.minPaymentWindow || windowSeconds > dealLimits.maxPaymentWindow) {
      errors.window = `The payment window must be between ${formatWindow(dealLimits.minPaymentWindow)} and ${formatWindow(dealLimits.maxPaymentWindow)}.`;
    }
  }

  const publicTerms = validatePublicTerms(f.publicTerms);
  if (!publicTerms.ok) errors.terms = publicTerms.error;
  if (f.privateDetails.trim() === "") errors.privateDetails = "Write the payment details the buyer needs: account, name, reference.";

  if (!f.account) blockers.push("Connect a wallet to open a deal.");
  if (!f.token) blockers.push("Choose a token.");
  if (f.arbiterText.trim() === "") blockers.push("Name an arbiter both sides trust.");
  if (amount?.ok && f.token && f.balance !== undefined && f.balance < amount.value) {
    blockers.push(`You hold ${formatAmount(f.balance, f.token.decimals)} ${f.token.symbol}, less than the amount to lock.`);
  }

  const result: DealFormCheck = { errors, blockers, feeBps: fee.ok ? fee.bps : undefined, windowSeconds };
  if (publicTerms.ok) result.publicTermsText = serializePublicTerms(publicTerms.terms);
  if (
    Object.keys(errors).length === 0 &&
    blockers.length === 0 &&
    f.token &&
    amount?.ok &&
    buyer.ok &&
    arbiter.ok &&
    arbiter.value &&
    fee.ok &&
    windowSeconds !== undefined &&
    result.publicTermsText !== undefined
  ) {
    // In openDeal's order, typed by the SDK from the ABI. SPEC v2: both parts are hashed; the
    // share link and the room server carry the same texts.
    const termsHash = hashDealTerms(result.publicTermsText, f.privateDetails);
    result.args = [f.token.address, amount.value, buyer.value ?? zeroAddress, arbiter.value, fee.bps, windowSeconds, termsHash];
  }
  return result;
}
