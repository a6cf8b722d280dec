import type { Metadata } from "next";
import { DealView } from "@/features/deals/DealView";
import { parseId } from "@/lib/ids";

export async function generateMetadata({ params }: PageProps<"/deals/[id]">): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: id === null ? "Not a deal link" : `Deal #${id}` };
}

export default async function DealPage({ params }: PageProps<"/deals/[id]">) {
  const { id } = await params;
  return <DealView rawId={id} />;
}
