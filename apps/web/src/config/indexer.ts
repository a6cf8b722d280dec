/**
 * Where the indexer's read API lives (NEXT_PUBLIC_INDEXER_URL, inlined at build time). Unset
 * means no indexer: every list is read from the chain, as in v1.
 */
export const appIndexerUrl: string | undefined = process.env.NEXT_PUBLIC_INDEXER_URL?.replace(/\/+$/, "") || undefined;

/** More blocks behind the chain head than this and the app stops trusting the index. */
export const MAX_INDEXER_LAG_BLOCKS = 3;
