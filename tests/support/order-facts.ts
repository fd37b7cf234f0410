// The orders whose totals, rating facts (decision 0501) and margin fact (1743) differ from what
// their lines say, computed here from the lines independently of the writers.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../src/db/client.js';

export async function ordersOutOfStepWithLines(db: Db): Promise<number[]> {
  const rows = await query<{ id: number }>(
    db,
    sql`select o.id::int8 as id from orders o
      left join lateral (
        select coalesce(sum(l.ordered_qty), 0) as q, coalesce(sum(l.amount), 0) as v,
          coalesce(sum(case when p.price_class = 1 then l.ordered_qty end), 0) as q1,
          coalesce(sum(case when p.price_class = 1 then l.amount end), 0) as v1,
          coalesce(sum(case when p.price_class in (1, 2) then l.ordered_qty end), 0) as q12,
          count(case when l.ordered_qty > 0 then 1 end) as n,
          sum(case when p.retail_price > 0 and l.ordered_qty > 0 then (p.retail_price - l.unit_price) * l.ordered_qty end) as m
        from order_lines l join products p on p.id = l.product_id where l.order_id = o.id) x on true
      where (o.total_qty, o.total_amount, o.class1_qty, o.class1_amount, o.class12_qty, o.line_count) <> (x.q, x.v, x.q1, x.v1, x.q12, x.n)
        or o.margin_amount is distinct from x.m
      order by o.id`,
  );
  return rows.map((r) => Number(r.id));
}
