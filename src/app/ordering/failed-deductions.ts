// Failed deductions waiting for money, within the viewer's scope: orders whose
// deduction failed (status failed) or was sent back to the bank after a
// failure (pending, latest attempt failed). Each row says whether the failure
// notice was queued for the retailer and for their grid worker, so a grid
// worker sees the flags of their own grids and marketing sees them all.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { FailedDeductions } from '../../shared/settlement.js';
import { retailerScope } from '../../db/scope.js';

const LIMIT = 500;

export async function findFailedDeductions(db: Db, viewer: Viewer): Promise<FailedDeductions> {
  const res = (await db.execute(sql`
    select o.id::int8 as "orderId", o.order_date::text as "orderDate", o.total_amount::float8 as amount, o.settlement_method as method,
      o.settlement_status as "settlementStatus", la.failure_reason as "failureReason", to_char(la.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "failedAt",
      (select count(*)::int from settlement_attempts a where a.order_id = o.id) as attempts,
      json_build_object('id', r.id, 'customerCode', r.customer_code, 'shopName', r.shop_name) as retailer,
      json_build_object('id', g.id, 'name', g.name) as grid,
      case when u.id is null then null else json_build_object('id', u.id, 'name', u.display_name) end as worker,
      json_build_object(
        'retailer', exists (select 1 from outbox x where x.org_id = o.org_id and x.dedupe_key = 'deduction_failed:' || la.id || ':retailer'),
        'worker', exists (select 1 from outbox x where x.org_id = o.org_id and x.dedupe_key = 'deduction_failed:' || la.id || ':worker')) as flagged
    from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id left join users u on u.org_id = g.org_id and u.id = g.worker_id
    left join lateral (
      select a.id, a.status, a.failure_reason, a.at from settlement_attempts a where a.order_id = o.id order by a.at desc, a.id desc limit 1) la on true
    where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and o.settlement_status in ('failed', 'pending') and ${retailerScope(viewer)}
      and (o.settlement_status = 'failed' or la.status = 'failed')
    order by o.order_date desc, o.id desc
    limit ${LIMIT}`)) as unknown as { rows: FailedDeductions['items'] };
  const items = res.rows.map((x) => ({ ...x, orderId: Number(x.orderId) }));
  return { items, failed: items.filter((x) => x.settlementStatus === 'failed').length, retrying: items.filter((x) => x.settlementStatus === 'pending').length };
}
