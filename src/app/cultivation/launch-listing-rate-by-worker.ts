// For score sheets (issue 17 item 3): each worker's new-brand listing rate
// (品种上柜率) in a month — over the launches running in that month, the
// worker's target shops that ordered the launched product between the launch
// week and the month's end ÷ their target shops. Read from the orders, so any
// month can be scored whether or not the stats job ran.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export type WorkerListingRate = { workerId: number; launches: number; targets: number; listed: number; rate: number | null };

/** `month` is 'YYYY-MM'. Workers without target shops in the month are absent. */
export async function launchListingRateByWorker(db: Db, orgId: number, month: string): Promise<WorkerListingRate[]> {
  const start = `${month}-01`;
  return query<WorkerListingRate>(
    db,
    sql`with l as (
        select id, product_id, launch_week from launches
        where org_id = ${orgId} and launch_week < (${start}::date + interval '1 month')::date and launch_week + 7 * weeks > ${start}::date),
      t as (
        select t.launch_id, t.retailer_id, t.worker_id, l.product_id, l.launch_week from l
          join launch_targets t on t.org_id = ${orgId} and t.launch_id = l.id where t.worker_id is not null),
      listed as (
        select t.launch_id, t.retailer_id, t.worker_id,
          exists (select 1 from orders o join order_lines x on x.org_id = o.org_id and x.order_id = o.id and x.product_id = t.product_id and x.ordered_qty > 0
            where o.retailer_id = t.retailer_id and o.org_id = ${orgId} and o.status <> 'cancelled'
              and o.order_date >= t.launch_week and o.order_date < (${start}::date + interval '1 month')::date) as ok
        from t)
      select worker_id as "workerId", count(distinct launch_id)::int as launches, count(*)::int as targets, count(*) filter (where ok)::int as listed,
        count(*) filter (where ok)::float8 / count(*) as rate
      from listed group by worker_id order by worker_id`,
  );
}
