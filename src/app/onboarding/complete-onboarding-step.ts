// A step of the onboarding chain is done: only the active step (the previous
// one done), only by its owner, and the next step's clock starts now.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { ONBOARDING_CHAIN, stepClock } from '../../domain/onboarding/onboarding-chain.js';
import { AppError } from '../../shared/app-error.js';
import type { CompleteStepInput, StepOwner } from '../../shared/onboarding.js';
import { writeAudit } from '../audit/audit.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';
import { retailerChanges } from '../../db/schema.js';
import { openOrderingAccount, type OpenedAccount } from './open-ordering-account.js';

/**
 * Who may complete a step. This product has no monopoly, marketing or
 * logistics roles: county managers and admins act for those departments; the
 * client manager's step is the grid's worker's, or their station head's.
 */
export function mayComplete(viewer: Viewer, owner: StepOwner, grid: { workerId: number | null; stationId: number | null }): boolean {
  if (viewer.role === 'admin' || viewer.role === 'county_manager') return true;
  if (owner !== 'client_manager') return false;
  if (viewer.role === 'grid_worker') return grid.workerId === viewer.userId;
  if (viewer.role === 'station_head') return viewer.stationId !== null && grid.stationId === viewer.stationId;
  return false;
}

type StepRow = { step: string; seq: number; owner: StepOwner; startedAt: string | null; completedAt: string | null };

export async function completeOnboardingStep(db: Db, viewer: Viewer, onboardingId: number, input: CompleteStepInput, now: Date, ip?: string) {
  const cal = await loadWorkingCalendar(db, viewer.orgId);
  return db.transaction(async (tx) => {
    const [ob] = await query<{ id: number; workerId: number | null; stationId: number | null }>(
      tx,
      sql`select o.id, g.worker_id as "workerId", g.station_id as "stationId" from onboardings o join grids g on g.org_id = o.org_id and g.id = o.grid_id
        where o.id = ${onboardingId} and o.org_id = ${viewer.orgId} and ${gridScope(viewer)} for update of o`,
    );
    if (!ob) throw new AppError('not_found');
    const steps = await query<StepRow>(
      tx,
      sql`select step, seq, owner_role as owner, started_at as "startedAt", completed_at as "completedAt"
        from onboarding_steps where org_id = ${viewer.orgId} and onboarding_id = ${ob.id} order by seq`,
    );
    const target = steps.find((s) => s.step === input.step);
    if (!target) throw new AppError('not_found');
    if (target.completedAt) throw new AppError('onboarding_step_done');
    if (!target.startedAt) throw new AppError('onboarding_step_out_of_order');
    if (!mayComplete(viewer, target.owner, ob)) throw new AppError('forbidden');
    const { step, note, ...detail } = input;
    let account: OpenedAccount | null = null;
    if (input.step === 'customer_entered') {
      const [r] = await query<{ id: number; licenceNo: string; shopName: string; orderWeekday: number; taken: boolean }>(
        tx,
        sql`select r.id, r.licence_no as "licenceNo", r.shop_name as "shopName", r.order_weekday as "orderWeekday",
            exists (select 1 from onboardings x where x.org_id = r.org_id and x.retailer_id = r.id) as taken
          from retailers r where r.id = ${input.retailerId} and r.org_id = ${viewer.orgId} for update of r`,
      );
      if (!r) throw new AppError('validation_failed', [{ field: 'retailerId', code: 'not_found' }]);
      if (r.taken) throw new AppError('onboarding_retailer_taken', [{ field: 'retailerId', code: 'onboarding_retailer_taken' }]);
      await tx.execute(sql`update onboardings set retailer_id = ${r.id} where id = ${ob.id}`);
      // Entering the order cycle: the order day chosen here is the shop's from now on, in its file's history.
      if (r.orderWeekday !== input.orderWeekday) {
        await tx.execute(sql`update retailers set order_weekday = ${input.orderWeekday}, version = version + 1, updated_at = ${now.toISOString()}::timestamptz
          where org_id = ${viewer.orgId} and id = ${r.id}`);
        await tx.insert(retailerChanges).values({
          orgId: viewer.orgId,
          retailerId: r.id,
          userId: viewer.userId,
          source: 'onboarding',
          changes: [{ field: 'orderWeekday', old: r.orderWeekday, new: input.orderWeekday }],
          at: now,
        });
      }
      if (input.openAccount) account = await openOrderingAccount(tx, viewer, r, now);
    }
    await tx.execute(sql`
      update onboarding_steps set completed_at = ${now.toISOString()}::timestamptz, completed_by = ${viewer.userId},
        detail = ${JSON.stringify(detail)}::jsonb, note = ${note ?? ''}
      where org_id = ${viewer.orgId} and onboarding_id = ${ob.id} and step = ${step}`);
    const next = ONBOARDING_CHAIN.find((d) => d.seq === target.seq + 1);
    if (next) {
      const clock = stepClock(cal, now, next.workingDays);
      await tx.execute(sql`
        update onboarding_steps set started_at = ${clock.startedAt.toISOString()}::timestamptz, warn_at = ${clock.warnAt.toISOString()}::timestamptz,
          due_at = ${clock.dueAt.toISOString()}::timestamptz
        where org_id = ${viewer.orgId} and onboarding_id = ${ob.id} and step = ${next.step}`);
    } else {
      await tx.execute(sql`update onboardings set finished_at = ${now.toISOString()}::timestamptz where id = ${ob.id}`);
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'onboarding', entityIds: [ob.id], detail: { complete: input, ...(account ? { account: account.username, accountCreated: account.initialPassword !== null } : {}) }, ip }, now);
    return { id: ob.id, step, nextStep: next?.step ?? null, ...(account ? { account } : {}) };
  });
}
