import type { Metadata } from "next";
import { DealForm } from "@/features/deals/DealForm";

export const metadata: Metadata = { title: "New deal" };

export default function NewDealPage() {
  return <DealForm />;
}
