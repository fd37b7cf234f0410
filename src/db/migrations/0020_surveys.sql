CREATE TABLE "survey_questionnaires" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"purpose" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_questionnaires_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"round_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" integer,
	"answers" jsonb NOT NULL,
	"dimension_scores" jsonb NOT NULL,
	"score" numeric(5, 2),
	"scored" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_responses_channel" CHECK ("survey_responses"."channel" in ('app', 'sms', 'agent'))
);
--> statement-breakpoint
CREATE TABLE "survey_rounds" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"questionnaire_id" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"share" numeric(5, 4) NOT NULL,
	"rotate" smallint DEFAULT 0 NOT NULL,
	"seed" integer NOT NULL,
	"frame" jsonb NOT NULL,
	"link_secret" text NOT NULL,
	"created_by" integer,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	CONSTRAINT "survey_rounds_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_rounds_status" CHECK ("survey_rounds"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "survey_sample" (
	"org_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"station_id" integer,
	"grid_id" integer,
	"worker_id" integer,
	"tier" smallint NOT NULL,
	"format" text NOT NULL,
	"stratum" text NOT NULL,
	"token_hash" text,
	"invited_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "survey_sample_org_id_round_id_retailer_id_pk" PRIMARY KEY("org_id","round_id","retailer_id")
);
--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_questionnaires" ADD CONSTRAINT "survey_questionnaires_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_recorded_by_fk" FOREIGN KEY ("org_id","recorded_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_round_id_retailer_id_survey_sample_org_id_round_id_retailer_id_fk" FOREIGN KEY ("org_id","round_id","retailer_id") REFERENCES "public"."survey_sample"("org_id","round_id","retailer_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_closed_by_fk" FOREIGN KEY ("org_id","closed_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rounds" ADD CONSTRAINT "survey_rounds_org_id_questionnaire_id_survey_questionnaires_org_id_id_fk" FOREIGN KEY ("org_id","questionnaire_id") REFERENCES "public"."survey_questionnaires"("org_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_retailer_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_station_id_fk" FOREIGN KEY ("org_id","station_id") REFERENCES "public"."stations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_grid_id_fk" FOREIGN KEY ("org_id","grid_id") REFERENCES "public"."grids"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_worker_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sample" ADD CONSTRAINT "survey_sample_org_id_round_id_survey_rounds_org_id_id_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."survey_rounds"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_questionnaires_code_version" ON "survey_questionnaires" USING btree ("org_id","code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_one" ON "survey_responses" USING btree ("org_id","round_id","retailer_id");--> statement-breakpoint
CREATE INDEX "survey_responses_retailer" ON "survey_responses" USING btree ("org_id","retailer_id","answered_at");--> statement-breakpoint
CREATE INDEX "survey_rounds_opened" ON "survey_rounds" USING btree ("org_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_sample_token" ON "survey_sample" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "survey_sample_retailer" ON "survey_sample" USING btree ("org_id","retailer_id");--> statement-breakpoint
CREATE INDEX "survey_sample_worker" ON "survey_sample" USING btree ("org_id","round_id","worker_id");