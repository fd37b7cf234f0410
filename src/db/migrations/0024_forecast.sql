CREATE TABLE "forecast_overrides" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"retailer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"qty" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecast_overrides_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "forecast_overrides_qty" CHECK ("forecast_overrides"."qty" >= 0),
	CONSTRAINT "forecast_overrides_reason" CHECK (length(btrim("forecast_overrides"."reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "forecast_runs" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"origin_week" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"seed" integer NOT NULL,
	"summary" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "forecast_runs_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "forecasts" (
	"org_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"horizon" smallint NOT NULL,
	"qty" double precision NOT NULL,
	"low" double precision NOT NULL,
	"high" double precision NOT NULL,
	"baseline" double precision NOT NULL,
	"event_effect" double precision NOT NULL,
	"trend" double precision NOT NULL,
	"adjustment" double precision NOT NULL,
	"event_kind" text,
	"event_offset" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "forecasts_org_id_run_id_retailer_id_product_id_week_start_pk" PRIMARY KEY("org_id","run_id","retailer_id","product_id","week_start"),
	CONSTRAINT "forecasts_qty" CHECK ("forecasts"."qty" >= 0)
);
--> statement-breakpoint
ALTER TABLE "forecast_overrides" ADD CONSTRAINT "forecast_overrides_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_overrides" ADD CONSTRAINT "forecast_overrides_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecasts" ADD CONSTRAINT "forecasts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forecast_overrides_target" ON "forecast_overrides" USING btree ("org_id","retailer_id","product_id","week_start");--> statement-breakpoint
CREATE INDEX "forecast_runs_org_origin" ON "forecast_runs" USING btree ("org_id","origin_week");--> statement-breakpoint
CREATE INDEX "forecasts_org_week_retailer" ON "forecasts" USING btree ("org_id","week_start","retailer_id");