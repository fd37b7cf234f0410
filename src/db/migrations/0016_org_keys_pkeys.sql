-- Custom SQL (decision 1900): drizzle-kit cannot drop a primary key declared on a column
-- (it leaves a commented-out placeholder), so the single-column primary keys that become
-- (column, org_id) are dropped here, after 0015 dropped the foreign keys that used them.
ALTER TABLE "desk_policies" DROP CONSTRAINT "desk_policies_pkey";--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_pkey";--> statement-breakpoint
ALTER TABLE "desk_case_events" DROP CONSTRAINT "desk_case_events_pkey";--> statement-breakpoint
ALTER TABLE "desk_surveys" DROP CONSTRAINT "desk_surveys_pkey";--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_pkey";--> statement-breakpoint
ALTER TABLE "grid_areas" DROP CONSTRAINT "grid_areas_pkey";--> statement-breakpoint
ALTER TABLE "grid_retired" DROP CONSTRAINT "grid_retired_pkey";--> statement-breakpoint
ALTER TABLE "grid_proposals" DROP CONSTRAINT "grid_proposals_pkey";--> statement-breakpoint
ALTER TABLE "retailer_service_modes" DROP CONSTRAINT "retailer_service_modes_pkey";--> statement-breakpoint
ALTER TABLE "delivery_points" DROP CONSTRAINT "delivery_points_pkey";--> statement-breakpoint
ALTER TABLE "notice_campaigns" DROP CONSTRAINT "notice_campaigns_pkey";--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_pkey";--> statement-breakpoint
ALTER TABLE "notice_deliveries" DROP CONSTRAINT "notice_deliveries_pkey";--> statement-breakpoint
ALTER TABLE "onboardings" DROP CONSTRAINT "onboardings_pkey";--> statement-breakpoint
ALTER TABLE "supply_plans" DROP CONSTRAINT "supply_plans_pkey";--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_pkey";--> statement-breakpoint
ALTER TABLE "settlement_attempts" DROP CONSTRAINT "settlement_attempts_pkey";--> statement-breakpoint
ALTER TABLE "order_corrections" DROP CONSTRAINT "order_corrections_pkey";--> statement-breakpoint
ALTER TABLE "emergency_requests" DROP CONSTRAINT "emergency_requests_pkey";--> statement-breakpoint
ALTER TABLE "rating_tier_causes" DROP CONSTRAINT "rating_tier_causes_pkey";--> statement-breakpoint
ALTER TABLE "rating_schemes" DROP CONSTRAINT "rating_schemes_pkey";--> statement-breakpoint
ALTER TABLE "rating_runs" DROP CONSTRAINT "rating_runs_pkey";--> statement-breakpoint
ALTER TABLE "compliance_records" DROP CONSTRAINT "compliance_records_pkey";--> statement-breakpoint
ALTER TABLE "rating_freezes" DROP CONSTRAINT "rating_freezes_pkey";--> statement-breakpoint
ALTER TABLE "tier_overrides" DROP CONSTRAINT "tier_overrides_pkey";--> statement-breakpoint
ALTER TABLE "customer_representatives" DROP CONSTRAINT "customer_representatives_pkey";--> statement-breakpoint
ALTER TABLE "representative_reviews" DROP CONSTRAINT "representative_reviews_pkey";--> statement-breakpoint
ALTER TABLE "visit_frequency_rules" DROP CONSTRAINT "visit_frequency_rules_pkey";--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" DROP CONSTRAINT "retailer_visit_overrides_pkey";--> statement-breakpoint
ALTER TABLE "worker_visit_depots" DROP CONSTRAINT "worker_visit_depots_pkey";--> statement-breakpoint
ALTER TABLE "visit_plans" DROP CONSTRAINT "visit_plans_pkey";--> statement-breakpoint
ALTER TABLE "visit_plan_stops" DROP CONSTRAINT "visit_plan_stops_pkey";--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_pkey";--> statement-breakpoint
ALTER TABLE "visit_photos" DROP CONSTRAINT "visit_photos_pkey";--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_pkey";--> statement-breakpoint
ALTER TABLE "stations" DROP CONSTRAINT "stations_pkey";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_pkey";--> statement-breakpoint
ALTER TABLE "grids" DROP CONSTRAINT "grids_pkey";--> statement-breakpoint
ALTER TABLE "retailers" DROP CONSTRAINT "retailers_pkey";--> statement-breakpoint
ALTER TABLE "retailer_changes" DROP CONSTRAINT "retailer_changes_pkey";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_pkey";--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_pkey";--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_pkey";--> statement-breakpoint
ALTER TABLE "villages" DROP CONSTRAINT "villages_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";
