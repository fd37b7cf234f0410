// Emergency supply (应急补货) around festivals: a retailer's extra request
// outside the plan, raised within scope, approved or declined by marketing
// staff with a reason.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { retailerScope } from './scope.js';
import { AppError } from '../server/errors.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function requestEmergency(db: Db, viewer: Viewer, input: { retailerId: number; productId: number; qty: number; reason: string }) {
  const [r] = await rows<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.id = r.grid_id where r.id = ${input.retailerId} and ${retailerScope(viewer)}`);
  if (!r) throw new AppError('not_found');
  const [p] = await rows<{ id: number }>(db, sql`select id from products where id = ${input.productId} and org_id = ${viewer.orgId} and active`);
  if (!p) throw new AppError('unknown_product', [{ field: 'productId', code: 'unknown_product' }]);
  const [e] = await rows<{ id: number }>(
    db,
    sql`insert into emergency_requests (org_id, retailer_id, product_id, qty, reason, requested_by)
        values (${viewer.orgId}, ${input.retailerId}, ${input.productId}, ${input.qty}, ${input.reason}, ${viewer.userId}) returning id`,
  );
  return { id: e.id, status: 'pending' };
}

export async function findEmergencyRequests(db: Db, viewer: Viewer) {
  return rows<{ id: number; retailerId: number; shopName: string; productId: number; productName: string; qty: number; reason: string; status: string; decisionReason: string | null; createdAt: string }>(
    db,
    sql`select e.id, e.retailer_id as "retailerId", r.shop_name as "shopName", e.product_id as "productId", p.name as "productName", e.qty, e.reason,
               e.status, e.decision_reason as "decisionReason", e.created_at as "createdAt"
        from emergency_requests e join retailers r on r.id = e.retailer_id join grids g on g.id = r.grid_id join products p on p.id = e.product_id
        where e.org_id = ${viewer.orgId} and ${retailerScope(viewer)} order by e.created_at desc limit 200`,
  );
}

export async function decideEmergency(db: Db, viewer: Viewer, id: number, approve: boolean, reason: string, now: Date) {
  const updated = await rows<{ id: number }>(
    db,
    sql`update emergency_requests set status = ${approve ? 'approved' : 'declined'}, decision_reason = ${reason}, decided_by = ${viewer.userId},
          decided_at = ${now.toISOString()}::timestamptz
        where id = ${id} and org_id = ${viewer.orgId} and status = 'pending' returning id`,
  );
  if (!updated.length) {
    const [exists] = await rows<{ id: number }>(db, sql`select id from emergency_requests where id = ${id} and org_id = ${viewer.orgId}`);
    throw new AppError(exists ? 'request_decided' : 'not_found');
  }
  return { id, status: approve ? 'approved' : 'declined' };
}
