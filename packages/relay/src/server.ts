// startRelay: @nostr-relay/core's NostrRelay over a `ws` server, storing into the bounded
// in-memory repository. Live events go out through our own NIP-01 matcher (filter.ts), since
// the library's ignores #tag filters.
import type { AddressInfo } from "node:net";
import { type ClientContext, type Event, type Logger, type NostrRelayPlugin, createOutgoingEventMessage } from "@nostr-relay/common";
import { NostrRelay } from "@nostr-relay/core";
import { type WebSocket, WebSocketServer } from "ws";
import { matchesAny } from "./filter.ts";
import { type RelayLimits, eventBytes, resolveLimits } from "./limits.ts";
import { MemoryEventRepository } from "./memoryRepository.ts";
import { parseClientMessage } from "./messages.ts";

export type StartRelayOptions = {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 picks a free one (read it from `port`/`url`). */
  port: number;
  limits?: Partial<RelayLimits>;
  /** Test only: also return `inject`, which serves any JSON object as an event, unverified. */
  hostile?: boolean;
  /** How to pick another port, named when this one is taken; default `RELAY_PORT=<port>`. */
  portFix?: string;
  /** Where the relay reports its own errors; default console.error. */
  log?: (line: string) => void;
};

export type RunningRelay = {
  /** ws:// URL clients connect to. */
  url: string;
  port: number;
  /** Stored events and their total JSON bytes, for tests and benches. */
  stats(): { events: number; bytes: number };
  /** Disconnects every client and stops listening. */
  close(): Promise<void>;
};

export type HostileRelay = RunningRelay & {
  /** Stores `raw` as an event without checking its id or signature and sends it to matching subscriptions. */
  inject(raw: object): void;
};

export function startRelay(options: StartRelayOptions & { hostile: true }): Promise<HostileRelay>;
export function startRelay(options: StartRelayOptions): Promise<RunningRelay>;
export async function startRelay({
  host = "127.0.0.1",
  port,
  limits: overrides,
  hostile = false,
  portFix = "RELAY_PORT=<port>",
  log = console.error,
}: StartRelayOptions) {
  const limits = resolveLimits(overrides);
  const repository = new MemoryEventRepository(limits);
  const relay = new NostrRelay(repository, {
    logger: quietLogger(log),
    maxSubscriptionsPerClient: limits.maxSubscriptionsPerClient,
    // both caches would serve stale answers (a REQ repeated within a second, a re-sent event)
    filterResultCacheTtl: 0,
    eventHandlingResultCacheTtl: 0,
  });

  const contexts = new Map<WebSocket, ClientContext>();
  const broadcast = (event: Event) => {
    for (const ctx of contexts.values()) {
      if (!ctx.isOpen) continue;
      ctx.subscriptions.forEach((filters, subscriptionId) => {
        if (matchesAny(event, filters)) ctx.sendMessage(createOutgoingEventMessage(subscriptionId, event));
      });
    }
  };
  const plugins: NostrRelayPlugin[] = [
    {
      handleMessage: (ctx, _message, next) => {
        contexts.set(ctx.client as WebSocket, ctx);
        return next();
      },
    },
    {
      beforeHandleEvent: (event) => {
        const bytes = eventBytes(event);
        return bytes > limits.maxEventBytes
          ? { canHandle: false, message: `invalid: event is ${bytes} bytes, the limit is ${limits.maxEventBytes}` }
          : { canHandle: true };
      },
    },
    // replaces the library's broadcast (next is never called)
    { broadcast: async (event) => broadcast(event) },
  ];
  for (const plugin of plugins) relay.register(plugin);

  // A frame may carry one event plus its envelope; anything bigger closes the connection (1009).
  const wss = new WebSocketServer({ host, port, maxPayload: limits.maxEventBytes * 2 });
  await listening(wss, host, port, portFix);
  wss.on("connection", (ws, request) => {
    relay.handleConnection(ws, request.socket.remoteAddress);
    // One message at a time per connection, in order (a REQ after an EVENT sees that event);
    // a client that sends faster than it is served is cut off once its backlog is full.
    let queue = Promise.resolve();
    let queued = 0;
    const handle = async (data: Buffer, isBinary: boolean) => {
      if (ws.readyState !== ws.OPEN) return;
      const parsed = isBinary ? null : parseClientMessage(data.toString("utf8"), limits);
      if (!parsed?.ok) {
        ws.send(JSON.stringify(parsed?.reply ?? ["NOTICE", "invalid: binary messages are not supported"]));
        return;
      }
      try {
        await relay.handleMessage(ws, parsed.message);
      } catch (error) {
        log(`relay: ${error instanceof Error ? error.message : String(error)}`);
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(["NOTICE", "error: the relay could not handle that message"]));
      }
    };
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (++queued > limits.maxQueuedMessagesPerClient) {
        ws.send(JSON.stringify(["NOTICE", `error: more than ${limits.maxQueuedMessagesPerClient} messages waiting; closing`]));
        ws.close(1008, "too many queued messages");
        return;
      }
      queue = queue.then(() => handle(data, isBinary)).finally(() => void queued--);
    });
    ws.on("close", () => {
      contexts.delete(ws);
      relay.handleDisconnect(ws);
    });
    ws.on("error", () => ws.terminate());
  });

  const actualPort = (wss.address() as AddressInfo).port;
  const running: RunningRelay = {
    url: `ws://${urlHost(host)}:${actualPort}`,
    port: actualPort,
    stats: () => ({ events: repository.size, bytes: repository.bytes }),
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      contexts.clear();
      await relay.destroy();
      await repository.destroy();
    },
  };
  if (!hostile) return running;
  return {
    ...running,
    inject: (raw: object) => {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new TypeError("inject takes an event object");
      const event = structuredClone(raw) as Event;
      repository.inject(event);
      broadcast(event);
    },
  } satisfies HostileRelay;
}

function listening(wss: WebSocketServer, host: string, port: number, portFix: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      wss.off("listening", onListening);
      wss.close();
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} on ${host} is already in use, so the Nostr relay cannot start. Stop whatever uses it, or pick another port: ${portFix}`,
            )
          : error,
      );
    };
    const onListening = () => {
      wss.off("error", onError);
      resolve();
    };
    wss.once("error", onError);
    wss.once("listening", onListening);
  });
}

/** A URL host for a listening address: wildcards become localhost, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/** The library logs every event at debug/info; keep only its warnings and errors. */
function quietLogger(log: (line: string) => void): Logger {
  const write = (message: string, ...args: unknown[]) => log(`relay: ${[message, ...args.map(String)].join(" ")}`);
  return { setLogLevel: () => {}, debug: () => {}, info: () => {}, warn: write, error: write };
}
