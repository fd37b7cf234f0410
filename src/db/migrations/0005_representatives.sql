CREATE TABLE "customer_representatives" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"score" real DEFAULT 0 NOT NULL,
	"invited_by" integer,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "representative_reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"representative_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"reviewed_by" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "representative_settings" (
	"org_id" integer PRIMARY KEY NOT NULL,
	"cap_pct" real DEFAULT 5 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_representatives" ADD CONSTRAINT "customer_representatives_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_representative_id_customer_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."customer_representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_reviews" ADD CONSTRAINT "representative_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_settings" ADD CONSTRAINT "representative_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representative_settings" ADD CONSTRAINT "representative_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_representatives_org" ON "customer_representatives" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_representatives_open" ON "customer_representatives" USING btree ("retailer_id") WHERE status in ('invited', 'active');--> statement-breakpoint
CREATE INDEX "representative_reviews_rep" ON "representative_reviews" USING btree ("representative_id");