CREATE TABLE "desk_case_photos" (
	"org_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "desk_case_photos_org_id_case_id_seq_pk" PRIMARY KEY("org_id","case_id","seq")
);
--> statement-breakpoint
ALTER TABLE "desk_case_photos" ADD CONSTRAINT "desk_case_photos_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_case_photos" ADD CONSTRAINT "desk_case_photos_case_id_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."desk_cases"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "desk_cases" DROP COLUMN "photos";