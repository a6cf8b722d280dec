import { describe, expect, it } from "vitest";
import { addressRoleFrom, addressRoleHref } from "./addressRole";

describe("the address page's role tab lives in the URL", () => {
  it("reads ?role=, seller by default and for anything unknown", () => {
    expect(addressRoleFrom("buyer")).toBe("buyer");
    expect(addressRoleFrom("maker")).toBe("maker");
    expect(addressRoleFrom(null)).toBe("seller");
    expect(addressRoleFrom("<script>")).toBe("seller");
  });

  it("links each tab to its URL, so a tab works as a plain link before the page's script runs", () => {
    expect(addressRoleHref("0xAbC", "arbiter")).toBe("/address/0xAbC?role=arbiter");
  });
});
