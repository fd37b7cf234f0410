// Small look-ups and writes the visit routes need: the active workers a viewer
// may plan for, a retailer in scope, and where a worker's day starts.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { workerVisitDepots } from '../../db/schema-visits.js';
import { retailerScope } from '../../db/scope.js';
import { workerScope } from '../../db/visit-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { isInsideBoundary, type Boundary } from '../../domain/geo/inside-boundary.js';
import { AppError } from '../../shared/app-error.js';

export async function findActiveWorkerIds(db: Db, viewer: Viewer): Promise<number[]> {
  return (await query<{ id: number }>(db, sql`select u.id from users u where ${workerScope(viewer)} and u.active`)).map((w) => w.id);
}

/** The retailer's id when the viewer may see it; not_found otherwise. */
export async function getRetailerIdInScope(db: Db, viewer: Viewer, retailerId: number): Promise<number> {
  const [found] = await query<{ id: number }>(
    db,
    sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`,
  );
  if (!found) throw new AppError('not_found');
  return found.id;
}

export async function saveVisitDepot(
  db: Db,
  viewer: Viewer,
  workerId: number,
  input: { startFrom: 'station' | 'home'; homeLat: number | null; homeLng: number | null },
): Promise<void> {
  const { startFrom, homeLat, homeLng } = input;
  if (homeLat !== null && homeLng !== null) {
    const [org] = await query<{ boundary: Boundary }>(db, sql`select boundary from orgs where id = ${viewer.orgId}`);
    if (!isInsideBoundary(org!.boundary, homeLat, homeLng)) throw new AppError('outside_county', [{ field: 'homeLat', code: 'outside_county' }]);
  }
  const values = { workerId, orgId: viewer.orgId, startFrom, homeLat, homeLng };
  await db.insert(workerVisitDepots).values(values).onConflictDoUpdate({ target: [workerVisitDepots.orgId, workerVisitDepots.workerId], set: values });
  await writeAudit(db, viewer, { action: 'update', entity: 'visit_depot', entityIds: [workerId], detail: { startFrom } });
}

/** True when any of the grid workers with a grid to visit has no calendar for the cycle starting on `cycleStart` (one without a grid has nothing to plan). */
export async function hasMissingCalendars(db: Db, workerIds: number[], cycleStart: string): Promise<boolean> {
  if (!workerIds.length) return false;
  const [row] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from users u where u.id in (${sql.join(workerIds.map((i) => sql`${i}`), sql`, `)}) and u.role = 'grid_worker'
      and exists (select 1 from grids g where g.org_id = u.org_id and g.worker_id = u.id)
      and not exists (select 1 from visit_plans p where p.org_id = u.org_id and p.worker_id = u.id and p.cycle_start = ${cycleStart})`,
  );
  return row!.n > 0;
}
