/**
 * A bounded work queue for what relays send: at most `maxPending` jobs wait (more are dropped and
 * counted: a relay that floods cannot grow the server's memory), at most `concurrency` run at once,
 * and jobs of one lane (one deal room, one order) run one after another in arrival order, so a
 * room's messages are stored in the order they were sent and a key before the wrap that needs it.
 */
export type IngestJob = { lane: string; run: () => Promise<void> };

export class IngestQueue {
  private readonly pending: IngestJob[] = [];
  private readonly busy = new Set<string>();
  private running = 0;
  private waiters: (() => void)[] = [];
  /** Jobs refused because the queue was full. */
  dropped = 0;

  constructor(
    private readonly limits: { maxPending: number; concurrency: number },
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Queues a job; false (and counted in `dropped`) when the queue is full. */
  push(job: IngestJob): boolean {
    if (this.pending.length >= this.limits.maxPending) {
      this.dropped += 1;
      return false;
    }
    this.pending.push(job);
    this.pump();
    return true;
  }

  /** Resolves once nothing waits or runs. */
  idle(): Promise<void> {
    if (this.running === 0 && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.limits.concurrency) {
      const index = this.pending.findIndex((job) => !this.busy.has(job.lane));
      if (index < 0) break;
      const [job] = this.pending.splice(index, 1);
      this.start(job!);
    }
    if (this.running === 0 && this.pending.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private start(job: IngestJob): void {
    this.running += 1;
    this.busy.add(job.lane);
    void job
      .run()
      .catch(this.onError)
      .finally(() => {
        this.running -= 1;
        this.busy.delete(job.lane);
        this.pump();
      });
  }
}
