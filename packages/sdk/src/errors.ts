import {
  BaseError,
  ContractFunctionRevertedError,
  type ContractErrorArgs,
  type ContractErrorName,
  decodeErrorResult,
  type Hex,
  HttpRequestError,
  InsufficientFundsError,
  TimeoutError,
} from "viem";
import { dealEscrowAbi, signedSwapAbi, swapEscrowAbi, testTokenAbi } from "./generated/abis.js";

type SwapErrorName = ContractErrorName<typeof swapEscrowAbi>;
type DealErrorName = ContractErrorName<typeof dealEscrowAbi>;
/** SignedSwap's errors, including the four only `check` reports. */
export type SignedSwapErrorName = ContractErrorName<typeof signedSwapAbi>;
/** ERC-6093's standard ERC-20 errors (OpenZeppelin's), which SafeERC20 passes through. */
type TokenErrorName = ContractErrorName<typeof testTokenAbi>;
export type PeerlockErrorName = SwapErrorName | DealErrorName | SignedSwapErrorName | TokenErrorName;

export type PeerlockErrorKind = "rejected" | "contract" | "funds" | "network" | "unknown";

export type DecodedPeerlockError = {
  kind: PeerlockErrorKind;
  /** The custom error's name when the contract reverted with one. */
  name?: PeerlockErrorName;
  /** One plain sentence for a person. */
  message: string;
};

type Args<N extends PeerlockErrorName> = N extends SwapErrorName
  ? ContractErrorArgs<typeof swapEscrowAbi, N>
  : N extends DealErrorName
    ? ContractErrorArgs<typeof dealEscrowAbi, N>
    : N extends SignedSwapErrorName
      ? ContractErrorArgs<typeof signedSwapAbi, N>
      : N extends TokenErrorName
        ? ContractErrorArgs<typeof testTokenAbi, N>
        : never;

/** Every custom error either escrow can revert with, in words. Missing one is a type error. */
const MESSAGES: { [N in PeerlockErrorName]: (args: Args<N>) => string } = {
  // shared intake and payouts
  ZeroAmount: () => "Amounts must be greater than zero.",
  AmountTooLarge: () => "That amount is too large: a trade can hold at most 2^128 - 1 units of a token.",
  InvalidValue: () => "The ETH sent with the transaction does not match the amount due.",
  UnsupportedToken: ([token]) =>
    `The token ${token} is not supported: it is not a contract, or it delivers a different amount than was sent (fee-on-transfer).`,
  PaymentRefused: ([token]) =>
    `The token ${token} refused to move your payment to the other party, although that party accepts it: a rule of your account for this token (a send hook or a blocklist) stops it.`,
  NothingToWithdraw: () => "You have nothing to withdraw for this token.",
  SafeERC20FailedOperation: ([token]) => `The token ${token} refused the transfer. Check your balance and that the escrow is approved to spend it.`,
  ReentrancyGuardReentrantCall: () => "The token tried to call back into the escrow mid-transfer; the transaction was stopped.",
  FailedCall: () => "Sending ETH to your account failed. Your credit is kept; try again from an account that can receive ETH.",
  InsufficientBalance: () => "The escrow does not hold enough ETH for this payout.",
  // offers
  SameToken: () => "You cannot trade a token for itself: pick two different tokens.",
  InvalidExpiry: () => "The expiry must be in the future.",
  InvalidTaker: () => "You cannot be the taker of your own offer.",
  OfferNotOpen: () => "This offer is no longer open: it was filled or cancelled.",
  OfferExpired: () => "This offer has expired and can no longer be filled.",
  NotTaker: () => "This offer is private to another account.",
  NotMaker: () => "Only the maker can cancel this offer.",
  InvalidFillAmount: () => "The fill amount must be more than zero and no more than what remains of the offer.",
  PartialFillNotAllowed: () => "This offer must be filled in full.",
  // signed offers (SignedSwap; ZeroAmount, SameToken, NotTaker, InvalidTaker and the fill
  // amount errors are shared with offers above)
  OrderExpired: () => "This signed offer has expired and can no longer be filled.",
  NonceUsed: () => "This signed offer was already filled or cancelled by its maker.",
  InvalidSignature: () =>
    "This signed offer's signature is not the maker's, or was made for another chain or contract. Ask the maker for a new link.",
  MakerBalanceLow: () => "The maker no longer holds enough of the token they offered.",
  MakerAllowanceLow: () => "The maker has not approved Peerlock to send enough of the token they offered.",
  TakerBalanceLow: () => "Your balance of the token you pay with is too low for this fill.",
  TakerAllowanceLow: () => "Approve Peerlock to spend the token you pay with first.",
  // OpenZeppelin ShortStrings, from SignedSwap's EIP-712 constructor: only at deployment
  InvalidShortString: () => "The contract's EIP-712 name is malformed.",
  StringTooLong: () => "The contract's EIP-712 name or version is too long.",
  // deals
  InvalidArbiter: () => "The arbiter must be a third party: not empty, not the seller and not the buyer.",
  InvalidBuyer: () => "You cannot be the buyer of your own deal.",
  FeeTooHigh: () => "The arbiter fee can be at most 10 %.",
  InvalidWindow: () => "The payment window must be between 5 minutes and 30 days.",
  NotAllowed: () => "Your account is not allowed to do this on this deal.",
  InvalidStatus: () => "The deal is not in a state that allows this any more. Refresh to see where it stands.",
  PaymentWindowOver: () => "The payment window has closed; the payment can no longer be marked as made.",
  PaymentWindowOpen: () => "The buyer's payment window is still open; you can cancel once it has passed.",
  InvalidShare: () => "The buyer's share must be between 0 % and 100 %.",
  // ERC-6093 token errors bubbling up from a transfer
  ERC20InsufficientBalance: () => "Your token balance is too low for this.",
  ERC20InsufficientAllowance: () => "The escrow is not allowed to spend enough of this token: approve it first.",
  ERC20InvalidReceiver: ([receiver]) => `The token refuses to send to ${receiver}.`,
  ERC20InvalidSender: ([sender]) => `The token refuses to send from ${sender}.`,
  ERC20InvalidApprover: ([approver]) => `The token refuses approvals from ${approver}.`,
  ERC20InvalidSpender: ([spender]) => `The token refuses ${spender} as a spender.`,
};

const knownAbis = [swapEscrowAbi, dealEscrowAbi, signedSwapAbi, testTokenAbi] as const;

/** EIP-1193 4001 and EIP-5792 5750: the user said no in the wallet. */
const REJECTION_CODES = new Set([4001, 5750]);

/**
 * Turns anything a write or read threw into one plain sentence. Custom errors come from every
 * Peerlock contract's ABI (SwapEscrow, DealEscrow, SignedSwap, ERC-6093 token errors) (so no string matching of revert text); a rejection in the wallet is its own kind,
 * to be shown as a calm cancel rather than a failure.
 */
export function decodePeerlockError(error: unknown): DecodedPeerlockError {
  if (isRejection(error)) return { kind: "rejected", message: "You cancelled the request in your wallet. Nothing was sent." };

  const name = revertedErrorName(error);
  if (name) return { kind: "contract", name: name.name, message: describe(name.name, name.args) };

  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof InsufficientFundsError)) {
      return { kind: "funds", message: "Your account does not have enough ETH to pay for this transaction and its gas." };
    }
    if (error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError)) {
      return { kind: "network", message: "The network could not be reached. Check your connection and try again." };
    }
    if (error.walk((e) => e instanceof ContractFunctionRevertedError)) {
      return { kind: "contract", message: "The contract refused the transaction without giving a reason." };
    }
    return { kind: "unknown", message: `Something went wrong: ${error.shortMessage}` };
  }
  return { kind: "unknown", message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
}

function describe(name: PeerlockErrorName, args: readonly unknown[] | undefined): string {
  const message = MESSAGES[name] as (args: readonly unknown[]) => string;
  return message(args ?? []);
}

function isRejection(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "number" && REJECTION_CODES.has(code)) return true;
  }
  return false;
}

function revertedErrorName(error: unknown): { name: PeerlockErrorName; args?: readonly unknown[] } | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null;
  if (reverted?.data?.errorName && reverted.data.errorName in MESSAGES) {
    return { name: reverted.data.errorName as PeerlockErrorName, args: reverted.data.args };
  }
  // The revert came through a call that did not know our ABI (e.g. a raw transaction): decode it here.
  const raw = reverted?.raw ?? findRevertData(error);
  if (!raw) return undefined;
  for (const abi of knownAbis) {
    try {
      const decoded = decodeErrorResult({ abi, data: raw });
      if (decoded.errorName in MESSAGES) return { name: decoded.errorName as PeerlockErrorName, args: decoded.args };
    } catch {
      // not an error of this ABI
    }
  }
  return undefined;
}

function findRevertData(error: BaseError): Hex | undefined {
  const withData = error.walk((e) => typeof (e as { data?: unknown }).data === "string") as { data?: string } | null;
  const data = withData?.data;
  return typeof data === "string" && /^0x[0-9a-fA-F]{8}/.test(data) ? (data as Hex) : undefined;
}

/** One SignedSwap error in words (as `check` reports them). */
export function describeSignedSwapError(name: SignedSwapErrorName): string {
  return describe(name, []);
}

/** The names of every custom error the SDK can put into words (for tests and docs). */
export const peerlockErrorNames = Object.keys(MESSAGES) as PeerlockErrorName[];

/** @deprecated The old name, from when only the escrows' errors were decoded: use `decodePeerlockError`. */
export const decodeEscrowError = decodePeerlockError;
/** @deprecated Use `peerlockErrorNames`. */
export const escrowErrorNames = peerlockErrorNames;
/** @deprecated Use `DecodedPeerlockError`. */
export type DecodedEscrowError = DecodedPeerlockError;
/** @deprecated Use `PeerlockErrorKind`. */
export type EscrowErrorKind = PeerlockErrorKind;
/** @deprecated Use `PeerlockErrorName`. */
export type EscrowErrorName = PeerlockErrorName;
