import type { Metadata } from "next";
import { ArbiterView } from "@/features/deals/ArbiterView";

export const metadata: Metadata = { title: "Arbiter" };

export default function ArbiterPage() {
  return <ArbiterView />;
}
