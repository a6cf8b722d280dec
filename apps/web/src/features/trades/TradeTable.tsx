"use client";

import { useState, type ReactNode } from "react";
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
  /** One `<tr>` with its key. */
  row: (item: T) => ReactNode;
  /** Plural noun for the "Show more …" button, e.g. "offers". */
  itemsName: string;
  caption: string;
  empty: string;
  testId?: string;
};

/** Trades as a table on wide screens and as cards on phones (see .list in globals.css); 50 rows at a time. */
export function TradeTable<T>({ items, columns, row, itemsName, caption, empty, testId }: Props<T>) {
  const [shown, setShown] = useState(PAGE);
  if (items.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <div data-testid={testId}>
      <div className="table-wrap">
        <table className="list">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{items.slice(0, shown).map(row)}</tbody>
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
