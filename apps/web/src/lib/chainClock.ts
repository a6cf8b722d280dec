/**
 * What the app knows about the chain's clock, in unix seconds: one reading of a block's timestamp
 * (`blockTime`, taken at wall time `readAt`) and the latest time a contract revert proved the
 * chain has reached (`provenAt`). Chain time never goes back, so a proof stays true.
 */
export type ChainClock = { blockTime: number; readAt: number; provenAt?: number };

/**
 * The chain's "now" at wall time `wall`. A dev chain can run ahead of the wall clock (time travel
 * in tests), so a reading ahead of it moves "now" forward; a reading behind it (no block mined for
 * a while) does not hold it back. A proof is a floor.
 */
export function chainNow(clock: ChainClock, wall: number): number {
  const ahead = Math.max(0, clock.blockTime - clock.readAt);
  return Math.max(wall + ahead, clock.provenAt ?? 0);
}

/** The clock once a revert proved the chain has reached `atLeast` (a no-op for an older proof). */
export function proveChainTime(clock: ChainClock | undefined, atLeast: number, wall: number): ChainClock {
  const base = clock ?? { blockTime: wall, readAt: wall };
  return { ...base, provenAt: Math.max(base.provenAt ?? 0, atLeast) };
}
