// The seed's signed offers go to the app's order book once the app is up: plain POSTs of the
// bodies the seed wrote (each order is checked by the server like any other).
import { readFileSync } from "node:fs";

export async function postSeedOrders(appUrl: string, file: string): Promise<string> {
  const bodies = JSON.parse(readFileSync(file, "utf8")) as unknown[];
  const refused: string[] = [];
  for (const body of bodies) {
    const res = await fetch(`${appUrl}/api/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) refused.push(`${res.status} ${((await res.json().catch(() => ({}))) as { error?: string }).error ?? ""}`.trim());
  }
  if (refused.length) return `The order book refused ${refused.length} of ${bodies.length} seeded signed offers: ${refused.join("; ")}`;
  return `Posted ${bodies.length} signed offers to the order book.`;
}
