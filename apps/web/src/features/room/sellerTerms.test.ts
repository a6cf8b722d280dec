import { describe, expect, it } from "vitest";
import { forgetSellerTerms, readSellerTerms, rememberSellerTerms } from "./sellerTerms";

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe("seller terms kept in the seller's browser", () => {
  it("gives back both parts for the same chain and deal only", () => {
    const store = memoryStore();
    rememberSellerTerms(store, 31337, 7n, "price=1", "IBAN DE00");
    expect(readSellerTerms(store, 31337, 7n)).toEqual({ publicTerms: "price=1", privateDetails: "IBAN DE00" });
    expect(readSellerTerms(store, 31337, 8n)).toBeUndefined();
    expect(readSellerTerms(store, 1, 7n)).toBeUndefined();
  });

  it("is forgotten once published, and survives a broken entry", () => {
    const store = memoryStore();
    rememberSellerTerms(store, 31337, 7n, "p", "q");
    forgetSellerTerms(store, 31337, 7n);
    expect(readSellerTerms(store, 31337, 7n)).toBeUndefined();
    store.setItem("peerlock:seller-terms:31337:9", "{not json");
    expect(readSellerTerms(store, 31337, 9n)).toBeUndefined();
    expect(readSellerTerms(undefined, 31337, 7n)).toBeUndefined();
  });
});
