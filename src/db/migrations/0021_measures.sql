CREATE TABLE "measure_definitions" (
	"org_id" integer NOT NULL,
	"version" integer NOT NULL,
	"weights" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_definitions_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "retailer_measures" (
	"org_id" integer NOT NULL,
	"as_of" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"definition_version" integer NOT NULL,
	"satisfaction" real,
	"sat_answers" integer DEFAULT 0 NOT NULL,
	"sat_round_id" integer,
	"loyalty" real NOT NULL,
	"loy_continuity" real NOT NULL,
	"loy_stability" real NOT NULL,
	"loy_tenure" real NOT NULL,
	"loy_clean" real NOT NULL,
	"order_weeks" smallint NOT NULL,
	"eligible_weeks" smallint NOT NULL,
	"qty_cv" real,
	"tenure_months" smallint NOT NULL,
	"bad_orders" integer NOT NULL,
	"all_orders" integer NOT NULL,
	"contribution" real NOT NULL,
	"con_percentile" real NOT NULL,
	"con_share_index" real NOT NULL,
	"con_margin_percentile" real,
	"sales_amount" numeric(16, 2) NOT NULL,
	"county_share" real NOT NULL,
	"margin_amount" numeric(16, 2),
	"dependence" real,
	"dep_reported_on" date,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retailer_measures_org_id_as_of_retailer_id_pk" PRIMARY KEY("org_id","as_of","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "score_sheet_schemes" (
	"org_id" integer NOT NULL,
	"version" integer NOT NULL,
	"items" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_sheet_schemes_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
CREATE TABLE "score_sheets" (
	"org_id" integer NOT NULL,
	"month" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"scheme_version" integer NOT NULL,
	"records_to" date NOT NULL,
	"total" real NOT NULL,
	"max_total" real NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_sheets_org_id_month_subject_kind_subject_id_pk" PRIMARY KEY("org_id","month","subject_kind","subject_id")
);
--> statement-breakpoint
ALTER TABLE "measure_definitions" ADD CONSTRAINT "measure_definitions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_measures" ADD CONSTRAINT "retailer_measures_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheet_schemes" ADD CONSTRAINT "score_sheet_schemes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_sheets" ADD CONSTRAINT "score_sheets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retailer_measures_retailer" ON "retailer_measures" USING btree ("org_id","retailer_id","as_of");