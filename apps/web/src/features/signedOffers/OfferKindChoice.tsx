"use client";

import { useEffect, useId, useRef } from "react";
import type { OfferKind } from "./signedOffer";

const KINDS: { value: OfferKind; label: string; hint: string }[] = [
  { value: "escrowed", label: "Escrowed", hint: "Locked in the escrow now: always fillable. Posting is a transaction." },
  { value: "signed", label: "Signed", hint: "Free to post: you sign, keep the tokens and only approve. Fillable while you hold them." },
];

/** The choice between an escrowed offer (SwapEscrow) and a signed one (SignedSwap). */
export function OfferKindChoice({ value, onChange }: { value: OfferKind; onChange: (kind: OfferKind) => void }) {
  const id = useId();
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // A choice clicked before React hydrated is checked in the page but not in state: adopt it, so
  // the click counts instead of being silently undone.
  useEffect(() => {
    const checked = fieldset.current?.querySelector<HTMLInputElement>("input[type=radio]:checked");
    const clicked = KINDS.find((k) => k.value === checked?.value)?.value;
    if (clicked && clicked !== value) onChange(clicked);
    // once, right after hydration
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <fieldset data-testid="offer-kind" ref={fieldset}>
      <legend>Kind of offer</legend>
      <div className="grid-2">
        {KINDS.map((kind) => (
          <label key={kind.value} className="checkbox" htmlFor={`${id}-${kind.value}`}>
            <input
              id={`${id}-${kind.value}`}
              type="radio"
              name={`${id}-kind`}
              value={kind.value}
              checked={value === kind.value}
              onChange={() => onChange(kind.value)}
            />
            <span>
              <strong>{kind.label}</strong>
              <br />
              <span className="hint">{kind.hint}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
