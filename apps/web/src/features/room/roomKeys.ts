/** react-query keys of the deal room. */
export const roomKeys = {
  session: ["room", "session"] as const,
  terms: (dealId: bigint) => ["room", "terms", dealId.toString()] as const,
  termsOf: (ids: readonly bigint[]) => ["room", "termsOf", ids.join(",")] as const,
  privateDetails: (dealId: bigint, who: string | undefined) => ["room", "private", dealId.toString(), who ?? ""] as const,
  messages: (dealId: bigint, who: string | undefined) => ["room", "messages", dealId.toString(), who ?? ""] as const,
  evidence: (dealId: bigint, who: string | undefined) => ["room", "evidence", dealId.toString(), who ?? ""] as const,
  roomKey: (who: string | undefined) => ["room", "roomKey", who ?? ""] as const,
  dealKey: (dealId: bigint, who: string | undefined) => ["room", "dealKey", dealId.toString(), who ?? ""] as const,
  attention: (who: string | undefined) => ["room", "attention", who ?? ""] as const,
};
