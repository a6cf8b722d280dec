import type { PublicTerms } from "@peerlock/sdk";

/** Public terms as a list of facts; every value is React text, never HTML. */
export function PublicTermsView({ terms }: { terms: PublicTerms }) {
  const limits = [terms.minFiat && `from ${terms.minFiat}`, terms.maxFiat && `up to ${terms.maxFiat}`].filter(Boolean).join(" ");
  return (
    <dl className="facts" data-testid="public-terms">
      <dt>Price</dt>
      <dd data-testid="terms-price">
        {terms.pricePerUnit} {terms.fiatCurrency} per unit
      </dd>
      <dt>Payment method</dt>
      <dd data-testid="terms-method">{terms.paymentMethod}</dd>
      {limits ? (
        <>
          <dt>Limits</dt>
          <dd>
            {limits} {terms.fiatCurrency}
          </dd>
        </>
      ) : null}
      {terms.notes ? (
        <>
          <dt>Notes</dt>
          <dd className="terms-text" data-testid="terms-notes">
            {terms.notes}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
