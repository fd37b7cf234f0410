CREATE TABLE "delivery_point_members" (
	"point_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"distance_km" double precision NOT NULL,
	CONSTRAINT "delivery_point_members_point_id_retailer_id_pk" PRIMARY KEY("point_id","retailer_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"retailer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_point_id_delivery_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."delivery_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_point_members" ADD CONSTRAINT "delivery_point_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_retailer_id_retailers_id_fk" FOREIGN KEY ("retailer_id") REFERENCES "public"."retailers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_points" ADD CONSTRAINT "delivery_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_point_members_retailer" ON "delivery_point_members" USING btree ("retailer_id");--> statement-breakpoint
CREATE INDEX "delivery_points_org" ON "delivery_points" USING btree ("org_id");