// A bare NIP-01 client over Node's WebSocket: it shows exactly what the relay sends, where
// nostr-tools would drop events that fail its own filter and signature checks.
import type { Event, Filter } from "nostr-tools";

export type RelayMessage = [string, ...unknown[]];

export class RawClient {
  readonly #ws: WebSocket;
  /** Resolves with the close code when the connection closes. */
  readonly closed: Promise<number>;
  readonly #inbox: RelayMessage[] = [];
  #wake: (() => void) | undefined;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    this.closed = new Promise((resolve) => ws.addEventListener("close", (event) => resolve(event.code), { once: true }));
    ws.addEventListener("message", (message) => {
      this.#inbox.push(JSON.parse(String(message.data)) as RelayMessage);
      this.#wake?.();
    });
  }

  static open(url: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener("open", () => resolve(new RawClient(ws)), { once: true });
      ws.addEventListener("error", () => reject(new Error(`could not connect to ${url}`)), { once: true });
    });
  }

  send(message: unknown): void {
    this.#ws.send(typeof message === "string" ? message : JSON.stringify(message));
  }

  /** Resolves with (and removes) the first message `accept` takes; rejects after `timeoutMs`. */
  async next(accept: (message: RelayMessage) => boolean, timeoutMs = 3000): Promise<RelayMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.#inbox.findIndex(accept);
      if (index >= 0) return this.#inbox.splice(index, 1)[0];
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching message within ${timeoutMs} ms; inbox: ${JSON.stringify(this.#inbox).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Sends an EVENT and returns the relay's OK as [accepted, message]. */
  async publish(event: { id?: unknown; [field: string]: unknown }): Promise<[boolean, string]> {
    this.send(["EVENT", event]);
    const [, , accepted, message] = await this.next((m) => m[0] === "OK" && m[1] === event.id);
    return [accepted as boolean, message as string];
  }

  /** Opens a subscription and returns the stored events the relay sends before EOSE. */
  async subscribe(id: string, ...filters: Filter[]): Promise<Event[]> {
    this.send(["REQ", id, ...filters]);
    const stored: Event[] = [];
    for (;;) {
      const message = await this.next((m) => m[1] === id && (m[0] === "EVENT" || m[0] === "EOSE" || m[0] === "CLOSED"));
      if (message[0] === "EOSE") return stored;
      if (message[0] === "CLOSED") throw new Error(`subscription closed: ${message[2]}`);
      stored.push(message[2] as Event);
    }
  }

  /** The next live event on a subscription. */
  async live(id: string, timeoutMs = 3000): Promise<Event> {
    return (await this.next((m) => m[0] === "EVENT" && m[1] === id, timeoutMs))[2] as Event;
  }

  /** Live events on a subscription that already arrived (without waiting). */
  pending(id: string): Event[] {
    return this.#inbox.filter((m) => m[0] === "EVENT" && m[1] === id).map((m) => m[2] as Event);
  }

  close(): void {
    this.#ws.close();
  }
}
