import type { PeerlockErrorName } from "@peerlock/sdk";
import type { QueryKey } from "@tanstack/react-query";
import type { Address, TransactionReceipt } from "viem";
import type { Changed } from "./chainChanges";
import type { ContractCall } from "./contractCall";

export type { Changed };

/** Spending the plan needs: approved for exactly `amount` first, only when the allowance is short. */
export type Approval = { token: Address; spender: Address; amount: bigint; step: string };

export type TxPlan = {
  approval?: Approval;
  calls: readonly ContractCall[];
  /** Queries the calls change, invalidated after the last receipt. */
  invalidate?: readonly QueryKey[];
  /** Offers/deals the calls change, passed to the app's ChainChangesProvider callback (a function when ids come from the receipts). */
  changed?: Changed | ((receipts: TransactionReceipt[]) => Changed);
  onConfirmed?: (receipts: TransactionReceipt[]) => void;
  /**
   * Reverts that prove the chain's clock has reached a time, e.g. `{ OfferExpired: offer.expiry }`.
   * When the contract refuses with one of them, the app's chain clock moves there at once, so every
   * page judges deadlines as the contract just did instead of waiting for the next clock read.
   */
  clockProofs?: Partial<Record<PeerlockErrorName, bigint>>;
};
