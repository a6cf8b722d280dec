import { keccak256, maxUint256, parseEther, stringToHex, type Address } from "viem";
import { ETH, type World } from "./world.ts";

/**
 * cold: the first time. A freshly deployed escrow (counters at zero, holding nothing),
 *   payers holding only what they pay with and approving exactly the amount, recipients
 *   receiving a token they have never held.
 * warm: a regular. Counters nonzero, the escrow already holding both tokens and ETH for
 *   other trades, every party holding both tokens with unlimited approvals, every call
 *   made once before.
 */
export type Mode = "cold" | "warm";

export interface Scenario {
  call: string;
  variant: string;
  /** The gas target for the warm measurement, where there is one. */
  warmTarget?: bigint;
  /** Sets up what the measured call needs, sends it, and returns its gasUsed. */
  run(world: World, mode: Mode): Promise<bigint>;
}

// Fixed inputs: calldata gas depends on the bytes sent, so nothing here may vary per run.
const SELL = parseEther("100");
const PRICE = parseEther("250"); // in token B, for the whole SELL
const ETH_PRICE = parseEther("2"); // in ETH, for the whole SELL
const ETH_SELL = parseEther("1");
const PART = parseEther("40"); // a partial fill of SELL
const EXPIRY = 4_000_000_000n; // year 2096: set (as the app does) but never reached
const FEE_BPS = 100;
const PAYMENT_WINDOW = 24 * 60 * 60;
const TERMS_HASH = keccak256(stringToHex("Bank transfer, reference PEERLOCK-1, within 24 hours."));

/** Gets `payer` ready to pay `amount` of `token` to `spender`; regulars are ready already. */
async function readyToPay(w: World, mode: Mode, token: Address, payer: keyof World["actors"], spender: Address, amount: bigint) {
  if (mode === "warm" || token === ETH) return;
  const erc20 = token === w.tokenA.address ? w.tokenA : w.tokenB;
  await w.fundFirstTime(erc20, w.actors[payer], spender, amount);
}

// --- SwapEscrow -------------------------------------------------------------------------

/** The maker offers SELL of token A for `buyToken`; returns the gas and the new id. */
async function createOffer(w: World, mode: Mode, sellToken: Address, buyToken: Address) {
  const sellAmount = sellToken === ETH ? ETH_SELL : SELL;
  const buyAmount = buyToken === ETH ? ETH_PRICE : PRICE;
  await readyToPay(w, mode, sellToken, "maker", w.swap.address, sellAmount);
  const value = sellToken === ETH ? sellAmount : 0n;
  const gas = await w.gasOf(
    w.swap.write.createOffer([sellToken, sellAmount, buyToken, buyAmount, ETH, EXPIRY, true], w.txPaying(w.actors.maker, value)),
  );
  return { gas, offerId: await w.lastOfferId() };
}

function fillScenario(variant: string, buyToken: Address | "B", amount: bigint, warmTarget?: bigint): Scenario {
  return {
    call: "fillOffer",
    variant,
    warmTarget,
    async run(w, mode) {
      const buy = buyToken === "B" ? w.tokenB.address : buyToken;
      const { offerId } = await createOffer(w, mode, w.tokenA.address, buy);
      const price = await w.quoteFill(offerId, amount);
      await readyToPay(w, mode, buy, "taker", w.swap.address, price);
      const value = buy === ETH ? price : 0n;
      return w.gasOf(w.swap.write.fillOffer([offerId, amount], w.txPaying(w.actors.taker, value)));
    },
  };
}

const swapScenarios: Scenario[] = [
  {
    call: "createOffer",
    variant: "ERC-20 sell",
    warmTarget: 165_000n,
    run: async (w, mode) => (await createOffer(w, mode, w.tokenA.address, w.tokenB.address)).gas,
  },
  {
    call: "createOffer",
    variant: "ETH sell",
    run: async (w, mode) => (await createOffer(w, mode, ETH, w.tokenB.address)).gas,
  },
  fillScenario("full, ERC-20 buy leg", "B", SELL, 68_000n),
  fillScenario("partial, ERC-20 buy leg", "B", PART),
  fillScenario("full, ETH buy leg", ETH, SELL),
  fillScenario("partial, ETH buy leg", ETH, PART),
  {
    call: "cancelOffer",
    variant: "ERC-20 refund",
    async run(w, mode) {
      const { offerId } = await createOffer(w, mode, w.tokenA.address, w.tokenB.address);
      return w.gasOf(w.swap.write.cancelOffer([offerId], w.tx(w.actors.maker)));
    },
  },
];

// --- SignedSwap -------------------------------------------------------------------------

/**
 * Signed orders sell SELL of token A for PRICE of token B, public, with an expiry. Each
 * scenario signs a fresh nonce in the maker's first nonce word; warm, that word is already
 * written (by the warm-up's fills and cancels), as it is for any maker past its first order.
 */
let nextNonce = 1n;

function signedOrder(w: World, partialFills: boolean) {
  return {
    maker: w.actors.maker.account.address,
    taker: ETH,
    sellToken: w.tokenA.address,
    sellAmount: SELL,
    buyToken: w.tokenB.address,
    buyAmount: PRICE,
    expiry: EXPIRY,
    nonce: nextNonce++,
    partialFills,
  };
}

function signedFillScenario(variant: string, partialFills: boolean, amount: bigint, warmTarget?: bigint): Scenario {
  return {
    call: "fillOrder",
    variant,
    warmTarget,
    async run(w, mode) {
      const order = signedOrder(w, partialFills);
      const signature = await w.sign(order);
      // cold: the maker approves exactly what it sells, the taker exactly what it pays
      await readyToPay(w, mode, order.sellToken, "maker", w.signed.address, order.sellAmount);
      await readyToPay(w, mode, order.buyToken, "taker", w.signed.address, order.buyAmount);
      return w.gasOf(w.signed.write.fillOrder([order, signature, amount], w.tx(w.actors.taker)));
    },
  };
}

const signedScenarios: Scenario[] = [
  signedFillScenario("full, no partial fills", false, SELL, 73_000n),
  signedFillScenario("partial, first fill", true, PART),
  {
    call: "cancel",
    variant: "one nonce",
    run: (w) => w.gasOf(w.signed.write.cancel([[nextNonce++]], w.tx(w.actors.maker))),
  },
  {
    call: "invalidateNonces",
    variant: "a word (256 nonces)",
    // word 1: nonces 256..511, past any nonce the fills above use
    run: (w) => w.gasOf(w.signed.write.invalidateNonces([1n, maxUint256], w.tx(w.actors.maker))),
  },
];

// --- DealEscrow -------------------------------------------------------------------------

type DealStep = "open" | "take" | "markPaid" | "dispute";
const STEPS: DealStep[] = ["open", "take", "markPaid", "dispute"];

/** Opens a deal of SELL token A (or ETH_SELL of ETH) listed to anyone, then walks it up to `until`. */
async function dealUpTo(w: World, mode: Mode, token: Address, until: DealStep) {
  const { seller, buyer, arbiter } = w.actors;
  const amount = token === ETH ? ETH_SELL : SELL;
  await readyToPay(w, mode, token, "seller", w.deal.address, amount);
  const gas: Partial<Record<DealStep, bigint>> = {};
  gas.open = await w.gasOf(
    w.deal.write.openDeal(
      [token, amount, ETH, arbiter.account.address, FEE_BPS, PAYMENT_WINDOW, TERMS_HASH],
      w.txPaying(seller, token === ETH ? amount : 0n),
    ),
  );
  const dealId = await w.lastDealId();
  for (const step of STEPS.slice(1, STEPS.indexOf(until) + 1)) {
    if (step === "take") gas.take = await w.gasOf(w.deal.write.takeDeal([dealId], w.tx(buyer)));
    if (step === "markPaid") gas.markPaid = await w.gasOf(w.deal.write.markPaid([dealId], w.tx(buyer)));
    if (step === "dispute") gas.dispute = await w.gasOf(w.deal.write.dispute([dealId], w.tx(buyer)));
  }
  return { dealId, gas };
}

function stepScenario(call: string, variant: string, step: DealStep, eth = false, warmTarget?: bigint): Scenario {
  return {
    call,
    variant,
    warmTarget,
    async run(w, mode) {
      const { gas } = await dealUpTo(w, mode, eth ? ETH : w.tokenA.address, step);
      return gas[step]!;
    },
  };
}

/** A release to a buyer that cannot receive, so the payout is credited; then the buyer withdraws. */
function withdrawScenario(variant: string, eth: boolean): Scenario {
  return {
    call: "withdraw",
    variant,
    async run(w, mode) {
      const token = eth ? ETH : w.tokenA.address;
      const { dealId } = await dealUpTo(w, mode, token, "markPaid");
      // ETH: the buyer refuses the push; ERC-20: the token refuses the transfer
      const blocked = eth ? w.actors.buyer.account.address : token;
      await w.whileBlocked(blocked, () => w.gasOf(w.deal.write.release([dealId], w.tx(w.actors.seller))));
      return w.gasOf(w.deal.write.withdraw([token], w.tx(w.actors.buyer)));
    },
  };
}

const dealScenarios: Scenario[] = [
  stepScenario("openDeal", "ERC-20", "open", false, 190_000n),
  stepScenario("openDeal", "ETH", "open", true),
  stepScenario("takeDeal", "listed to anyone", "take"),
  stepScenario("markPaid", "by the buyer", "markPaid"),
  {
    call: "release",
    variant: "ERC-20, from Paid",
    warmTarget: 50_000n,
    async run(w, mode) {
      const { dealId } = await dealUpTo(w, mode, w.tokenA.address, "markPaid");
      return w.gasOf(w.deal.write.release([dealId], w.tx(w.actors.seller)));
    },
  },
  {
    call: "cancelDeal",
    variant: "seller, Listed, ERC-20",
    async run(w, mode) {
      const { dealId } = await dealUpTo(w, mode, w.tokenA.address, "open");
      return w.gasOf(w.deal.write.cancelDeal([dealId], w.tx(w.actors.seller)));
    },
  },
  stepScenario("dispute", "by the buyer", "dispute"),
  {
    call: "resolve",
    variant: "ERC-20, fee + 50/50 split",
    async run(w, mode) {
      const { dealId } = await dealUpTo(w, mode, w.tokenA.address, "dispute");
      return w.gasOf(w.deal.write.resolve([dealId, 5_000], w.tx(w.actors.arbiter)));
    },
  },
  withdrawScenario("ETH credit", true),
  withdrawScenario("ERC-20 credit", false),
];

export const scenarios: Scenario[] = [...swapScenarios, ...signedScenarios, ...dealScenarios];

/**
 * Turns a fresh world into the warm one: every party a regular, the escrows holding other
 * trades' tokens and ETH, and every scenario played once.
 */
export async function warmUp(w: World) {
  const { maker, taker, seller, buyer, arbiter, stockist } = w.actors;
  for (const actor of [maker, taker, seller, buyer, arbiter, stockist]) await w.fundRegular(actor);

  // Open trades that stay open, so the escrows' balances never drop to zero.
  const a = w.tokenA.address;
  const b = w.tokenB.address;
  const stock = w.tx(stockist);
  await w.gasOf(w.swap.write.createOffer([a, SELL, b, PRICE, ETH, 0n, true], stock));
  await w.gasOf(w.swap.write.createOffer([b, SELL, a, PRICE, ETH, 0n, true], stock));
  await w.gasOf(w.swap.write.createOffer([ETH, ETH_SELL, a, PRICE, ETH, 0n, true], w.txPaying(stockist, ETH_SELL)));
  for (const token of [a, b, ETH]) {
    const amount = token === ETH ? ETH_SELL : SELL;
    await w.gasOf(
      w.deal.write.openDeal(
        [token, amount, ETH, arbiter.account.address, FEE_BPS, PAYMENT_WINDOW, TERMS_HASH],
        w.txPaying(stockist, token === ETH ? amount : 0n),
      ),
    );
  }

  for (const scenario of scenarios) await scenario.run(w, "warm");
}
