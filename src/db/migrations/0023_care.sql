CREATE TABLE "care_activities" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photo_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_activities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_activity_shops" (
	"org_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	CONSTRAINT "care_activity_shops_org_id_activity_id_retailer_id_pk" PRIMARY KEY("org_id","activity_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "care_activity_staff" (
	"org_id" integer NOT NULL,
	"activity_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	CONSTRAINT "care_activity_staff_org_id_activity_id_user_id_pk" PRIMARY KEY("org_id","activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "care_disaster_shops" (
	"org_id" integer NOT NULL,
	"disaster_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"worker_id" integer,
	"reached" boolean,
	"safe" boolean,
	"damaged" boolean,
	"losses_yuan" numeric(12, 2),
	"losses_note" text DEFAULT '' NOT NULL,
	"contacted_at" timestamp with time zone,
	"contacted_by" integer,
	CONSTRAINT "care_disaster_shops_org_id_disaster_id_retailer_id_pk" PRIMARY KEY("org_id","disaster_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "care_disasters" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"area" jsonb NOT NULL,
	"recovery_level" numeric(4, 2) DEFAULT 0.8 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"latest_share" numeric(6, 3),
	"closed_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_disasters_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_files" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"purpose" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_files_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_help" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"disaster_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount_yuan" numeric(12, 2) DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"approver_id" integer NOT NULL,
	"given_on" date NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_help_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_special_groups" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"retailer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"disability_grade" smallint,
	"authority" text NOT NULL,
	"document_no" text DEFAULT '' NOT NULL,
	"photo_id" integer,
	"valid_until" date NOT NULL,
	"recheck_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_special_groups_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "care_tasks" (
	"org_id" integer NOT NULL,
	"id" serial NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"retailer_id" integer NOT NULL,
	"assignee_id" integer,
	"due_on" date NOT NULL,
	"title" text NOT NULL,
	"special_group_id" integer,
	"disaster_id" integer,
	"visit_stop_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_tasks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "care_activities" ADD CONSTRAINT "care_activities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activities" ADD CONSTRAINT "care_activities_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_shops" ADD CONSTRAINT "care_activity_shops_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_shops" ADD CONSTRAINT "care_activity_shops_org_id_activity_id_care_activities_org_id_id_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."care_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_shops" ADD CONSTRAINT "care_activity_shops_org_id_retailer_id_retailers_org_id_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_staff" ADD CONSTRAINT "care_activity_staff_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_staff" ADD CONSTRAINT "care_activity_staff_org_id_activity_id_care_activities_org_id_id_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."care_activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_activity_staff" ADD CONSTRAINT "care_activity_staff_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disaster_shops" ADD CONSTRAINT "care_disaster_shops_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disaster_shops" ADD CONSTRAINT "care_disaster_shops_org_id_disaster_id_care_disasters_org_id_id_fk" FOREIGN KEY ("org_id","disaster_id") REFERENCES "public"."care_disasters"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disaster_shops" ADD CONSTRAINT "care_disaster_shops_org_id_retailer_id_retailers_org_id_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disaster_shops" ADD CONSTRAINT "care_disaster_shops_org_id_worker_id_users_org_id_id_fk" FOREIGN KEY ("org_id","worker_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disaster_shops" ADD CONSTRAINT "care_disaster_shops_org_id_contacted_by_users_org_id_id_fk" FOREIGN KEY ("org_id","contacted_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disasters" ADD CONSTRAINT "care_disasters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_disasters" ADD CONSTRAINT "care_disasters_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_files" ADD CONSTRAINT "care_files_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_files" ADD CONSTRAINT "care_files_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_org_id_disaster_id_retailer_id_care_disaster_shops_org_id_disaster_id_retailer_id_fk" FOREIGN KEY ("org_id","disaster_id","retailer_id") REFERENCES "public"."care_disaster_shops"("org_id","disaster_id","retailer_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_org_id_approver_id_users_org_id_id_fk" FOREIGN KEY ("org_id","approver_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_special_groups" ADD CONSTRAINT "care_special_groups_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_special_groups" ADD CONSTRAINT "care_special_groups_org_id_retailer_id_retailers_org_id_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_special_groups" ADD CONSTRAINT "care_special_groups_org_id_photo_id_care_files_org_id_id_fk" FOREIGN KEY ("org_id","photo_id") REFERENCES "public"."care_files"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_special_groups" ADD CONSTRAINT "care_special_groups_org_id_created_by_users_org_id_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_org_id_retailer_id_retailers_org_id_id_fk" FOREIGN KEY ("org_id","retailer_id") REFERENCES "public"."retailers"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_org_id_assignee_id_users_org_id_id_fk" FOREIGN KEY ("org_id","assignee_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_tasks" ADD CONSTRAINT "care_tasks_org_id_done_by_users_org_id_id_fk" FOREIGN KEY ("org_id","done_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "care_activities_held" ON "care_activities" USING btree ("org_id","held_on");--> statement-breakpoint
CREATE INDEX "care_activity_shops_shop" ON "care_activity_shops" USING btree ("org_id","retailer_id");--> statement-breakpoint
CREATE INDEX "care_activity_staff_user" ON "care_activity_staff" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "care_disaster_shops_worker" ON "care_disaster_shops" USING btree ("org_id","worker_id");--> statement-breakpoint
CREATE INDEX "care_disasters_status" ON "care_disasters" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "care_help_shop" ON "care_help" USING btree ("org_id","retailer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "care_special_groups_shop_kind" ON "care_special_groups" USING btree ("org_id","retailer_id","kind");--> statement-breakpoint
CREATE INDEX "care_special_groups_valid" ON "care_special_groups" USING btree ("org_id","valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "care_tasks_dedupe" ON "care_tasks" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "care_tasks_assignee" ON "care_tasks" USING btree ("org_id","assignee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "care_tasks_done" ON "care_tasks" USING btree ("org_id","done_by","done_at");