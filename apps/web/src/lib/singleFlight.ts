/**
 * One run per key at a time: a call made while a run for the same key is under way gets that
 * run's result instead of starting another (e.g. several components sharing one deal key, or
 * asking the wallet for one signature).
 */
export function singleFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, work) => {
    const current = running.get(key);
    if (current) return current;
    const run = work().finally(() => running.delete(key));
    running.set(key, run);
    return run;
  };
}
