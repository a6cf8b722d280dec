// JSON with bigints as decimal strings (JSON has no 64-bit integers).
import type { Context } from "hono";

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

export function sendJson(c: Context, value: unknown, status: 200 | 404 = 200) {
  return c.body(toJson(value), status, { "content-type": "application/json; charset=utf-8" });
}
