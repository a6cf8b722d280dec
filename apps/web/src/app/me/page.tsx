import type { Metadata } from "next";
import { MyTradesView } from "@/features/market/MyTradesView";

export const metadata: Metadata = { title: "My trades" };

export default function MyTradesPage() {
  return <MyTradesView />;
}
