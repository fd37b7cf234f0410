ALTER TABLE "retailer_measures" ADD COLUMN "dep_source" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "margin_amount" numeric(14, 2);