import type { Scenario } from "./scenarios.ts";

/** One measured row: a number per mode, or the error that stopped the measurement. */
export interface Row {
  scenario: Scenario;
  cold: bigint | Error;
  warm: bigint | Error;
}

const format = (gas: bigint) => gas.toLocaleString("en-US");

function cell(value: bigint | Error): string {
  return value instanceof Error ? `ERROR: ${value.message.split("\n")[0]}` : format(value);
}

/** "<= 165,000 pass", or a bold FAIL with how far over; empty without a target. */
function targetCell(row: Row): string {
  const target = row.scenario.warmTarget;
  if (target === undefined) return "";
  if (row.warm instanceof Error) return `<= ${format(target)} **FAIL** (no measurement)`;
  if (row.warm <= target) return `<= ${format(target)} pass (${format(target - row.warm)} under)`;
  return `<= ${format(target)} **FAIL** (+${format(row.warm - target)} over)`;
}

export function isMiss(row: Row): boolean {
  const target = row.scenario.warmTarget;
  return target !== undefined && (row.warm instanceof Error || row.warm > target);
}

export function table(rows: Row[]): string {
  const lines = [
    "| Call | Case | Cold | Warm | Warm target |",
    "| --- | --- | ---: | ---: | --- |",
    ...rows.map((row) => `| ${row.scenario.call} | ${row.scenario.variant} | ${cell(row.cold)} | ${cell(row.warm)} | ${targetCell(row)} |`),
  ];
  return lines.join("\n");
}

/** The committed report: the table plus how it was measured. Nothing in it varies per run. */
export function reportFile(rows: Row[], compiler: string): string {
  return `# Gas report

Written by \`pnpm bench:gas\` (\`contracts/scripts/bench-gas.ts\`); do not edit by hand.
It changes only when the contracts (or the benchmark) change, so review a diff here like code.

Numbers are \`gasUsed\` from transaction receipts on the in-process Hardhat network: the
whole transaction, including the 21,000 base cost, calldata and refunds. ${compiler}.

- **Cold**: the first time. A freshly deployed escrow (counters at zero, holding nothing),
  payers holding only the token they pay with and approving exactly the amount, recipients
  receiving a token they have never held.
- **Warm**: a regular. Counters nonzero, the escrow already holding both tokens and ETH for
  other trades, every party holding both tokens with unlimited approvals, every call made
  once before.

Offers sell 100 ALP for 250 BET (or 2 ETH), public, with an expiry and partial fills;
a partial fill buys 40. Deals sell 100 ALP (or 1 ETH), listed to anyone, 1 % arbiter fee,
with a terms hash. \`withdraw\` follows a release whose payout failed and was credited.

Signed orders (\`SignedSwap\`) sell 100 ALP for 250 BET, public, with an expiry, signed by the
maker through @peerlock/sdk. The full fill is an order without partial fills; the partial fill
is the first fill (40) of an order with partial fills, which also writes its \`filledAmount\`.
Warm, the maker's nonce word is already written (as for any maker past its first order).
\`cancel\` marks one nonce and \`invalidateNonces\` sets all 256 bits of a word: cold, in a word
never written; warm, in one written before. The maker posts a signed
offer for nothing: compare \`fillOrder\` with \`createOffer\` plus \`fillOffer\`.

${table(rows)}

## Where \`fillOrder\`'s overhead went

What any implementation of the spec pays for a warm full fill (the transaction, two
\`transferFrom\`s, one \`ecrecover\`, one nonce word, the event) is about 71,200 gas; the rest
is overhead. \`fillOrder\` went from 74,473 to 72,926 (the partial first fill from 94,443 to
93,053) by writing its fill path as inline assembly, each block held to a plain
OpenZeppelin-style reference by \`test/solidity/SignedSwap.diff.t.sol\`. The steps, each
measured warm with \`scripts/bench/trace.ts\` (\`LINES=SignedSwap\` splits a row by source line):

| Step | Warm full fill | Saved |
| --- | ---: | ---: |
| before | 74,473 | |
| \`ecrecover\` and the nonce-word slot from scratch memory; SafeERC20's \`transferFrom\` rules inline in its exact layout; the event as one \`log4\`; fields by bare \`calldataload\` after one dirty-bit check | 73,466 | 1,007 |
| the order and caller checks as branch-free conditions | 73,397 | 69 |
| fields at constant calldata offsets; domain separator from immutables; nonce and settlement inline, not private functions | 73,195 | 202 |
| digest and ECDSA check inline; return from assembly, skipping Solidity's epilogue | 73,025 | 170 |
| fork/delegatecall check of the domain in assembly; \`transferFrom\` selector as a constant | 72,997 | 28 |
| reverts inline instead of Yul helper functions | 72,983 | 14 |
| struct hash laid out from address 0 (memory grows 4 words less); EIP-1271 fallback as a nested \`if\` | 72,926 | 57 |

Each block says in \`src/SignedSwap.sol\` why it is there and what it saves.
`;
}
