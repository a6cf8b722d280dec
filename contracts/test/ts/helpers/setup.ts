// One Hardhat network connection for the whole TypeScript suite. The node test runner loads
// every test file into the same process, so importing this module from each file shares one
// in-process chain; `loadFixture` snapshots keep the tests independent of each other.
import { network } from "hardhat";
import { getAddress, type Address } from "viem";

export const { viem, networkHelpers } = await network.create();
export const { loadFixture, time } = networkHelpers;
export const publicClient = await viem.getPublicClient();

/** Native ETH, as every escrow function spells it. */
export const ETH: Address = "0x0000000000000000000000000000000000000000";
/** The zero address where a party is optional (an offer's taker, a deal's buyer). */
export const ZERO: Address = ETH;
/** The most a trade can hold: 2^128 - 1. */
export const MAX_AMOUNT = 2n ** 128n - 1n;
/** 1 whole unit of an 18-decimal token. */
export const ONE = 10n ** 18n;

// The enums are written out from the specification (docs/spec.md) on purpose, not imported from @peerlock/sdk (which
// generates them from the contracts): these tests check the contracts against the spec.

/** Deal statuses, in the order of `IDealEscrow.DealStatus`. */
export const DealStatus = {
  None: 0,
  Listed: 1,
  Taken: 2,
  Paid: 3,
  Disputed: 4,
  Released: 5,
  Refunded: 6,
  Resolved: 7,
} as const;
export type DealStatusName = keyof typeof DealStatus;

/** Offer statuses, in the order of `ISwapEscrow.OfferStatus`. */
export const OfferStatus = { None: 0, Open: 1, Filled: 2, Cancelled: 3 } as const;

/** Checksums an address so it compares equal to what viem decodes from the chain. */
export const addr = (a: Address): Address => getAddress(a);

/** ETH balance of an account. */
export async function ethBalance(account: Address): Promise<bigint> {
  return publicClient.getBalance({ address: account });
}

/** Timestamp of the latest block, as a bigint to compare with on-chain values. */
export async function now(): Promise<bigint> {
  return BigInt(await time.latest());
}

/** Makes the next transaction's block carry exactly `timestamp`. */
export async function atNextBlock(timestamp: bigint): Promise<void> {
  await time.setNextBlockTimestamp(timestamp);
}
