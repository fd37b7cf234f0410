CREATE TABLE "desk_case_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"type" text NOT NULL,
	"by_user_id" integer,
	"text" text DEFAULT '' NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"to_retailer" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"cause" text NOT NULL,
	"jurisdiction" text NOT NULL,
	"retailer_id" integer NOT NULL,
	"grid_id" integer,
	"station_id" integer,
	"subject_user_id" integer,
	"handler_id" integer,
	"text" text NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"segment" text DEFAULT 'normal' NOT NULL,
	"policy_version" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"milestone" text DEFAULT 'first_contact' NOT NULL,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"county_at" timestamp with time zone,
	"escalation" smallint DEFAULT 0 NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"waiting_since" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"resolution" text,
	"survey_due_at" timestamp with time zone,
	"reopen_count" smallint DEFAULT 0 NOT NULL,
	"forwarded_at" timestamp with time zone,
	"forward_ref" text,
	"valid" boolean,
	"follow_up_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"version" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_rewards" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"given_by" integer,
	"given_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "desk_surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"result" text NOT NULL,
	"channel" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"handler_id" integer,
	"late" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_events" ADD CONSTRAINT "desk_case_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" ADD CONSTRAINT "desk_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_policies" ADD CONSTRAINT "desk_policies_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_policies" ADD CONSTRAINT "desk_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_rewards" ADD CONSTRAINT "desk_rewards_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_case_id_desk_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."desk_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_surveys" ADD CONSTRAINT "desk_surveys_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "desk_case_events_case" ON "desk_case_events" USING btree ("org_id","case_id","at");--> statement-breakpoint
CREATE INDEX "desk_case_events_type_at" ON "desk_case_events" USING btree ("org_id","type","at");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_cases_org_id" ON "desk_cases" USING btree ("org_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "desk_cases_follow_up" ON "desk_cases" USING btree ("org_id","follow_up_id");--> statement-breakpoint
CREATE INDEX "desk_cases_retailer" ON "desk_cases" USING btree ("org_id","retailer_id","opened_at");--> statement-breakpoint
CREATE INDEX "desk_cases_handler" ON "desk_cases" USING btree ("org_id","handler_id","status");--> statement-breakpoint
CREATE INDEX "desk_cases_station" ON "desk_cases" USING btree ("org_id","station_id","status");--> statement-breakpoint
CREATE INDEX "desk_cases_warn" ON "desk_cases" USING btree ("warn_at") WHERE warned_at is null;--> statement-breakpoint
CREATE INDEX "desk_cases_due" ON "desk_cases" USING btree ("due_at") WHERE breached_at is null;--> statement-breakpoint
CREATE INDEX "desk_cases_county" ON "desk_cases" USING btree ("county_at") WHERE escalation < 2;--> statement-breakpoint
CREATE UNIQUE INDEX "desk_policies_org_version" ON "desk_policies" USING btree ("org_id","version");--> statement-breakpoint
CREATE INDEX "desk_rewards_case" ON "desk_rewards" USING btree ("org_id","case_id");--> statement-breakpoint
CREATE INDEX "desk_rewards_status" ON "desk_rewards" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "desk_surveys_case" ON "desk_surveys" USING btree ("org_id","case_id","at");