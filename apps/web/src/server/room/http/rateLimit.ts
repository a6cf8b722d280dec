import { roomConfig } from "../config";
import { HttpError } from "./errors";

/**
 * Fixed one-minute windows per key (an IP or an address), in process memory: enough to stop a
 * flood against one server; a fleet would need a shared store.
 */
type Window = { start: number; count: number };
const holder = globalThis as typeof globalThis & { __peerlockRoomRates?: Map<string, Window> };
const windows = (holder.__peerlockRoomRates ??= new Map());
const WINDOW_MS = 60_000;

export function rateLimit(...keys: string[]): void {
  rateLimitAt(roomConfig().rateLimitPerMinute, ...keys);
}

/** The same windows with a limit of the caller's choosing (the order book's own budgets). */
export function rateLimitAt(limit: number, ...keys: string[]): void {
  const now = Date.now();
  if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.start >= WINDOW_MS) windows.delete(k);
  for (const key of keys) {
    const current = windows.get(key);
    const window = current && now - current.start < WINDOW_MS ? current : { start: now, count: 0 };
    window.count += 1;
    windows.set(key, window);
    if (window.count > limit) {
      const retry = Math.ceil((window.start + WINDOW_MS - now) / 1000);
      throw new HttpError(429, "Too many requests; wait a minute and try again.", { "retry-after": String(retry) });
    }
  }
}

/**
 * The caller's IP as Next forwards it. Next keeps an X-Forwarded-For the client sent, so run the
 * app behind a proxy that overwrites it; the per-address and global limits hold either way.
 */
export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}

export function limitByIp(request: Request): void {
  rateLimit(`ip:${clientIp(request)}`);
}
