CREATE TABLE "launch_checks" (
	"org_id" integer NOT NULL,
	"launch_id" integer NOT NULL,
	"visit_id" uuid NOT NULL,
	"retailer_id" integer NOT NULL,
	"worker_id" integer NOT NULL,
	"visit_date" date NOT NULL,
	"on_shelf" boolean NOT NULL,
	"taste" smallint,
	"price_acceptance" text,
	"pack" smallint,
	"rebuy_intent" text,
	"samples_given" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "launch_checks_org_id_launch_id_visit_id_pk" PRIMARY KEY("org_id","launch_id","visit_id")
);
--> statement-breakpoint
CREATE TABLE "launch_targets" (
	"org_id" integer NOT NULL,
	"launch_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"station_id" integer NOT NULL,
	"worker_id" integer,
	"tier" smallint NOT NULL,
	CONSTRAINT "launch_targets_org_id_launch_id_retailer_id_pk" PRIMARY KEY("org_id","launch_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "launch_week_stats" (
	"org_id" integer NOT NULL,
	"launch_id" integer NOT NULL,
	"dim" text NOT NULL,
	"dim_key" integer NOT NULL,
	"week" smallint NOT NULL,
	"targets" integer NOT NULL,
	"active_targets" integer NOT NULL,
	"ordered_shops" integer NOT NULL,
	"reordered_shops" integer NOT NULL,
	"shelf_shops" integer NOT NULL,
	"on_shelf_now" integer NOT NULL,
	"requested_qty" integer NOT NULL,
	"supplied_qty" integer NOT NULL,
	"listing_rate" double precision,
	"reorder_rate" double precision,
	"shelf_rate" double precision,
	"distribution_rate" double precision,
	CONSTRAINT "launch_week_stats_org_id_launch_id_dim_dim_key_week_pk" PRIMARY KEY("org_id","launch_id","dim","dim_key","week")
);
--> statement-breakpoint
CREATE TABLE "launches" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"product_id" integer NOT NULL,
	"name" text NOT NULL,
	"launch_week" date NOT NULL,
	"weeks" smallint NOT NULL,
	"target" jsonb NOT NULL,
	"target_count" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_at" timestamp with time zone,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "launches_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "launches_weeks" CHECK ("launches"."weeks" between 1 and 26)
);
--> statement-breakpoint
ALTER TABLE "launch_checks" ADD CONSTRAINT "launch_checks_org_id_launch_id_retailer_id_launch_targets_org_id_launch_id_retailer_id_fk" FOREIGN KEY ("org_id","launch_id","retailer_id") REFERENCES "public"."launch_targets"("org_id","launch_id","retailer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "launch_targets" ADD CONSTRAINT "launch_targets_org_id_launch_id_launches_org_id_id_fk" FOREIGN KEY ("org_id","launch_id") REFERENCES "public"."launches"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "launch_week_stats" ADD CONSTRAINT "launch_week_stats_org_id_launch_id_launches_org_id_id_fk" FOREIGN KEY ("org_id","launch_id") REFERENCES "public"."launches"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "launches" ADD CONSTRAINT "launches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "launch_checks_retailer" ON "launch_checks" USING btree ("org_id","launch_id","retailer_id","visit_date");--> statement-breakpoint
CREATE INDEX "launch_targets_retailer" ON "launch_targets" USING btree ("org_id","retailer_id");--> statement-breakpoint
CREATE INDEX "launches_org_week" ON "launches" USING btree ("org_id","launch_week");