// The two databases the server suites run `next start` against: PGlite in a fresh folder, and
// (with TEST_DATABASE_URL) a fresh PostgreSQL database. On PostgreSQL the test process may open
// the same database to check what was stored; a PGlite folder belongs to the server process alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { closeDb, getDb, type ServerDb } from "@/server/shared/db/client";

export type Backend = {
  name: "PGlite" | "PostgreSQL";
  /** What `next start` needs to use this database. */
  env: Record<string, string | undefined>;
  /** The same database from the test process (PostgreSQL only), else undefined. */
  db: () => Promise<ServerDb | undefined>;
  drop: () => Promise<void>;
  /** The PGlite data folder, or the PostgreSQL URL (for suites that scan what was stored). */
  location: string;
};

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const backendNames = ["PGlite", ...(testDatabaseUrl ? ["PostgreSQL"] : [])] as const;

export async function createBackend(name: Backend["name"], prefix: string): Promise<Backend> {
  if (name === "PGlite") {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      name,
      env: { SERVER_DATA_DIR: dir, DATABASE_URL: undefined },
      location: dir,
      db: async () => undefined,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const dbName = `${prefix.replace(/-/g, "_")}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${dbName}`;
  return {
    name,
    env: { DATABASE_URL: url.toString(), SERVER_DATA_DIR: undefined },
    location: url.toString(),
    db: async () => {
      process.env.DATABASE_URL = url.toString();
      return getDb();
    },
    drop: async () => {
      await closeDb();
      delete process.env.DATABASE_URL;
      const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    },
  };
}
