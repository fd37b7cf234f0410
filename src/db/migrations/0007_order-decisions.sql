ALTER TABLE "emergency_requests" ADD COLUMN "approved_qty" integer;--> statement-breakpoint
ALTER TABLE "order_corrections" ADD COLUMN "decision_reason" text;