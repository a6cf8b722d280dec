import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"input">, "type" | "value" | "onChange"> & { value: string; onChange: (value: string) => void };

/** A box for a 0x address: not a word, so no autocomplete and no spell check. */
export function AddressInput({ onChange, ...props }: Props) {
  return <input type="text" autoComplete="off" spellCheck={false} placeholder="0x…" onChange={(e) => onChange(e.target.value)} {...props} />;
}

/**
 * A box for an amount or a percentage: text, not type="number", so the app's own parser reads it
 * (exact decimals, commas only between thousands); phones still show the decimal keypad.
 */
export function DecimalInput({ onChange, ...props }: Props) {
  return <input type="text" inputMode="decimal" autoComplete="off" onChange={(e) => onChange(e.target.value)} {...props} />;
}
