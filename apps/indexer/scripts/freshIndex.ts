// Throws away an index built on another chain (a restarted development node reuses ids and
// addresses, and Ponder would otherwise resume on top of rows that no longer exist).
// PGlite: the fingerprint lives in a file next to the data folder. PostgreSQL: in a small
// table in the public schema, one row per Ponder schema.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import pg from "pg";

export function freshPgliteFolder(dir: string, fingerprint: string): boolean {
  const file = `${dir}.chain`;
  mkdirSync(dirname(dir), { recursive: true });
  const same = existsSync(file) && readFileSync(file, "utf8") === fingerprint;
  if (!same) {
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(file, fingerprint);
  }
  return !same;
}

export async function freshPostgresSchema(databaseUrl: string, schema: string, fingerprint: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("create table if not exists public.peerlock_indexer_chain (schema_name text primary key, fingerprint text not null)");
    const { rows } = await client.query("select fingerprint from public.peerlock_indexer_chain where schema_name = $1", [schema]);
    if (rows[0]?.fingerprint === fingerprint) return false;
    await client.query(`drop schema if exists "${schema.replaceAll('"', '""')}" cascade`);
    await client.query(
      "insert into public.peerlock_indexer_chain (schema_name, fingerprint) values ($1, $2) on conflict (schema_name) do update set fingerprint = excluded.fingerprint",
      [schema, fingerprint],
    );
    return true;
  } finally {
    await client.end();
  }
}
