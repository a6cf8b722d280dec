"use client";

type Props = {
  id: string;
  label: string;
  /** The chosen token's address, or "" for any token. */
  value: string;
  onChange: (value: string) => void;
  /** Addresses of the tokens the book holds on this side. */
  tokens: readonly string[];
  symbol: (address: string) => string;
};

/** One of the market's token filters: "Any token" or one token of the book, by symbol. */
export function TokenFilter({ id, label, value, onChange, tokens, symbol }: Props) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any token</option>
        {tokens.map((a) => (
          <option key={a} value={a}>
            {symbol(a)}
          </option>
        ))}
      </select>
    </div>
  );
}
