CREATE TABLE "follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"visit_id" uuid,
	"retailer_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"station_id" integer,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"key_customer" boolean DEFAULT false NOT NULL,
	"action" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"overdue_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"resolution" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retailer_visit_overrides" (
	"retailer_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"visits_per_cycle" smallint,
	"service_minutes" smallint,
	"key_customer" boolean,
	"opens_at" smallint,
	"closes_at" smallint,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_frequency_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"priority" smallint NOT NULL,
	"label" text NOT NULL,
	"service_package" text,
	"star_min" smallint DEFAULT 0 NOT NULL,
	"star_max" smallint DEFAULT 6 NOT NULL,
	"class_prefix" text,
	"visits_per_cycle" smallint NOT NULL,
	"service_minutes" smallint DEFAULT 15 NOT NULL,
	"key_customer" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"visit_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"data_url" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plan_stops" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"plan_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"visit_date" date NOT NULL,
	"seq" smallint NOT NULL,
	"planned_start" smallint NOT NULL,
	"service_minutes" smallint NOT NULL,
	"leg_metres" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"station_id" integer,
	"cycle_start" date NOT NULL,
	"cycle_end" date NOT NULL,
	"depot" text DEFAULT 'station' NOT NULL,
	"depot_lat" double precision NOT NULL,
	"depot_lng" double precision NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_settings" (
	"org_id" integer PRIMARY KEY NOT NULL,
	"cycle_weeks" smallint DEFAULT 4 NOT NULL,
	"cycle_anchor" date DEFAULT '2026-01-05' NOT NULL,
	"work_weekdays" smallint[] DEFAULT '{1,2,3,4,5}'::smallint[] NOT NULL,
	"day_start" smallint DEFAULT 510 NOT NULL,
	"day_end" smallint DEFAULT 1050 NOT NULL,
	"order_day_policy" text DEFAULT 'precede' NOT NULL,
	"check_in_radius_m" integer DEFAULT 200 NOT NULL,
	"key_callback_hours" integer DEFAULT 24 NOT NULL,
	"follow_up_hours" integer DEFAULT 72 NOT NULL,
	"road_factor" double precision DEFAULT 1.3 NOT NULL,
	"speed_kmh" double precision DEFAULT 25 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"station_id" integer,
	"plan_stop_id" integer,
	"visit_date" date NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"check_in_lat" double precision NOT NULL,
	"check_in_lng" double precision NOT NULL,
	"check_in_accuracy_m" double precision,
	"check_in_distance_m" integer NOT NULL,
	"far_reason" text,
	"form" jsonb,
	"display_score" smallint,
	"suspect_counterfeit" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_visit_depots" (
	"worker_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"start_from" text DEFAULT 'station' NOT NULL,
	"home_lat" double precision,
	"home_lng" double precision
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_visit_overrides" ADD CONSTRAINT "retailer_visit_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_frequency_rules" ADD CONSTRAINT "visit_frequency_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_photos" ADD CONSTRAINT "visit_photos_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_plan_id_visit_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."visit_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plan_stops" ADD CONSTRAINT "visit_plan_stops_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_plans" ADD CONSTRAINT "visit_plans_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_settings" ADD CONSTRAINT "visit_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_plan_stop_id_visit_plan_stops_id_fk" FOREIGN KEY ("plan_stop_id") REFERENCES "public"."visit_plan_stops"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_visit_depots" ADD CONSTRAINT "worker_visit_depots_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_visit_depots" ADD CONSTRAINT "worker_visit_depots_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_visit_kind" ON "follow_ups" USING btree ("visit_id","kind");--> statement-breakpoint
CREATE INDEX "follow_ups_worker_status" ON "follow_ups" USING btree ("worker_id","status","due_at");--> statement-breakpoint
CREATE INDEX "follow_ups_station_status" ON "follow_ups" USING btree ("station_id","status","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_frequency_rules_org_priority" ON "visit_frequency_rules" USING btree ("org_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_photos_visit_seq" ON "visit_photos" USING btree ("visit_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plan_stops_plan_day_retailer" ON "visit_plan_stops" USING btree ("plan_id","visit_date","retailer_id");--> statement-breakpoint
CREATE INDEX "visit_plan_stops_worker_date" ON "visit_plan_stops" USING btree ("worker_id","visit_date");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_plans_worker_cycle" ON "visit_plans" USING btree ("org_id","worker_id","cycle_start");--> statement-breakpoint
CREATE INDEX "visits_worker_date" ON "visits" USING btree ("worker_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_retailer" ON "visits" USING btree ("retailer_id","visit_date");--> statement-breakpoint
CREATE INDEX "visits_station_date" ON "visits" USING btree ("station_id","visit_date");