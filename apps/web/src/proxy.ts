import { type NextRequest, NextResponse } from "next/server";
import { appRpcUrl } from "@/config/chain";
import { appIndexerUrl } from "@/config/indexer";
import { parseRelayList } from "@peerlock/sdk";
import { contentSecurityPolicy } from "@/server/security/csp";

/**
 * Every page gets a fresh script nonce and the CSP that names it. Next reads the nonce from the
 * request's Content-Security-Policy header and puts it on its own scripts (pages render per
 * request: the root layout reads the cookie header). Other security headers are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({
    nonce,
    rpcUrl: appRpcUrl,
    indexerUrl: appIndexerUrl,
    relays: parseRelayList(process.env.NEXT_PUBLIC_RELAYS),
    walletConnect: Boolean(process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID),
    dev: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only: API responses and static files get next.config's headers (evidence sets its own sandbox CSP).
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)", missing: [{ type: "header", key: "next-router-prefetch" }] }],
};
