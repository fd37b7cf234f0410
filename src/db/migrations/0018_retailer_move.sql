CREATE TABLE "retailer_forwards" (
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"customer_code" text NOT NULL,
	"licence_no" text NOT NULL,
	"shop_name" text NOT NULL,
	"to_org_id" integer NOT NULL,
	"to_retailer_id" integer NOT NULL,
	"reason" text NOT NULL,
	"moved_by" integer,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retailer_forwards_retailer_id_org_id_pk" PRIMARY KEY("retailer_id","org_id")
);
--> statement-breakpoint
ALTER TABLE "retailer_forwards" ADD CONSTRAINT "retailer_forwards_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_forwards" ADD CONSTRAINT "retailer_forwards_to_org_id_orgs_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retailer_forwards" ADD CONSTRAINT "retailer_forwards_moved_by_fk" FOREIGN KEY ("org_id","moved_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;