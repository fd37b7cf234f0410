import { sql } from 'drizzle-orm';
import { query, type Db } from './client.js';

export type ProductShareRow = { retailerId: number; productId: number; share: number };

/**
 * Each shop's products and their share of its stated demand over the 13 weeks ending with `lastMonday`'s week, from
 * the order lines: the definition findProductSharesRolledUp (demand-weeks.ts), which the forecast job reads, must equal.
 */
export async function findProductShares(db: Db, orgId: number, lastMonday: string): Promise<ProductShareRow[]> {
  return query<ProductShareRow>(
    db,
    sql`select o.retailer_id as "retailerId", l.product_id as "productId",
        (sum(l.demand_qty)::float8 / nullif(sum(sum(l.demand_qty)) over (partition by o.retailer_id), 0))::float8 as share
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
      where o.org_id = ${orgId} and o.order_date >= ${lastMonday}::date - 84 and o.order_date < ${lastMonday}::date + 7
      group by o.retailer_id, l.product_id
      having sum(l.demand_qty) > 0`,
  );
}
