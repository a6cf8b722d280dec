// Creating offers with readable defaults, for the SwapEscrow tests.
import type { Address } from "viem";
import type { World } from "./fixtures.ts";
import { ETH, ONE, ZERO } from "./setup.ts";

export interface OfferParams {
  sellToken: Address;
  sellAmount: bigint;
  buyToken: Address;
  buyAmount: bigint;
  taker: Address;
  expiry: bigint;
  partialFills: boolean;
}

/** 100 A for 250 B, public, never expiring, partial fills allowed. */
export function defaultOffer(w: World, overrides: Partial<OfferParams> = {}): OfferParams {
  return {
    sellToken: w.tokenA.address,
    sellAmount: 100n * ONE,
    buyToken: w.tokenB.address,
    buyAmount: 250n * 10n ** 6n,
    taker: ZERO,
    expiry: 0n,
    partialFills: true,
    ...overrides,
  };
}

/** Arguments of `createOffer` in ABI order. */
export function offerArgs(p: OfferParams) {
  return [p.sellToken, p.sellAmount, p.buyToken, p.buyAmount, p.taker, p.expiry, p.partialFills] as const;
}

/** Creates an offer as the maker (sending ETH when it sells ETH) and returns its id. */
export async function createOffer(w: World, overrides: Partial<OfferParams> = {}, maker = w.maker): Promise<bigint> {
  const p = defaultOffer(w, overrides);
  const value = p.sellToken === ETH ? p.sellAmount : 0n;
  await w.swap.write.createOffer(offerArgs(p), { account: maker.account, value });
  return w.swap.read.offerCount();
}

/** ceil(a * b / c), the price a fill must charge. */
export function ceilDiv(a: bigint, c: bigint): bigint {
  return (a + c - 1n) / c;
}
