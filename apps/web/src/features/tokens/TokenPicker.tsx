"use client";

import type { TokenInfo } from "@peerlock/sdk";
import { useId, useState } from "react";
import { getAddress, isAddress, type Address } from "viem";
import { FieldHint } from "@/components/FieldHint";
import { AddressInput } from "@/components/TextInputs";
import { knownTokens } from "@/config/deployment";
import { useTokenLookup } from "./hooks";

const OTHER = "other";

/**
 * State of one token choice: a known token of the chain, or any pasted address whose
 * symbol/decimals are read from chain. `token` is undefined until a valid token is chosen.
 */
export function useTokenChoice(initial?: Address) {
  const [choice, setChoice] = useState<string>(initial ?? knownTokens[0]?.address ?? OTHER);
  const [pasted, setPasted] = useState("");
  const trimmed = pasted.trim();
  const pastedAddress: Address | undefined = isAddress(trimmed, { strict: false }) ? getAddress(trimmed) : undefined;
  const lookup = useTokenLookup(choice === OTHER ? pastedAddress : undefined);
  const token: TokenInfo | undefined = choice === OTHER ? lookup.data : knownTokens.find((t) => t.address === choice);

  const error =
    choice !== OTHER || trimmed === ""
      ? undefined
      : !pastedAddress
        ? "This is not a valid address (0x followed by 40 hex digits)."
        : lookup.error
          ? lookup.error.message
          : undefined;
  const hint = lookup.isFetching
    ? "Reading the token…"
    : lookup.data
      ? `${lookup.data.symbol} (${lookup.data.name}), ${lookup.data.decimals} decimals`
      : "Paste the token contract's address.";

  return { token, picker: { choice, setChoice, pasted, setPasted, error, hint } };
}

type Props = ReturnType<typeof useTokenChoice>["picker"] & { label: string; testId?: string };

/** Known tokens in a select, plus "Other token" with an address field and a clear error for non-ERC-20s. */
export function TokenPicker({ label, testId, choice, setChoice, pasted, setPasted, error, hint }: Props) {
  const id = useId();
  return (
    <div className="field" data-testid={testId}>
      <label htmlFor={`${id}-select`}>{label}</label>
      <select id={`${id}-select`} value={choice} onChange={(e) => setChoice(e.target.value)}>
        {knownTokens.map((t) => (
          <option key={t.address} value={t.address}>
            {t.symbol} — {t.name}
          </option>
        ))}
        <option value={OTHER}>Other token (paste its address)…</option>
      </select>
      {choice === OTHER ? (
        <div style={{ marginTop: "0.5rem" }}>
          <label htmlFor={`${id}-address`}>{label}: token address</label>
          <AddressInput id={`${id}-address`} value={pasted} onChange={setPasted} aria-invalid={!!error} aria-describedby={`${id}-lookup`} />
          <FieldHint id={`${id}-lookup`} error={error} live>
            {hint}
          </FieldHint>
        </div>
      ) : null}
    </div>
  );
}
