CREATE TABLE "jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer,
	"name" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"timeout_seconds" integer DEFAULT 600 NOT NULL,
	"singleton_key" text,
	"slot_key" text,
	"progress" smallint DEFAULT 0 NOT NULL,
	"progress_text" text DEFAULT '' NOT NULL,
	"result" jsonb,
	"error" text,
	"locked_by" text,
	"heartbeat_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_singleton_active" ON "jobs" USING btree ("name","singleton_key") WHERE singleton_key is not null and state in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_slot" ON "jobs" USING btree ("name","slot_key") WHERE slot_key is not null;--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at","id") WHERE state = 'queued';--> statement-breakpoint
CREATE INDEX "jobs_running" ON "jobs" USING btree ("locked_by") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "jobs_org" ON "jobs" USING btree ("org_id","name","created_at");