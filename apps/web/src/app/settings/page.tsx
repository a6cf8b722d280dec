import type { Metadata } from "next";
import { RelaySettings } from "@/features/relays/RelaySettings";

export const metadata: Metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <RelaySettings />
    </>
  );
}
