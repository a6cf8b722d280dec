import type { TradeRole } from "@/features/indexer/api";

export const addressRoles: readonly { role: TradeRole; label: string }[] = [
  { role: "maker", label: "As maker" },
  { role: "taker", label: "As taker" },
  { role: "seller", label: "As seller" },
  { role: "buyer", label: "As buyer" },
  { role: "arbiter", label: "As arbiter" },
];

/** The tab the URL asks for (?role=), the seller's by default. */
export function addressRoleFrom(param: string | null): TradeRole {
  return addressRoles.find((r) => r.role === param)?.role ?? "seller";
}

/** Each tab is a link: it works before hydration, and the URL can be shared. */
export function addressRoleHref(address: string, role: TradeRole): string {
  return `/address/${address}?role=${role}`;
}
