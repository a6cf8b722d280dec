// Keyset paging for every list the API serves: newest first by id, or by a sort key with ties
// newest first. The cursor is the id of the previous page's last row; the page fetches one row
// more than it returns, to know whether another page exists.
import { and, asc, desc, lt, or, sql } from "ponder";

type SQL = ReturnType<typeof sql>;
type Column = Parameters<typeof asc>[0];

/** The filter that starts after `cursor` (undefined on the first page) and the order to read in. */
export function keyset(
  table: Column,
  id: Column,
  cursor: bigint | undefined,
  by?: { key: Column; ascending: boolean },
): { after: SQL | undefined; order: SQL[] } {
  if (!by) return { after: cursor === undefined ? undefined : lt(id, cursor), order: [desc(id)] };
  const { key, ascending } = by;
  const order = [ascending ? asc(key) : desc(key), desc(id)];
  if (cursor === undefined) return { after: undefined, order };
  const cursorKey = sql`(select ${key} from ${table} where ${id} = ${cursor})`;
  const beyond = ascending ? sql`${key} > ${cursorKey}` : sql`${key} < ${cursorKey}`;
  return { after: or(beyond, and(sql`${key} = ${cursorKey}`, lt(id, cursor))), order };
}

/** Cuts the extra row fetched to know whether another page exists. */
export function page<T>(rows: T[], limit: number, idOf: (row: T) => bigint) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? idOf(items[items.length - 1]!).toString() : null;
  return { items, nextCursor };
}
