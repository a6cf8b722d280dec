"use client";

/** "Show more" under a paged list: the next page of an infinite query, disabled while it loads. */
export function NextPageButton({ pages }: { pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> } }) {
  if (!pages.hasNextPage) return null;
  return (
    <button type="button" className="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
      {pages.isFetchingNextPage ? "Loading…" : "Show more"}
    </button>
  );
}
