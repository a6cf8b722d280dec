ALTER TABLE "signed_orders" ALTER COLUMN "price_key" SET DATA TYPE numeric(240, 0);--> statement-breakpoint
-- the old key was rounded to 36 decimals: recompute every row as floor(buy_amount * 2^512 / sell_amount)
UPDATE "signed_orders" SET "price_key" = div("buy_amount" * 13407807929942597099574024998205846127479365820592393377723561443721764030073546976801874298166903427690031858186486050853753882811946569946433649006084096, "sell_amount");--> statement-breakpoint
CREATE INDEX "signed_orders_open_pair_price_asc" ON "signed_orders" USING btree ("status","sell_token","buy_token","price_key","id" DESC NULLS LAST);
