"use client";

import type { PublicTerms } from "@peerlock/sdk";
import { publicTermsLimits } from "@peerlock/sdk";
import { useId } from "react";
import { FieldHint } from "@/components/FieldHint";
import { DecimalInput } from "@/components/TextInputs";

export const emptyPublicTerms: PublicTerms = { pricePerUnit: "", fiatCurrency: "EUR", paymentMethod: "", minFiat: "", maxFiat: "", notes: "" };

type Props = {
  terms: PublicTerms;
  onChange: (terms: PublicTerms) => void;
  privateDetails: string;
  onPrivateDetailsChange: (text: string) => void;
  termsError?: string;
  privateError?: string;
};

/** The two parts of a deal's terms: public fields (written as JSON) and private payment details. */
export function PublicTermsFields({ terms, onChange, privateDetails, onPrivateDetailsChange, termsError, privateError }: Props) {
  const id = useId();
  const set = (key: keyof PublicTerms) => (value: string) => onChange({ ...terms, [key]: value });
  const touched = terms.pricePerUnit !== "" || terms.paymentMethod !== "";
  return (
    <fieldset className="terms-fields">
      <legend>Public terms (anyone can read them)</legend>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-price`}>Price per unit</label>
          <DecimalInput id={`${id}-price`} value={terms.pricePerUnit} onChange={set("pricePerUnit")} data-testid="terms-price-input" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-currency`}>Fiat currency</label>
          <input
            id={`${id}-currency`}
            type="text"
            maxLength={3}
            autoComplete="off"
            value={terms.fiatCurrency}
            onChange={(e) => set("fiatCurrency")(e.target.value.toUpperCase())}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-method`}>Payment method</label>
        <input
          id={`${id}-method`}
          type="text"
          maxLength={publicTermsLimits.paymentMethod}
          autoComplete="off"
          placeholder="SEPA transfer"
          value={terms.paymentMethod}
          onChange={(e) => set("paymentMethod")(e.target.value)}
          data-testid="terms-method-input"
        />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-min`}>Minimum (fiat, optional)</label>
          <DecimalInput id={`${id}-min`} value={terms.minFiat} onChange={set("minFiat")} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Maximum (fiat, optional)</label>
          <DecimalInput id={`${id}-max`} value={terms.maxFiat} onChange={set("maxFiat")} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes (optional)</label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={publicTermsLimits.notes}
          value={terms.notes}
          onChange={(e) => set("notes")(e.target.value)}
          data-testid="terms-notes-input"
          aria-describedby={`${id}-terms-hint`}
        />
        <FieldHint id={`${id}-terms-hint`} error={touched ? termsError : undefined}>
          Shown in the market and on the deal page; the chain stores a fingerprint that commits to these and the details below.
        </FieldHint>
      </div>
      <div className="field">
        <label htmlFor={`${id}-private`}>Payment details (private)</label>
        <textarea
          id={`${id}-private`}
          rows={4}
          maxLength={4000}
          placeholder={"Account holder, IBAN, reference…"}
          value={privateDetails}
          onChange={(e) => onPrivateDetailsChange(e.target.value)}
          aria-describedby={`${id}-private-hint`}
          data-testid="terms-private-input"
        />
        <FieldHint id={`${id}-private-hint`} error={privateDetails !== "" ? privateError : undefined}>
          <span aria-hidden="true">🔒 </span>End-to-end encrypted in this browser: only you, the buyer and (in a dispute) the arbiter can read this.
          No server, and no share link, ever carries them in plain text.
        </FieldHint>
      </div>
    </fieldset>
  );
}
