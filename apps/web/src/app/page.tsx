import type { Metadata } from "next";
import { MarketView } from "@/features/market/MarketView";

export const metadata: Metadata = { title: "Market" };

export default function MarketPage() {
  return <MarketView />;
}
