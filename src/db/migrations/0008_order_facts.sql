ALTER TABLE "orders" ADD COLUMN "class1_qty" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "class1_amount" numeric(14, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "class12_qty" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "line_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing orders get their facts from their lines (the same sums as src/db/order-facts.ts).
UPDATE "orders" o SET "class1_qty" = x.q1, "class1_amount" = x.v1, "class12_qty" = x.q12, "line_count" = x.n
FROM (
  SELECT l.order_id,
    coalesce(sum(l.ordered_qty) FILTER (WHERE p.price_class = 1), 0)::int AS q1,
    coalesce(sum(l.amount) FILTER (WHERE p.price_class = 1), 0) AS v1,
    coalesce(sum(l.ordered_qty) FILTER (WHERE p.price_class <= 2), 0)::int AS q12,
    count(*) FILTER (WHERE l.ordered_qty > 0)::int AS n
  FROM "order_lines" l JOIN "products" p ON p.id = l.product_id
  GROUP BY l.order_id
) x
WHERE o.id = x.order_id;
