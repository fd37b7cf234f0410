DROP INDEX "notice_deliveries_request";--> statement-breakpoint
DROP INDEX "plan_orders_order";--> statement-breakpoint
DROP INDEX "compliance_records_retailer_month";--> statement-breakpoint
DROP INDEX "customer_representatives_open";--> statement-breakpoint
DROP INDEX "rating_freezes_retailer_month";--> statement-breakpoint
DROP INDEX "follow_ups_visit_kind";--> statement-breakpoint
DROP INDEX "visit_photos_visit_seq";--> statement-breakpoint
DROP INDEX "visit_plan_stops_plan_day_retailer";--> statement-breakpoint
ALTER TABLE "delivery_point_members" DROP CONSTRAINT "delivery_point_members_point_id_retailer_id_pk";--> statement-breakpoint
ALTER TABLE "allocation_quotas" DROP CONSTRAINT "allocation_quotas_plan_id_product_id_tier_network_pk";--> statement-breakpoint
ALTER TABLE "order_limits" DROP CONSTRAINT "order_limits_plan_id_retailer_id_product_id_pk";--> statement-breakpoint
ALTER TABLE "order_windows" DROP CONSTRAINT "order_windows_plan_id_weekday_pk";--> statement-breakpoint
ALTER TABLE "plan_orders" DROP CONSTRAINT "plan_orders_plan_id_retailer_id_pk";--> statement-breakpoint
ALTER TABLE "supply_plan_items" DROP CONSTRAINT "supply_plan_items_plan_id_product_id_pk";--> statement-breakpoint
ALTER TABLE "retailer_ratings" DROP CONSTRAINT "retailer_ratings_run_id_retailer_id_pk";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'desk_case_events'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "desk_case_events" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'desk_cases'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "desk_cases" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'desk_policies'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "desk_policies" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'desk_rewards'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "desk_rewards" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'desk_surveys'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "desk_surveys" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'delivery_points'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "delivery_points" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'grid_areas'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "grid_areas" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'grid_proposals'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "grid_proposals" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'grid_retired'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "grid_retired" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'retailer_service_modes'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "retailer_service_modes" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'notice_campaigns'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "notice_campaigns" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'notice_deliveries'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "notice_deliveries" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'notices'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "notices" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'onboardings'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "onboardings" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'emergency_requests'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "emergency_requests" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'order_corrections'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "order_corrections" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'outbox'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "outbox" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'settlement_attempts'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "settlement_attempts" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'supply_plans'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "supply_plans" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'rating_tier_causes'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "rating_tier_causes" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'compliance_records'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "compliance_records" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'customer_representatives'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "customer_representatives" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'rating_freezes'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "rating_freezes" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'rating_runs'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "rating_runs" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'rating_schemes'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "rating_schemes" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'representative_reviews'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "representative_reviews" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'tier_overrides'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "tier_overrides" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'follow_ups'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "follow_ups" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'retailer_visit_overrides'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "retailer_visit_overrides" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'visit_frequency_rules'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "visit_frequency_rules" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'visit_photos'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "visit_photos" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'visit_plan_stops'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "visit_plan_stops" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'visit_plans'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "visit_plans" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'visits'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "visits" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'worker_visit_depots'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "worker_visit_depots" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'audit_log'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "audit_log" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'grids'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "grids" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'order_lines'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "order_lines" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'orders'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "orders" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'products'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "products" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'retailer_changes'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "retailer_changes" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'retailers'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "retailers" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'stations'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "stations" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'users'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "users" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
/* 
    Unfortunately in current drizzle-kit version we can't automatically get name for primary key.
    We are working on making it available!

    Meanwhile you can:
        1. Check pk name in your database, by running
            SELECT constraint_name FROM information_schema.table_constraints
            WHERE table_schema = 'public'
                AND table_name = 'villages'
                AND constraint_type = 'PRIMARY KEY';
        2. Uncomment code below and paste pk name manually
        
    Hope to release this update as soon as possible
*/

-- ALTER TABLE "villages" DROP CONSTRAINT "<constraint_name>";--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "desk_policies" ADD CONSTRAINT "desk_policies_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_point_id_retailer_id_org_id_pk" PRIMARY KEY("point_id","retailer_id","org_id");--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_grid_id_org_id_pk" PRIMARY KEY("grid_id","org_id");--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_grid_id_org_id_pk" PRIMARY KEY("grid_id","org_id");--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_retailer_id_org_id_pk" PRIMARY KEY("retailer_id","org_id");--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "allocation_quotas" ADD CONSTRAINT "allocation_quotas_plan_id_product_id_tier_network_org_id_pk" PRIMARY KEY("plan_id","product_id","tier","network","org_id");--> statement-breakpoint
ALTER TABLE "emergency_requests" ADD CONSTRAINT "emergency_requests_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "order_corrections" ADD CONSTRAINT "order_corrections_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "order_limits" ADD CONSTRAINT "order_limits_plan_id_retailer_id_product_id_org_id_pk" PRIMARY KEY("plan_id","retailer_id","product_id","org_id");--> statement-breakpoint
ALTER TABLE "order_windows" ADD CONSTRAINT "order_windows_plan_id_weekday_org_id_pk" PRIMARY KEY("plan_id","weekday","org_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_plan_id_retailer_id_org_id_pk" PRIMARY KEY("plan_id","retailer_id","org_id");--> statement-breakpoint
ALTER TABLE "settlement_attempts" ADD CONSTRAINT "settlement_attempts_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "supply_plan_items" ADD CONSTRAINT "supply_plan_items_plan_id_product_id_org_id_pk" PRIMARY KEY("plan_id","product_id","org_id");--> statement-breakpoint
ALTER TABLE "supply_plans" ADD CONSTRAINT "supply_plans_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "rating_tier_causes" ADD CONSTRAINT "rating_tier_causes_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "rating_schemes" ADD CONSTRAINT "rating_schemes_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "retailer_ratings" ADD CONSTRAINT "retailer_ratings_run_id_retailer_id_org_id_pk" PRIMARY KEY("run_id","retailer_id","org_id");--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_retailer_id_org_id_pk" PRIMARY KEY("retailer_id","org_id");--> statement-breakpoint
ALTER TABLE "visit_frequency_rules" ADD CONSTRAINT "visit_frequency_rules_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "worker_visit_depots" ADD CONSTRAINT "worker_visit_depots_worker_id_org_id_pk" PRIMARY KEY("worker_id","org_id");--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "retailer_changes" ADD CONSTRAINT "retailer_changes_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "stations" ADD CONSTRAINT "stations_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_id_org_id_pk" PRIMARY KEY("id","org_id");--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_case_id_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."desk_cases"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_by_user_id_fk" FOREIGN KEY ("org_id","by_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_subject_user_id_fk" FOREIGN KEY ("org_id","subject_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_handler_id_fk" FOREIGN KEY ("org_id","handler_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_follow_up_id_fk" FOREIGN KEY ("org_id","follow_up_id") REFERENCES "public"."follow_ups"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_policies" ADD CONSTRAINT "desk_policies_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_case_id_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."desk_cases"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_proposed_by_fk" FOREIGN KEY ("org_id","proposed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_given_by_fk" FOREIGN KEY ("org_id","given_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_case_id_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."desk_cases"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_recorded_by_fk" FOREIGN KEY ("org_id","recorded_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_handler_id_fk" FOREIGN KEY ("org_id","handler_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_point_id_fk" FOREIGN KEY ("org_id","point_id") REFERENCES "public"."delivery_points"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_updated_by_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_applied_by_fk" FOREIGN KEY ("org_id","applied_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_merged_into_fk" FOREIGN KEY ("org_id","merged_into") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_retired_by_fk" FOREIGN KEY ("org_id","retired_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_updated_by_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_fk" FOREIGN KEY ("org_id","notice_id") REFERENCES "public"."notices"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_campaign_id_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."notice_campaigns"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_onboarding_id_fk" FOREIGN KEY ("org_id","onboarding_id") REFERENCES "public"."onboardings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_owner_user_id_fk" FOREIGN KEY ("org_id","owner_user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_completed_by_fk" FOREIGN KEY ("org_id","completed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_quotas" ADD CONSTRAINT "allocation_quotas_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."supply_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_quotas" ADD CONSTRAINT "allocation_quotas_product_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_requests" ADD CONSTRAINT "emergency_requests_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_requests" ADD CONSTRAINT "emergency_requests_product_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_requests" ADD CONSTRAINT "emergency_requests_requested_by_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_requests" ADD CONSTRAINT "emergency_requests_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_corrections" ADD CONSTRAINT "order_corrections_order_line_id_fk" FOREIGN KEY ("org_id","order_line_id") REFERENCES "public"."order_lines"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_corrections" ADD CONSTRAINT "order_corrections_replacement_product_id_fk" FOREIGN KEY ("org_id","replacement_product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_corrections" ADD CONSTRAINT "order_corrections_requested_by_fk" FOREIGN KEY ("org_id","requested_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_corrections" ADD CONSTRAINT "order_corrections_decided_by_fk" FOREIGN KEY ("org_id","decided_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_limits" ADD CONSTRAINT "order_limits_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."supply_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_limits" ADD CONSTRAINT "order_limits_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_limits" ADD CONSTRAINT "order_limits_product_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_windows" ADD CONSTRAINT "order_windows_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."supply_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."supply_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_orders" ADD CONSTRAINT "plan_orders_order_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_attempts" ADD CONSTRAINT "settlement_attempts_order_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_attempts" ADD CONSTRAINT "settlement_attempts_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plan_items" ADD CONSTRAINT "supply_plan_items_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."supply_plans"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plan_items" ADD CONSTRAINT "supply_plan_items_product_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plans" ADD CONSTRAINT "supply_plans_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plans" ADD CONSTRAINT "supply_plans_published_by_fk" FOREIGN KEY ("org_id","published_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_tier_causes" ADD CONSTRAINT "rating_tier_causes_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_tier_causes" ADD CONSTRAINT "rating_tier_causes_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_invited_by_fk" FOREIGN KEY ("org_id","invited_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_published_by_fk" FOREIGN KEY ("org_id","published_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_schemes" ADD CONSTRAINT "rating_schemes_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_representative_id_fk" FOREIGN KEY ("org_id","representative_id") REFERENCES "public"."customer_representatives"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_reviewed_by_fk" FOREIGN KEY ("org_id","reviewed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_settings" ADD CONSTRAINT "representative_settings_updated_by_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_ratings" ADD CONSTRAINT "retailer_ratings_run_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."rating_runs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_run_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."rating_runs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_changed_by_fk" FOREIGN KEY ("org_id","changed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_id_fk" FOREIGN KEY ("org_id","visit_id") REFERENCES "public"."visits"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_done_by_fk" FOREIGN KEY ("org_id","done_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_updated_by_fk" FOREIGN KEY ("org_id","updated_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_fk" FOREIGN KEY ("org_id","visit_id") REFERENCES "public"."visits"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_plan_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."visit_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_plan_stop_id_fk" FOREIGN KEY ("org_id","plan_stop_id") REFERENCES "public"."visit_plan_stops"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_visit_depots" ADD CONSTRAINT "worker_visit_depots_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_fk" FOREIGN KEY ("org_id","order_id") REFERENCES "public"."orders"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_changes" ADD CONSTRAINT "retailer_changes_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_changes" ADD CONSTRAINT "retailer_changes_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailers" ADD CONSTRAINT "retailers_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_deliveries_request" ON "notice_deliveries" USING btree ("request_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_orders_order" ON "plan_orders" USING btree ("order_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_records_retailer_month" ON "compliance_records" USING btree ("retailer_id","month","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_representatives_open" ON "customer_representatives" USING btree ("retailer_id","org_id") WHERE status in ('invited', 'active');--> statement-breakpoint
CREATE UNIQUE INDEX "rating_freezes_retailer_month" ON "rating_freezes" USING btree ("retailer_id","month","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_visit_kind" ON "follow_ups" USING btree ("visit_id","kind","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_photos_visit_seq" ON "visit_photos" USING btree ("visit_id","seq","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plan_stops_plan_day_retailer" ON "visit_plan_stops" USING btree ("plan_id","visit_date","retailer_id","org_id");