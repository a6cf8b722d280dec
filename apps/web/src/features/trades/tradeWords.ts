/**
 * How the pages name each kind of trade. /offers/[id] and /deals/[id] word every state alike,
 * so the words live here once; the tab title and the page's h1 come from the same function.
 */
export const tradeWords = {
  offer: { Noun: "Offer", aNoun: "an offer", path: "/offers" },
  deal: { Noun: "Deal", aNoun: "a deal", path: "/deals" },
} as const;

export type TradeKind = keyof typeof tradeWords;

/** The heading of a trade's page: "Deal #12", or "Not a deal link" when the URL holds no id. */
export function tradePageTitle(kind: TradeKind, id: bigint | null): string {
  const words = tradeWords[kind];
  return id === null ? `Not ${words.aNoun} link` : `${words.Noun} #${id}`;
}
