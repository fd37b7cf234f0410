CREATE TABLE "demand_weeks" (
	"org_id" integer NOT NULL,
	"week_start" date NOT NULL,
	"retailer_id" integer NOT NULL,
	"product_id" integer NOT NULL,
	"demand" bigint NOT NULL,
	"lines" integer NOT NULL,
	"bound_lines" integer NOT NULL,
	"censored" boolean NOT NULL,
	"product_ids" integer[],
	"product_demand" integer[],
	CONSTRAINT "demand_weeks_org_id_week_start_retailer_id_product_id_pk" PRIMARY KEY("org_id","week_start","retailer_id","product_id")
);
--> statement-breakpoint
ALTER TABLE "demand_weeks" ADD CONSTRAINT "demand_weeks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;