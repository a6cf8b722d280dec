import type { Metadata } from "next";
import { MarketChooser } from "@/features/market/MarketChooser";

// The root layout's "%s · Peerlock" template only applies to segments below it, not to its own page.
export const metadata: Metadata = { title: { absolute: "Market · Peerlock" } };

export default function MarketPage() {
  return <MarketChooser />;
}
