CREATE TABLE "deal_key_wraps" (
	"deal_id" text NOT NULL,
	"reader" text NOT NULL,
	"reader_public_key" text NOT NULL,
	"wrap" text NOT NULL,
	"wrapped_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_key_wraps_deal_id_reader_reader_public_key_pk" PRIMARY KEY("deal_id","reader","reader_public_key")
);
--> statement-breakpoint
CREATE TABLE "room_keys" (
	"wallet" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"expiry" text NOT NULL,
	"signature" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "deal_terms" DROP COLUMN "private_details";