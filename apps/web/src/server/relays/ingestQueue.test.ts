import { describe, expect, it } from "vitest";
import { IngestQueue } from "./ingestQueue";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("IngestQueue", () => {
  it("drops and counts jobs past maxPending instead of growing", async () => {
    let open = () => {};
    const gate = { promise: new Promise<void>((resolve) => (open = resolve)), resolve: () => open() };
    const queue = new IngestQueue({ maxPending: 2, concurrency: 1 });
    const ran: number[] = [];
    const job = (n: number) => ({ lane: `l${n}`, run: async () => (await gate.promise, void ran.push(n)) });
    expect(queue.push(job(1))).toBe(true); // running
    expect(queue.push(job(2))).toBe(true);
    expect(queue.push(job(3))).toBe(true);
    expect(queue.push(job(4))).toBe(false);
    expect(queue.dropped).toBe(1);
    gate.resolve();
    await queue.idle();
    expect(ran).toEqual([1, 2, 3]);
  });

  it("runs at most `concurrency` jobs, and one lane's jobs in order, one at a time", async () => {
    const queue = new IngestQueue({ maxPending: 100, concurrency: 3 });
    let running = 0;
    let peak = 0;
    const order: string[] = [];
    const laneBusy = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const lane = `room${i % 2}`;
      queue.push({
        lane: i < 10 ? lane : `order${i}`,
        run: async () => {
          const l = i < 10 ? lane : `order${i}`;
          expect(laneBusy.has(l)).toBe(false);
          laneBusy.add(l);
          peak = Math.max(peak, ++running);
          await tick();
          order.push(`${l}:${i}`);
          running -= 1;
          laneBusy.delete(l);
        },
      });
    }
    await queue.idle();
    expect(peak).toBe(3);
    expect(order.filter((o) => o.startsWith("room0")).map((o) => Number(o.split(":")[1]))).toEqual([0, 2, 4, 6, 8]);
    expect(order).toHaveLength(20);
  });

  it("keeps going after a job fails, reporting the error", async () => {
    const errors: unknown[] = [];
    const queue = new IngestQueue({ maxPending: 10, concurrency: 1 }, (e) => errors.push(e));
    let after = false;
    queue.push({ lane: "a", run: async () => Promise.reject(new Error("boom")) });
    queue.push({ lane: "a", run: async () => void (after = true) });
    await queue.idle();
    expect(after).toBe(true);
    expect(errors.map((e) => (e as Error).message)).toEqual(["boom"]);
  });
});
