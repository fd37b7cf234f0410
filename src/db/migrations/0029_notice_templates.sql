CREATE TABLE "notice_templates" (
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"version" smallint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"sms" text,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_templates_org_id_code_version_pk" PRIMARY KEY("org_id","code","version")
);
--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD COLUMN "out_id" text;--> statement-breakpoint
ALTER TABLE "notice_templates" ADD CONSTRAINT "notice_templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_templates" ADD CONSTRAINT "notice_templates_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notice_deliveries_claim" ON "notice_deliveries" USING btree ("state","urgent" DESC NULLS LAST,"due_at","id");--> statement-breakpoint
UPDATE "notice_deliveries" d SET "urgent" = n."urgent" FROM "notices" n WHERE n."org_id" = d."org_id" AND n."id" = d."notice_id" AND n."urgent";
