// Many badges on one page ask for reputations at once; this gathers the addresses asked for in
// the same tick into one request (at most 100, the API's cap) instead of one per row.
import { fetchReputations, type Reputation } from "@/features/indexer/api";

const MAX_PER_REQUEST = 100;
type Waiter = { resolve: (r: Reputation) => void; reject: (e: unknown) => void };

export function createReputationBatcher(baseUrl: string, load = fetchReputations) {
  let queue = new Map<string, Waiter[]>();
  let scheduled = false;

  async function flush() {
    scheduled = false;
    const batch = queue;
    queue = new Map();
    const addresses = [...batch.keys()];
    for (let i = 0; i < addresses.length; i += MAX_PER_REQUEST) {
      const chunk = addresses.slice(i, i + MAX_PER_REQUEST);
      try {
        const found = new Map((await load(baseUrl, chunk)).map((r) => [r.address.toLowerCase(), r]));
        for (const a of chunk) {
          const rep = found.get(a);
          for (const w of batch.get(a)!) {
            if (rep) w.resolve(rep);
            else w.reject(new Error(`no reputation for ${a}`));
          }
        }
      } catch (error) {
        for (const a of chunk) for (const w of batch.get(a)!) w.reject(error);
      }
    }
  }

  return function reputationOf(address: string): Promise<Reputation> {
    const key = address.toLowerCase();
    return new Promise((resolve, reject) => {
      queue.set(key, [...(queue.get(key) ?? []), { resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setTimeout(() => void flush(), 0);
      }
    });
  };
}
