// Next runs register() once per server process before it handles requests.
export async function register(): Promise<void> {
  // Not in the edge runtime (no sockets there), and not while `next build` prerenders pages.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./server/shared/startup");
  startServer();
  // the server as one cache among relays (off when none is configured)
  const { startRelayCache } = await import("./server/relays/cache");
  startRelayCache();
}
