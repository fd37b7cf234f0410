CREATE TABLE "product_catalog" (
	"code" text PRIMARY KEY NOT NULL,
	"brand" text NOT NULL,
	"name" text NOT NULL,
	"price_class" smallint NOT NULL,
	"retail_price" numeric(10, 2) NOT NULL,
	"province_made" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "product_catalog_copies" ON "product_catalog" USING btree ("code","brand","name","price_class","retail_price","province_made");--> statement-breakpoint
-- Backfill (decision 1930): one catalogue row per code. Where counties disagree on a spec's
-- brand, name, class, guidance price or maker, the variant most counties list wins, ties to
-- the one of the lowest org id; every county's copies then take the catalogue's values.
INSERT INTO "product_catalog" ("code", "brand", "name", "price_class", "retail_price", "province_made", "created_at")
SELECT DISTINCT ON ("code") "code", "brand", "name", "price_class", "retail_price", "province_made", "first_at"
FROM (
  SELECT "code", "brand", "name", "price_class", "retail_price", "province_made",
         count(*) AS "counties", min("org_id") AS "first_org", min("created_at") AS "first_at"
  FROM "products"
  GROUP BY "code", "brand", "name", "price_class", "retail_price", "province_made"
) AS "variants"
ORDER BY "code", "counties" DESC, "first_org";--> statement-breakpoint
UPDATE "products" AS p
SET "brand" = c."brand", "name" = c."name", "price_class" = c."price_class", "retail_price" = c."retail_price", "province_made" = c."province_made"
FROM "product_catalog" AS c
WHERE c."code" = p."code"
  AND (p."brand", p."name", p."price_class", p."retail_price", p."province_made") IS DISTINCT FROM (c."brand", c."name", c."price_class", c."retail_price", c."province_made");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_catalog_fk" FOREIGN KEY ("code","brand","name","price_class","retail_price","province_made") REFERENCES "public"."product_catalog"("code","brand","name","price_class","retail_price","province_made") ON DELETE no action ON UPDATE cascade;