CREATE TABLE "calendar_overrides" (
	"org_id" integer NOT NULL,
	"date" date NOT NULL,
	"workday" boolean NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_org_id_date_pk" PRIMARY KEY("org_id","date")
);
--> statement-breakpoint
CREATE TABLE "onboarding_steps" (
	"org_id" integer NOT NULL,
	"onboarding_id" integer NOT NULL,
	"step" text NOT NULL,
	"seq" smallint NOT NULL,
	"owner_role" text NOT NULL,
	"owner_user_id" integer,
	"working_days" smallint NOT NULL,
	"started_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "onboarding_steps_org_id_onboarding_id_step_pk" PRIMARY KEY("org_id","onboarding_id","step")
);
--> statement-breakpoint
CREATE TABLE "onboardings" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"licence_no" text NOT NULL,
	"shop_name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"grid_id" integer NOT NULL,
	"retailer_id" integer,
	"licensed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_onboarding_id_onboardings_id_fk" FOREIGN KEY ("onboarding_id") REFERENCES "public"."onboardings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboarding_steps" ADD CONSTRAINT "onboarding_steps_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "onboardings" ADD CONSTRAINT "onboardings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "onboarding_steps_seq" ON "onboarding_steps" USING btree ("org_id","onboarding_id","seq");--> statement-breakpoint
CREATE INDEX "onboarding_steps_open_due" ON "onboarding_steps" USING btree ("due_at") WHERE completed_at is null and started_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "onboardings_org_licence" ON "onboardings" USING btree ("org_id","licence_no");--> statement-breakpoint
CREATE UNIQUE INDEX "onboardings_org_retailer" ON "onboardings" USING btree ("org_id","retailer_id");--> statement-breakpoint
CREATE INDEX "onboardings_org_open" ON "onboardings" USING btree ("org_id") WHERE finished_at is null;