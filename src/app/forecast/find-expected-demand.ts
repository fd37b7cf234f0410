// Expected county demand per product for one week, for the supply plan: the
// latest finished run's county × product forecast, or marketing's override of
// it (the latest one wins; a withdrawn one leaves the model's). Products without a forecast are absent.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export type ExpectedDemand = { productId: number; qty: number; model: number; overridden: boolean };

export async function findExpectedDemand(db: Db, orgId: number, weekStart: string): Promise<Map<number, ExpectedDemand>> {
  const rows = await query<{ productId: number; model: number; override: number | null }>(
    db,
    sql`with run as (select max(id) as id from forecast_runs where org_id = ${orgId} and status = 'done')
      select f.product_id as "productId", f.qty as model,
        (select case when not o.withdrawn then o.qty end from forecast_overrides o where o.org_id = ${orgId} and o.retailer_id = 0 and o.product_id = f.product_id
           and o.week_start = f.week_start order by o.id desc limit 1)::float8 as override
      from forecasts f join run on run.id = f.run_id
      where f.org_id = ${orgId} and f.retailer_id = 0 and f.product_id <> 0 and f.week_start = ${weekStart}::date`,
  );
  return new Map(rows.map((r) => [r.productId, { productId: r.productId, model: r.model, qty: r.override ?? r.model, overridden: r.override !== null }]));
}
