import type { Metadata } from "next";
import { DealView } from "@/features/deals/DealView";

export async function generateMetadata({ params }: PageProps<"/deals/[id]">): Promise<Metadata> {
  const { id } = await params;
  return { title: `Deal ${id.slice(0, 20)}` };
}

export default async function DealPage({ params }: PageProps<"/deals/[id]">) {
  const { id } = await params;
  return <DealView rawId={id} />;
}
