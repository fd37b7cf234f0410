CREATE TABLE "notice_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience" jsonb NOT NULL,
	"channel" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notice_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"notice_id" bigint NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"request_id" text NOT NULL,
	"provider_id" text,
	"segments" smallint DEFAULT 1 NOT NULL,
	"last_error" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notice_preferences" (
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"sms_opt_out" boolean DEFAULT false NOT NULL,
	"muted_templates" text[] DEFAULT '{}'::text[] NOT NULL,
	"wechat_open_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_preferences_org_id_retailer_id_pk" PRIMARY KEY("org_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer,
	"user_id" integer,
	"template" text NOT NULL,
	"template_version" smallint DEFAULT 1 NOT NULL,
	"occasion" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"sms_text" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"mandatory" boolean DEFAULT false NOT NULL,
	"campaign_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"visible_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unless_ordered_plan_id" integer,
	"fallback_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"suppressed_at" timestamp with time zone,
	CONSTRAINT "notices_one_recipient" CHECK (("notices"."retailer_id" is null) <> ("notices"."user_id" is null))
);
--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_campaigns" ADD CONSTRAINT "notice_campaigns_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_preferences" ADD CONSTRAINT "notice_preferences_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_campaign_id_notice_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."notice_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_campaigns_org" ON "notice_campaigns" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_deliveries_notice_channel" ON "notice_deliveries" USING btree ("org_id","notice_id","channel");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_deliveries_request" ON "notice_deliveries" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "notice_deliveries_due" ON "notice_deliveries" USING btree ("state","due_at");--> statement-breakpoint
CREATE INDEX "notice_deliveries_provider" ON "notice_deliveries" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_dedupe" ON "notices" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "notices_retailer_inbox" ON "notices" USING btree ("org_id","retailer_id","visible_at");--> statement-breakpoint
CREATE INDEX "notices_user_inbox" ON "notices" USING btree ("org_id","user_id","visible_at");--> statement-breakpoint
CREATE INDEX "notices_fallback" ON "notices" USING btree ("fallback_at") WHERE "notices"."read_at" is null and "notices"."fallback_at" is not null;