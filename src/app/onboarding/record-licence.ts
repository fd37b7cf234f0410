// The monopoly side records a new licence: the onboarding and its four steps
// are written with the first step's clock running, in one transaction with
// its audit row.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { ONBOARDING_CHAIN, stepClock } from '../../domain/onboarding/onboarding-chain.js';
import { AppError } from '../../shared/app-error.js';
import type { RecordLicenceInput } from '../../shared/onboarding.js';
import { writeAudit } from '../audit/audit.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';

export async function recordLicence(db: Db, viewer: Viewer, input: RecordLicenceInput, now: Date, ip?: string): Promise<{ id: number }> {
  const licensedAt = input.licensedAt ? new Date(input.licensedAt) : now;
  if (licensedAt > now) throw new AppError('validation_failed', [{ field: 'licensedAt', code: 'validation_failed' }]);
  const [grid] = await query<{ id: number; workerId: number | null }>(
    db,
    sql`select g.id, g.worker_id as "workerId" from grids g where g.id = ${input.gridId} and ${gridScope(viewer)}`,
  );
  if (!grid) throw new AppError('validation_failed', [{ field: 'gridId', code: 'not_found' }]);
  const cal = await loadWorkingCalendar(db, viewer.orgId);
  const first = stepClock(cal, licensedAt, ONBOARDING_CHAIN[0].workingDays);
  return db.transaction(async (tx) => {
    const [created] = await query<{ id: number }>(
      tx,
      sql`insert into onboardings (org_id, licence_no, shop_name, address, grid_id, licensed_at, created_by, created_at)
        values (${viewer.orgId}, ${input.licenceNo}, ${input.shopName}, ${input.address ?? ''}, ${grid.id}, ${licensedAt.toISOString()}::timestamptz,
          ${viewer.userId}, ${now.toISOString()}::timestamptz)
        on conflict (org_id, licence_no) do nothing returning id`,
    );
    if (!created) throw new AppError('onboarding_licence_exists', [{ field: 'licenceNo', code: 'onboarding_licence_exists' }]);
    for (const def of ONBOARDING_CHAIN) {
      const clock = def.seq === 1 ? first : null;
      const owner = def.owner === 'client_manager' ? grid.workerId : null;
      await tx.execute(sql`
        insert into onboarding_steps (org_id, onboarding_id, step, seq, owner_role, owner_user_id, working_days, started_at, warn_at, due_at)
        values (${viewer.orgId}, ${created.id}, ${def.step}, ${def.seq}, ${def.owner}, ${owner}, ${def.workingDays},
          ${clock?.startedAt.toISOString() ?? null}::timestamptz, ${clock?.warnAt.toISOString() ?? null}::timestamptz, ${clock?.dueAt.toISOString() ?? null}::timestamptz)`);
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'onboarding', entityIds: [created.id], detail: { record: { ...input, licensedAt: licensedAt.toISOString() } }, ip }, now);
    return { id: created.id };
  });
}
