import { MarketView } from "@/features/market/MarketView";

export default function MarketPage() {
  return <MarketView />;
}
