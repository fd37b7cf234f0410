// Demo stock-outs: in the latest order week, about half of the shops in
// the lowest tiers also asked for a scarce brand their tier got no quota for.
// The line keeps the demand with nothing available and nothing ordered, as
// order taking does, so 缺货率 has something to show; totals do not change.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { beijingDate } from '../ordering/order-reminders.js';

export async function seedDemoStockouts(db: Db, orgId: number, today: Date): Promise<void> {
  await db.execute(sql`
    with last as (select max(order_date) as d from orders where org_id = ${orgId} and order_date <= ${beijingDate(today)}::date),
    scarce as (select id, wholesale_price, row_number() over (order by id) - 1 as k, count(*) over () as n from products where org_id = ${orgId} and scarce),
    asks as (
      select o.id as order_id, s.id as product_id, s.wholesale_price as price, 1 + (o.id % 3)::int as qty
      from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id cross join last
      join scarce s on s.k = (o.id * 7 + r.id) % s.n
      where o.org_id = ${orgId} and o.status = 'confirmed' and r.tier <= 9 and (o.id + r.id) % 2 = 0
        and o.order_date > last.d - 7 and o.order_date <= last.d
        and not exists (select 1 from order_lines l where l.order_id = o.id and l.product_id = s.id))
    insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
    select ${orgId}, order_id, product_id, qty, 0, 0, price, 0 from asks`);
}
