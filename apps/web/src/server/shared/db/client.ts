import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { serverConfig } from "../config";

/** The database both servers (deal room and order book) keep their rows in: PGlite, or PostgreSQL by DATABASE_URL. */
export type ServerDb = PgDatabase<PgQueryResultHKT>;

type Opened = { db: ServerDb; close: () => Promise<void> };

/**
 * One database per process, kept on globalThis: Next's dev server re-evaluates modules on every
 * edit, and a second PGlite on the same folder would corrupt it. Opened on first use (not at
 * import) so `next build` never touches it; migrations run before the first query.
 */
const holder = globalThis as typeof globalThis & { __peerlockServerDb?: Promise<Opened> };

export function getDb(): Promise<ServerDb> {
  holder.__peerlockServerDb ??= openDb().catch((error: unknown) => {
    holder.__peerlockServerDb = undefined;
    throw error;
  });
  return holder.__peerlockServerDb.then((o) => o.db);
}

/** Closes the process's database (tests and the restart check). */
export async function closeDb(): Promise<void> {
  const opened = holder.__peerlockServerDb;
  holder.__peerlockServerDb = undefined;
  if (opened) await (await opened).close();
}

/** The checked-in migrations; `next start` and the tests run from apps/web. */
function migrationsFolder(): string {
  return process.env.SERVER_MIGRATIONS_DIR || process.env.ROOM_MIGRATIONS_DIR || resolve(process.cwd(), "drizzle");
}

async function openDb(): Promise<Opened> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const sql = postgres(url, { max: 10, onnotice: () => {} });
    const db = drizzle(sql);
    await migrate(db, { migrationsFolder: migrationsFolder() });
    return { db: db as unknown as ServerDb, close: () => sql.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dataDir = serverConfig().dataDir || join(process.cwd(), ".data", "room");
  mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle(client);
  await migrate(db, { migrationsFolder: migrationsFolder() });
  return { db: db as unknown as ServerDb, close: () => client.close() };
}
