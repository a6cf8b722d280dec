"use client";

import { decodePeerlockError } from "@peerlock/sdk";

/** Why the chain switch failed; its own module so the error decoder loads only after a failure. */
export function SwitchChainError({ error }: { error: unknown }) {
  const decoded = decodePeerlockError(error);
  return <>{decoded.kind === "rejected" ? "Cancelled in wallet." : decoded.message}</>;
}
