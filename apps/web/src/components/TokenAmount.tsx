import type { TokenInfo } from "@peerlock/sdk";
import { formatAmount } from "@/lib/amount";

/** "1,250.5 USDC", with every digit in the tooltip. */
export function TokenAmount({ value, token }: { value: bigint; token: TokenInfo }) {
  const exact = `${formatAmount(value, token.decimals, { exact: true })} ${token.symbol}`;
  return (
    <span title={exact}>
      {formatAmount(value, token.decimals)} {token.symbol}
    </span>
  );
}
