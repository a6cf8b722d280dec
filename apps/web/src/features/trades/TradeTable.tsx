"use client";

import { useId, useState, type ReactNode } from "react";
import type { Address } from "viem";
import type { TokenMap } from "@/features/tokens/registry";

const PAGE = 50;

/** What every offer or deal list is given by the page that shows it. */
export type TradeListProps = {
  tokens: TokenMap;
  now: bigint | undefined;
  account?: Address;
  caption: string;
  empty: string;
  testId?: string;
};

type Props<T> = {
  items: readonly T[];
  /** Column headers, in the order the row's cells come. */
  columns: readonly string[];
  /** One `<TradeRow>` of `<TradeCell>`s, with its key. */
  row: (item: T) => ReactNode;
  /** Plural noun for the "Show more …" button, e.g. "offers". */
  itemsName: string;
  caption: string;
  empty: string;
  testId?: string;
};

/**
 * Trades as a table on wide screens and as cards on phones (see .list in globals.css); 50 rows at
 * a time. Every part carries its ARIA role: the card layout sets `display: block` on the table,
 * which makes Safari (and so VoiceOver) stop treating it as a table unless the roles are explicit.
 */
export function TradeTable<T>({ items, columns, row, itemsName, caption, empty, testId }: Props<T>) {
  const [shown, setShown] = useState(PAGE);
  const captionId = useId();
  if (items.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {empty}
      </p>
    );
  return (
    <div data-testid={testId}>
      <div className="table-wrap">
        <table className="list" role="table" aria-labelledby={captionId}>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              {columns.map((c) => (
                <th key={c} scope="col" role="columnheader">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">{items.slice(0, shown).map(row)}</tbody>
        </table>
      </div>
      {items.length > shown ? (
        <p>
          <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show more {itemsName} ({items.length - shown} more)
          </button>
        </p>
      ) : null}
    </div>
  );
}

/** A trade's row in a TradeTable. */
export function TradeRow({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <tr role="row" data-testid={testId}>
      {children}
    </tr>
  );
}

/** One cell; `label` is the column's name the phone card shows before the value. */
export function TradeCell({ label, num, children }: { label: string; num?: boolean; children: ReactNode }) {
  return (
    <td role="cell" data-label={label} className={num ? "num" : undefined}>
      {children}
    </td>
  );
}
