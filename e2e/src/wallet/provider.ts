// The page half of the test wallet: an EIP-1193 provider announced through EIP-6963, injected
// before any page script runs. It holds no state and no keys; every request crosses to the
// Node half (wallet.ts) through an exposed binding, and events come back through `emit`.
// This function is serialised into the page by Playwright, so it must be self-contained.

export type WalletInfo = { uuid: string; name: string; icon: string; rdns: string };
export type BridgeReply = { result?: unknown; error?: { code: number; message: string; data?: unknown } };

export const BRIDGE_BINDING = "__peerlockWalletBridge";
export const EMITTER_GLOBAL = "__peerlockTestWallet";

export function installTestWallet(info: WalletInfo): void {
  type Listener = (...args: unknown[]) => void;
  type Bridge = (payload: { method: string; params: unknown }) => Promise<BridgeReply>;
  const w = window as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>();

  const provider = {
    isPeerlockTestWallet: true,
    async request(args: { method: string; params?: unknown }): Promise<unknown> {
      if (!args || typeof args.method !== "string") throw Object.assign(new Error("Invalid request"), { code: -32600 });
      const bridge = w.__peerlockWalletBridge as Bridge;
      const reply = await bridge({ method: args.method, params: args.params ?? [] });
      if (reply.error) {
        // An EIP-1193 ProviderRpcError: viem reads `code` (4001 = rejected) and `data` (revert bytes).
        throw Object.assign(new Error(reply.error.message), reply.error);
      }
      return reply.result;
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return provider;
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };

  Object.defineProperty(w, "__peerlockTestWallet", {
    value: Object.freeze({
      emit(event: string, value: unknown) {
        for (const listener of [...(listeners.get(event) ?? [])]) {
          try {
            listener(value);
          } catch (error) {
            console.error("test wallet listener failed", error);
          }
        }
      },
    }),
  });

  const detail = Object.freeze({ info: Object.freeze({ ...info }), provider });
  const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail }));
  window.addEventListener("eip6963:requestProvider", announce);
  announce();
}
