// The shelf check and consumer-trial feedback a worker records with a visit
// to a target shop of a launch: checked before the visit's transaction (a
// shop outside the target is refused, the visit not stored), written inside
// it, once per visit and launch.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { AppError } from '../../shared/app-error.js';
import type { launchCheckSchema } from '../../shared/cultivation.js';
import type { z } from 'zod';

export type LaunchCheck = z.infer<typeof launchCheckSchema>;

export async function assertLaunchTarget(db: Db, orgId: number, check: LaunchCheck, retailerId: number): Promise<void> {
  const [t] = await query<{ ok: boolean }>(
    db,
    sql`select true as ok from launch_targets where org_id = ${orgId} and launch_id = ${check.launchId} and retailer_id = ${retailerId}`,
  );
  if (!t) throw new AppError('launch_not_targeted', [{ field: 'form.launch.launchId', code: 'launch_not_targeted' }]);
}

export async function insertLaunchCheck(
  db: Db,
  row: { orgId: number; visitId: string; retailerId: number; workerId: number; visitDate: string; now: Date },
  c: LaunchCheck,
): Promise<void> {
  await db.execute(sql`insert into launch_checks (org_id, launch_id, visit_id, retailer_id, worker_id, visit_date, on_shelf, taste, price_acceptance,
      pack, rebuy_intent, samples_given, created_at)
    values (${row.orgId}, ${c.launchId}, ${row.visitId}, ${row.retailerId}, ${row.workerId}, ${row.visitDate}::date, ${c.onShelf}, ${c.taste},
      ${c.priceAcceptance}, ${c.pack}, ${c.rebuyIntent}, ${c.samplesGiven}, ${row.now.toISOString()}::timestamptz)
    on conflict do nothing`);
}
