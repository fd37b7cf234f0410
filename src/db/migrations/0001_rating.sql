CREATE TABLE "compliance_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"month" text NOT NULL,
	"score" smallint NOT NULL,
	"penalties" smallint DEFAULT 0 NOT NULL,
	"compliance_class" text NOT NULL,
	"source" text DEFAULT 'entry' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_freezes" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"month" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"month" text NOT NULL,
	"scheme_version" text NOT NULL,
	"status" text DEFAULT 'computing' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"step" text DEFAULT '' NOT NULL,
	"retailers" integer DEFAULT 0 NOT NULL,
	"order_lines" integer DEFAULT 0 NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"seconds" real,
	"created_by" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "rating_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"version" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retailer_ratings" (
	"run_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"month" text NOT NULL,
	"scheme_version" text NOT NULL,
	"network" text NOT NULL,
	"class_code" text NOT NULL,
	"scale" smallint NOT NULL,
	"tier" smallint NOT NULL,
	"computed_tier" smallint,
	"tier_score" real NOT NULL,
	"star" smallint NOT NULL,
	"star_score" real NOT NULL,
	"segment" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"frozen_reason" text,
	CONSTRAINT "retailer_ratings_run_id_retailer_id_pk" PRIMARY KEY("run_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "tier_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"month" text NOT NULL,
	"from_tier" smallint NOT NULL,
	"to_tier" smallint NOT NULL,
	"reason" text NOT NULL,
	"changed_by" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_records" ADD CONSTRAINT "compliance_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_freezes" ADD CONSTRAINT "rating_freezes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_runs" ADD CONSTRAINT "rating_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_schemes" ADD CONSTRAINT "rating_schemes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_schemes" ADD CONSTRAINT "rating_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_ratings" ADD CONSTRAINT "retailer_ratings_run_id_rating_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."rating_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_run_id_rating_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."rating_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_overrides" ADD CONSTRAINT "tier_overrides_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_records_retailer_month" ON "compliance_records" USING btree ("retailer_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_freezes_retailer_month" ON "rating_freezes" USING btree ("retailer_id","month");--> statement-breakpoint
CREATE INDEX "rating_runs_org_month" ON "rating_runs" USING btree ("org_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_runs_published" ON "rating_runs" USING btree ("org_id","month") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "rating_schemes_org_version" ON "rating_schemes" USING btree ("org_id","version");--> statement-breakpoint
CREATE INDEX "retailer_ratings_retailer" ON "retailer_ratings" USING btree ("retailer_id","month");--> statement-breakpoint
CREATE INDEX "tier_overrides_run" ON "tier_overrides" USING btree ("run_id","retailer_id");