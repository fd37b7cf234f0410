import { sql } from 'drizzle-orm';
import { openDatabase, query } from '/work/wt/rating14/src/db/client.js';
const d = await openDatabase({ dataDir: '/tmp/rating14-stab' });
const w = await query<any>(d.db, sql`with m as (select retailer_id, date_trunc('month', order_date) mo, sum(total_qty) q from orders where status='confirmed' and order_date >= '2026-03-01' and order_date < '2026-12-01' group by 1,2),
 l as (select retailer_id, mo, q, lag(q) over (partition by retailer_id order by mo) pq from m)
 select percentile_cont(array[0.1,0.25,0.5,0.75,0.9]) within group (order by abs(ln(q::float/pq))) from l where pq>0`);
console.log(JSON.stringify(w));
const h = await query<any>(d.db, sql`select x.retailer_id, x.month, x.tier, x.tier_score, x.breakdown->'tierCap' cap, x.input->'tierOrders' t, x.input->'orders'->'brands' b, r.opened_on, r.status
  from retailer_ratings x join retailers r on r.id = x.retailer_id where x.retailer_id in (select retailer_id from retailer_ratings where month='2026-11' and breakdown ? 'tierCap' limit 6) order by 1, 2`);
for (const x of h) console.log(JSON.stringify(x));
await d.close();
