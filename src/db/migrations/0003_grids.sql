CREATE TABLE "grid_areas" (
	"grid_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"area" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"station_id" integer,
	"params" jsonb NOT NULL,
	"basis" text NOT NULL,
	"grids" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" integer,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "grid_retired" (
	"grid_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"merged_into" integer,
	"retired_by" integer,
	"retired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retailer_service_modes" (
	"retailer_id" integer PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"mode" text NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"group_no" integer,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_areas" ADD CONSTRAINT "grid_areas_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_proposals" ADD CONSTRAINT "grid_proposals_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_merged_into_grids_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grid_retired" ADD CONSTRAINT "grid_retired_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_service_modes" ADD CONSTRAINT "retailer_service_modes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grid_proposals_org" ON "grid_proposals" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "retailer_service_modes_org" ON "retailer_service_modes" USING btree ("org_id","mode");