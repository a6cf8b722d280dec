import type { Metadata } from "next";
import { DealView } from "@/features/deals/DealView";
import { tradePageTitle } from "@/features/trades/tradeWords";
import { parseId } from "@/lib/ids";

export async function generateMetadata({ params }: PageProps<"/deals/[id]">): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: tradePageTitle("deal", id) };
}

export default async function DealPage({ params }: PageProps<"/deals/[id]">) {
  const { id } = await params;
  return <DealView rawId={id} />;
}
