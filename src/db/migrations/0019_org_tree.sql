ALTER TYPE "public"."role" ADD VALUE 'regional_marketing';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'regional_liaison';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'regional_auditor';--> statement-breakpoint
CREATE TABLE "org_rollups" (
	"org_id" integer PRIMARY KEY NOT NULL,
	"payload" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_rules" (
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"overridable" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_rules_org_id_kind_version_pk" PRIMARY KEY("org_id","kind","version")
);
--> statement-breakpoint
CREATE TABLE "org_units" (
	"org_id" integer PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"level" text NOT NULL,
	CONSTRAINT "org_units_level" CHECK ("org_units"."level" in ('province', 'city', 'county'))
);
--> statement-breakpoint
ALTER TABLE "org_rollups" ADD CONSTRAINT "org_rollups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_rules" ADD CONSTRAINT "org_rules_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_orgs_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_parent" ON "org_units" USING btree ("parent_id");