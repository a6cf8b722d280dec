import { defineConfig } from "drizzle-kit";

// `pnpm --filter web db:generate` writes a new migration after a schema change (works offline).
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/server/shared/db/schema.ts", "./src/server/room/db/schema.ts", "./src/server/orderbook/schema.ts"],
  out: "./drizzle",
});
