// Emergency supply (应急补货) around festivals: a retailer's extra request
// outside the plan, raised within scope, approved (with the cartons granted)
// or declined with a reason by marketing staff. A decision is recorded for
// the delivery outside the plan; it does not change the plan's limits.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import type { EmergencyDecision, EmergencyRequest, EmergencyRequestInput } from '../../shared/order-corrections.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function requestEmergency(db: Db, viewer: Viewer, input: EmergencyRequestInput) {
  const [r] = await rows<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${input.retailerId} and ${retailerScope(viewer)}`);
  if (!r) throw new AppError('not_found');
  const [p] = await rows<{ id: number }>(db, sql`select id from products where id = ${input.productId} and org_id = ${viewer.orgId} and active`);
  if (!p) throw new AppError('unknown_product', [{ field: 'productId', code: 'unknown_product' }]);
  const [e] = await rows<{ id: number }>(
    db,
    sql`insert into emergency_requests (org_id, retailer_id, product_id, qty, reason, requested_by)
        values (${viewer.orgId}, ${input.retailerId}, ${input.productId}, ${input.qty}, ${input.reason}, ${viewer.userId}) returning id`,
  );
  await writeAudit(db, viewer, { action: 'submit', entity: 'emergency_request', entityIds: [e.id], detail: { retailerId: input.retailerId, productId: input.productId, qty: input.qty } });
  return { id: e.id, status: 'pending' as const };
}

export async function findEmergencyRequests(db: Db, viewer: Viewer, filter: { status?: string } = {}): Promise<EmergencyRequest[]> {
  const found = await rows<EmergencyRequest>(
    db,
    sql`select e.id, e.retailer_id as "retailerId", r.customer_code as "customerCode", r.shop_name as "shopName",
               e.product_id as "productId", p.code as "productCode", p.name as "productName", e.qty, e.approved_qty as "approvedQty", e.reason,
               e.status, e.decision_reason as "decisionReason", ru.display_name as "requestedBy", du.display_name as "decidedBy",
               e.created_at as "createdAt", e.decided_at as "decidedAt"
        from emergency_requests e join retailers r on r.org_id = e.org_id and r.id = e.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id join products p on p.org_id = e.org_id and p.id = e.product_id
        left join users ru on ru.org_id = e.org_id and ru.id = e.requested_by left join users du on du.org_id = e.org_id and du.id = e.decided_by
        where e.org_id = ${viewer.orgId} and ${retailerScope(viewer)} ${filter.status ? sql`and e.status = ${filter.status}` : sql``}
        order by (e.status = 'pending') desc, e.created_at desc, e.id desc limit 200`,
  );
  return found.map((e) => ({ ...e, createdAt: new Date(e.createdAt).toISOString(), decidedAt: e.decidedAt ? new Date(e.decidedAt).toISOString() : null }));
}

export async function decideEmergency(db: Db, viewer: Viewer, id: number, decision: EmergencyDecision, now: Date) {
  return db.transaction(async (tx) => {
    const [e] = await rows<{ status: string; qty: number }>(tx, sql`select status, qty from emergency_requests where id = ${id} and org_id = ${viewer.orgId} for update`);
    if (!e) throw new AppError('not_found');
    if (e.status !== 'pending') throw new AppError('request_decided');
    const granted = decision.approve ? (decision.qty ?? e.qty) : null;
    if (granted !== null && granted > e.qty) throw new AppError('emergency_over_requested', [{ field: 'qty', code: 'emergency_over_requested' }]);
    const status = decision.approve ? ('approved' as const) : ('declined' as const);
    await tx.execute(sql`
      update emergency_requests set status = ${status}, approved_qty = ${granted}, decision_reason = ${decision.reason || null}, decided_by = ${viewer.userId},
        decided_at = ${now.toISOString()}::timestamptz
      where id = ${id}`);
    return { id, status, approvedQty: granted };
  });
}
