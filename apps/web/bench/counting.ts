import { http, type HttpTransportConfig } from "viem";

/** What went over the wire: HTTP requests, and JSON-RPC calls inside them (a batch holds several). */
export type WireCount = { httpRequests: number; rpcCalls: number; methods: Record<string, number> };

export function newCount(): WireCount {
  return { httpRequests: 0, rpcCalls: 0, methods: {} };
}

/**
 * viem's http transport with a fetch that counts. Same options as the app's transport
 * (src/config/wagmi.ts: JSON-RPC batching on), so the numbers are the app's numbers.
 */
export function countingHttp(url: string, count: WireCount, options: HttpTransportConfig = {}) {
  return http(url, {
    ...options,
    fetchFn: async (input, init) => {
      count.httpRequests++;
      const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
      for (const call of Array.isArray(body) ? body : body ? [body] : []) {
        count.rpcCalls++;
        count.methods[call.method] = (count.methods[call.method] ?? 0) + 1;
      }
      return fetch(input, init);
    },
  });
}
