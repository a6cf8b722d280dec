/**
 * The reputation of an address as the indexer's read API serves it (`GET /api/reputation/:address`).
 * Every figure comes from contract events only, so anyone can recompute it; the rules are the
 * spec's "Indexer and reputation" and are written out in apps/indexer/README.md.
 */
export type Reputation = {
  address: string;
  /** OfferFilled events on offers it made. */
  fillsAsMaker: number;
  /** OfferFilled events it sent as the taker. */
  fillsAsTaker: number;
  /** Deals it sold that ended with DealReleased. */
  dealsReleasedAsSeller: number;
  /** Deals it bought that ended with DealReleased. */
  dealsReleasedAsBuyer: number;
  /** Deals it was seller or buyer of that the arbiter resolved. */
  dealsResolved: number;
  /** Each of those, with the buyer share the arbiter gave (basis points). */
  resolutions: { dealId: string; role: "seller" | "buyer"; buyerShareBps: number }[];
  /** DealDisputed events with `by` = this address. */
  disputesOpened: number;
  /** Deals it took and never paid, which the seller cancelled after the deadline. */
  lapsedAsBuyer: number;
  /** Deals it took and then cancelled itself. */
  backedOutAsBuyer: number;
  /** Median seconds from DealTaken to DealPaid on deals it bought (null: none paid). */
  medianSecondsTakenToPaid: number | null;
  /** Median seconds from DealPaid to DealReleased on deals it sold (null: none). */
  medianSecondsPaidToReleased: number | null;
  /** OfferFilled events plus Released/Resolved deals it was a party to. */
  completedTrades: number;
  /** completedTrades / (completedTrades + lapsedAsBuyer + backedOutAsBuyer); null when 0/0. */
  completionRate: number | null;
  /** Block time (unix seconds) of its first and last completed trade. */
  firstTradeAt: string | null;
  lastTradeAt: string | null;
  /** Per token address: the amounts its completed trades moved (both legs of a fill, the whole escrow of a deal). */
  volumeByToken: Record<string, string>;
  /**
   * SignedSwap OrderFilled events it signed as the maker / sent as the taker. Extra fields
   * outside SPEC's rules: they count toward none of the figures above.
   */
  signedFillsAsMaker: number;
  signedFillsAsTaker: number;
};
