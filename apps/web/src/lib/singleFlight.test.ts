import { describe, expect, it } from "vitest";
import { singleFlight } from "./singleFlight";

describe("singleFlight", () => {
  it("shares a run per key while it lasts, then starts afresh; other keys run on their own", async () => {
    const once = singleFlight<number>();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const work = async () => {
      runs += 1;
      await gate;
      return runs;
    };
    const a = once("deal-1", work);
    const b = once("deal-1", work);
    const c = once("deal-2", work);
    release();
    expect(await Promise.all([a, b, c])).toEqual([2, 2, 2]);
    expect(runs).toBe(2);
    await once("deal-1", work);
    expect(runs).toBe(3);
  });

  it("lets the next call try again after a run fails", async () => {
    const once = singleFlight<string>();
    await expect(once("k", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await once("k", async () => "yes")).toBe("yes");
  });
});
