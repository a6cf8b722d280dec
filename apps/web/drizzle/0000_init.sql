CREATE TABLE "deal_terms" (
	"deal_id" text PRIMARY KEY NOT NULL,
	"public_terms" text NOT NULL,
	"private_details" text NOT NULL,
	"private_details_hash" text NOT NULL,
	"terms_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"deal_id" text NOT NULL,
	"hash" text NOT NULL,
	"uploader" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_deal_id_hash_pk" PRIMARY KEY("deal_id","hash")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"deal_id" text NOT NULL,
	"author" text NOT NULL,
	"client_id" text NOT NULL,
	"body" text NOT NULL,
	"evidence" text NOT NULL,
	"sent_at" bigint NOT NULL,
	"signature" text NOT NULL,
	"session_key" text,
	"session_key_room" text,
	"session_key_expiry" bigint,
	"session_key_signature" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "read_markers" (
	"deal_id" text NOT NULL,
	"address" text NOT NULL,
	"last_message_id" bigint NOT NULL,
	CONSTRAINT "read_markers_deal_id_address_pk" PRIMARY KEY("deal_id","address")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "siwe_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_id" ON "messages" USING btree ("deal_id","author","client_id");--> statement-breakpoint
CREATE INDEX "messages_deal" ON "messages" USING btree ("deal_id","id");