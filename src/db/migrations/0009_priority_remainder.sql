ALTER TABLE "order_limits" ADD COLUMN "extra_qty" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_limits" ADD COLUMN "extra_segment" text;--> statement-breakpoint
ALTER TABLE "supply_plan_items" ADD COLUMN "priority_qty" integer;