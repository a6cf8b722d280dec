CREATE TABLE "orderbook_sync" (
	"key" text PRIMARY KEY NOT NULL,
	"last_block" bigint NOT NULL,
	"synced_at" timestamp with time zone,
	"lease_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signed_orders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_hash" text NOT NULL,
	"chain_id" integer NOT NULL,
	"verifying_contract" text NOT NULL,
	"maker" text NOT NULL,
	"taker" text NOT NULL,
	"sell_token" text NOT NULL,
	"sell_amount" numeric(78, 0) NOT NULL,
	"buy_token" text NOT NULL,
	"buy_amount" numeric(78, 0) NOT NULL,
	"expiry" numeric(20, 0) NOT NULL,
	"nonce" numeric(78, 0) NOT NULL,
	"partial_fills" boolean NOT NULL,
	"signature" text NOT NULL,
	"price_key" numeric(120, 0) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"unfillable_reason" text,
	"filled_amount" numeric(78, 0) DEFAULT '0' NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "signed_orders_hash" ON "signed_orders" USING btree ("order_hash");--> statement-breakpoint
CREATE INDEX "signed_orders_open_pair_price" ON "signed_orders" USING btree ("status","sell_token","buy_token","price_key","id");--> statement-breakpoint
CREATE INDEX "signed_orders_maker_nonce" ON "signed_orders" USING btree ("maker","nonce");--> statement-breakpoint
CREATE INDEX "signed_orders_recheck" ON "signed_orders" USING btree ("status","checked_at");