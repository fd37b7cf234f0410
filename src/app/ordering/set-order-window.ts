// Moves one order window of a published plan (a holiday closes it, an
// extension keeps it open longer): in one transaction the window, its audit
// row (before, after, reason) and the order-window-changed event that the
// notices feature turns into messages to the shops whose order day it is.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { SetOrderWindowInput } from '../../shared/ordering.js';
import { writeAudit } from '../audit/audit.js';
import { publishOrderWindowChanged } from './order-window-changed.js';
import { findOrderWindows } from './supply-plans.js';

const DAY = 86_400_000;

export async function setOrderWindow(db: Db, viewer: Viewer, planId: number, weekday: number, input: SetOrderWindowInput, now: Date, ip?: string) {
  const { opensAt, closesAt, reason } = input;
  if (closesAt <= opensAt) throw new AppError('window_closes_before_opens', [{ field: 'closesAt', code: 'window_closes_before_opens' }]);
  await db.transaction(async (tx) => {
    const [w] = await query<{ weekStart: string; orderDate: string; opensAt: string | Date; closesAt: string | Date; retailers: number }>(
      tx as unknown as Db,
      sql`select p.week_start::text as "weekStart", w.order_date::text as "orderDate", w.opens_at as "opensAt", w.closes_at as "closesAt",
                 (select count(*)::int from retailers r where r.org_id = p.org_id and r.status = 'active' and r.order_weekday = w.weekday) as retailers
          from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id
          where p.org_id = ${viewer.orgId} and w.plan_id = ${planId} and w.weekday = ${weekday} for update of w`,
    );
    if (!w) throw new AppError('not_found');
    // Around its order day: at most a week long, opening and closing within a week of that day.
    const day = new Date(`${w.orderDate}T00:00:00Z`).getTime();
    if (closesAt.getTime() - opensAt.getTime() > 7 * DAY || opensAt.getTime() < day - 7 * DAY || closesAt.getTime() > day + 8 * DAY)
      throw new AppError('window_too_long', [{ field: 'opensAt', code: 'window_too_long' }]);
    await tx.execute(sql`update order_windows set opens_at = ${opensAt.toISOString()}::timestamptz, closes_at = ${closesAt.toISOString()}::timestamptz
                         where plan_id = ${planId} and weekday = ${weekday}`);
    const before = { opensAt: new Date(w.opensAt).toISOString(), closesAt: new Date(w.closesAt).toISOString() };
    const after = { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
    await writeAudit(
      tx as unknown as Db,
      viewer,
      { action: 'update', entity: 'order_window', entityIds: [planId], detail: { weekStart: w.weekStart, weekday, orderDate: w.orderDate, before, after, reason, retailers: w.retailers }, ip },
      now,
    );
    await publishOrderWindowChanged(tx as unknown as Db, {
      orgId: viewer.orgId,
      planId,
      weekStart: w.weekStart,
      weekday,
      orderDate: w.orderDate,
      before,
      after,
      reason,
      changedBy: viewer.userId,
      retailers: w.retailers,
      at: now.toISOString(),
    });
  });
  return findOrderWindows(db, viewer, planId);
}
