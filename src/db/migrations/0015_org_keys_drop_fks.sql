ALTER TABLE "calendar_overrides" DROP CONSTRAINT "calendar_overrides_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_case_events" DROP CONSTRAINT "desk_case_events_case_id_desk_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_case_events" DROP CONSTRAINT "desk_case_events_by_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_subject_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_handler_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_follow_up_id_follow_ups_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_cases" DROP CONSTRAINT "desk_cases_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_policies" DROP CONSTRAINT "desk_policies_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_case_id_desk_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_proposed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_rewards" DROP CONSTRAINT "desk_rewards_given_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_surveys" DROP CONSTRAINT "desk_surveys_case_id_desk_cases_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_surveys" DROP CONSTRAINT "desk_surveys_recorded_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "desk_surveys" DROP CONSTRAINT "desk_surveys_handler_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_point_members" DROP CONSTRAINT "delivery_point_members_point_id_delivery_points_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_point_members" DROP CONSTRAINT "delivery_point_members_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_points" DROP CONSTRAINT "delivery_points_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "delivery_points" DROP CONSTRAINT "delivery_points_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_areas" DROP CONSTRAINT "grid_areas_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_areas" DROP CONSTRAINT "grid_areas_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_proposals" DROP CONSTRAINT "grid_proposals_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_proposals" DROP CONSTRAINT "grid_proposals_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_proposals" DROP CONSTRAINT "grid_proposals_applied_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_retired" DROP CONSTRAINT "grid_retired_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_retired" DROP CONSTRAINT "grid_retired_merged_into_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "grid_retired" DROP CONSTRAINT "grid_retired_retired_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_service_modes" DROP CONSTRAINT "retailer_service_modes_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_service_modes" DROP CONSTRAINT "retailer_service_modes_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "jobs" DROP CONSTRAINT "jobs_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "notice_campaigns" DROP CONSTRAINT "notice_campaigns_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "notice_campaigns" DROP CONSTRAINT "notice_campaigns_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "notice_deliveries" DROP CONSTRAINT "notice_deliveries_notice_id_notices_id_fk";
--> statement-breakpoint
ALTER TABLE "notice_preferences" DROP CONSTRAINT "notice_preferences_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_campaign_id_notice_campaigns_id_fk";
--> statement-breakpoint
ALTER TABLE "notices" DROP CONSTRAINT "notices_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "onboarding_steps" DROP CONSTRAINT "onboarding_steps_onboarding_id_onboardings_id_fk";
--> statement-breakpoint
ALTER TABLE "onboarding_steps" DROP CONSTRAINT "onboarding_steps_owner_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "onboarding_steps" DROP CONSTRAINT "onboarding_steps_completed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "onboardings" DROP CONSTRAINT "onboardings_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "onboardings" DROP CONSTRAINT "onboardings_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "onboardings" DROP CONSTRAINT "onboardings_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "allocation_quotas" DROP CONSTRAINT "allocation_quotas_plan_id_supply_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "allocation_quotas" DROP CONSTRAINT "allocation_quotas_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "emergency_requests" DROP CONSTRAINT "emergency_requests_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "emergency_requests" DROP CONSTRAINT "emergency_requests_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "emergency_requests" DROP CONSTRAINT "emergency_requests_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "emergency_requests" DROP CONSTRAINT "emergency_requests_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "order_corrections" DROP CONSTRAINT "order_corrections_order_line_id_order_lines_id_fk";
--> statement-breakpoint
ALTER TABLE "order_corrections" DROP CONSTRAINT "order_corrections_replacement_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "order_corrections" DROP CONSTRAINT "order_corrections_requested_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "order_corrections" DROP CONSTRAINT "order_corrections_decided_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "order_limits" DROP CONSTRAINT "order_limits_plan_id_supply_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "order_limits" DROP CONSTRAINT "order_limits_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "order_limits" DROP CONSTRAINT "order_limits_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "order_windows" DROP CONSTRAINT "order_windows_plan_id_supply_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_orders" DROP CONSTRAINT "plan_orders_plan_id_supply_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_orders" DROP CONSTRAINT "plan_orders_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "plan_orders" DROP CONSTRAINT "plan_orders_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "settlement_attempts" DROP CONSTRAINT "settlement_attempts_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "settlement_attempts" DROP CONSTRAINT "settlement_attempts_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "supply_plan_items" DROP CONSTRAINT "supply_plan_items_plan_id_supply_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "supply_plan_items" DROP CONSTRAINT "supply_plan_items_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "supply_plans" DROP CONSTRAINT "supply_plans_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "supply_plans" DROP CONSTRAINT "supply_plans_published_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_tier_causes" DROP CONSTRAINT "rating_tier_causes_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_tier_causes" DROP CONSTRAINT "rating_tier_causes_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "compliance_records" DROP CONSTRAINT "compliance_records_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "compliance_records" DROP CONSTRAINT "compliance_records_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_representatives" DROP CONSTRAINT "customer_representatives_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_representatives" DROP CONSTRAINT "customer_representatives_invited_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_freezes" DROP CONSTRAINT "rating_freezes_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_freezes" DROP CONSTRAINT "rating_freezes_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_runs" DROP CONSTRAINT "rating_runs_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_runs" DROP CONSTRAINT "rating_runs_published_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "rating_schemes" DROP CONSTRAINT "rating_schemes_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "representative_reviews" DROP CONSTRAINT "representative_reviews_representative_id_customer_representatives_id_fk";
--> statement-breakpoint
ALTER TABLE "representative_reviews" DROP CONSTRAINT "representative_reviews_reviewed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "representative_settings" DROP CONSTRAINT "representative_settings_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_ratings" DROP CONSTRAINT "retailer_ratings_run_id_rating_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "tier_overrides" DROP CONSTRAINT "tier_overrides_run_id_rating_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "tier_overrides" DROP CONSTRAINT "tier_overrides_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "tier_overrides" DROP CONSTRAINT "tier_overrides_changed_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_visit_id_visits_id_fk";
--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "follow_ups" DROP CONSTRAINT "follow_ups_done_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" DROP CONSTRAINT "retailer_visit_overrides_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" DROP CONSTRAINT "retailer_visit_overrides_updated_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_photos" DROP CONSTRAINT "visit_photos_visit_id_visits_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_plan_stops" DROP CONSTRAINT "visit_plan_stops_plan_id_visit_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_plan_stops" DROP CONSTRAINT "visit_plan_stops_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_plan_stops" DROP CONSTRAINT "visit_plan_stops_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_plans" DROP CONSTRAINT "visit_plans_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "visit_plans" DROP CONSTRAINT "visit_plans_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_plan_stop_id_visit_plan_stops_id_fk";
--> statement-breakpoint
ALTER TABLE "worker_visit_depots" DROP CONSTRAINT "worker_visit_depots_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "grids" DROP CONSTRAINT "grids_station_id_stations_id_fk";
--> statement-breakpoint
ALTER TABLE "grids" DROP CONSTRAINT "grids_worker_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_order_id_orders_id_fk";
--> statement-breakpoint
ALTER TABLE "order_lines" DROP CONSTRAINT "order_lines_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "orders" DROP CONSTRAINT "orders_created_by_users_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_changes" DROP CONSTRAINT "retailer_changes_retailer_id_retailers_id_fk";
--> statement-breakpoint
ALTER TABLE "retailer_changes" DROP CONSTRAINT "retailer_changes_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "retailers" DROP CONSTRAINT "retailers_grid_id_grids_id_fk";
--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_station_id_stations_id_fk";
