// Changing grids: create, edit (name, worker, station, policy, targets, area),
// split, merge, delete, and moving retailers between grids. Each call is one
// transaction: checks first, then the change with its retailer history and an
// audit row, or nothing at all.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { writeAudit } from '../audit/audit.js';
import type { AuditAction } from '../../shared/audit.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import { LIVE_GRID, ON_MAP, findGridMembers } from './grid-map-queries.js';
import { getOrgGeo } from '../retailers/retailer-update.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkRing } from '../../domain/grids/drawn-ring.js';
import { partitionGrids } from '../../domain/grids/partition.js';
import { AppError } from '../../shared/app-error.js';
import type { GridCreate, GridUpdate } from '../../shared/grids.js';

export type Tx = Db;
type GridLock = { id: number; code: string; name: string; stationId: number; workerId: number | null };

export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => fn(tx as unknown as Db));
}

/** A live grid the viewer may manage, locked for the transaction; 404 otherwise. */
export async function lockGrid(tx: Tx, viewer: Viewer, id: number): Promise<GridLock> {
  const [g] = await query<GridLock>(
    tx,
    sql`select g.id, g.code, g.name, g.station_id as "stationId", g.worker_id as "workerId"
      from grids g where ${gridScope(viewer)} and ${LIVE_GRID} and g.id = ${id} for update of g`,
  );
  if (!g) throw new AppError('not_found');
  return g;
}

async function checkWorker(tx: Tx, viewer: Viewer, workerId: number | null | undefined): Promise<number> {
  if (!workerId) throw new AppError('grid_worker_required', [{ field: 'workerId', code: 'grid_worker_required' }]);
  const [w] = await query<{ id: number }>(
    tx,
    sql`select id from users where id = ${workerId} and org_id = ${viewer.orgId} and role = 'grid_worker' and active
      ${viewer.role === 'station_head' ? sql`and station_id = ${viewer.stationId ?? -1}` : sql``}`,
  );
  if (!w) throw new AppError('unknown_worker', [{ field: 'workerId', code: 'unknown_worker' }]);
  return w.id;
}

async function checkStation(tx: Tx, viewer: Viewer, stationId: number): Promise<{ id: number; code: string }> {
  const [s] = await query<{ id: number; code: string }>(
    tx,
    sql`select id, code from stations where id = ${stationId} and org_id = ${viewer.orgId}
      ${viewer.role === 'station_head' ? sql`and id = ${viewer.stationId ?? -1}` : sql``}`,
  );
  if (!s) throw new AppError('unknown_station', [{ field: 'stationId', code: 'unknown_station' }]);
  return s;
}

/** The grid screens' audit rows, through the one writer (it adds the caller's IP). */
export async function audit(tx: Tx, viewer: Viewer, action: AuditAction, entity: string, ids: number[], detail: Record<string, unknown>, at: Date) {
  await writeAudit(tx, viewer, { action, entity, entityIds: ids, detail }, at);
}

async function nextGridCode(tx: Tx, orgId: number, stationCode: string): Promise<string> {
  const [{ n }] = await query<{ n: number }>(
    tx,
    sql`select coalesce(max(substring(code from '-(\\d+)$')::int), 0)::int as n from grids
      where org_id = ${orgId} and code like ${stationCode + '-%'}`,
  );
  return `${stationCode}-${String(n + 1).padStart(3, '0')}`;
}

export async function insertGrid(
  tx: Tx,
  viewer: Viewer,
  input: { stationId: number; name: string; code?: string; workerId: number; policy?: string; targets?: Record<string, number> },
  now: Date,
): Promise<number> {
  const station = await checkStation(tx, viewer, input.stationId);
  const code = input.code ?? (await nextGridCode(tx, viewer.orgId, station.code));
  const [dup] = await query<{ id: number }>(tx, sql`select id from grids where org_id = ${viewer.orgId} and code = ${code}`);
  if (dup) throw new AppError('duplicate_grid_code', [{ field: 'code', code: 'duplicate_grid_code' }]);
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into grids (org_id, station_id, code, name, worker_id, policy, targets, created_at)
      values (${viewer.orgId}, ${station.id}, ${code}, ${input.name}, ${input.workerId}, ${input.policy ?? ''},
        ${JSON.stringify(input.targets ?? {})}::jsonb, ${now.toISOString()}) returning id`,
  );
  await audit(tx, viewer, 'create', 'grid', [row.id], { code, name: input.name, stationId: station.id, workerId: input.workerId }, now);
  return row.id;
}

export async function createGrid(db: Db, viewer: Viewer, input: GridCreate, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const workerId = await checkWorker(tx, viewer, input.workerId);
    return insertGrid(tx, viewer, { ...input, workerId }, now);
  });
}

export async function updateGrid(db: Db, viewer: Viewer, id: number, input: GridUpdate, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    const g = await lockGrid(tx, viewer, id);
    const sets = [];
    const detail: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== g.name) sets.push(sql`name = ${input.name}`), (detail.name = [g.name, input.name]);
    if (input.workerId !== undefined) {
      const w = await checkWorker(tx, viewer, input.workerId);
      if (w !== g.workerId) sets.push(sql`worker_id = ${w}`), (detail.workerId = [g.workerId, w]);
    }
    if (input.stationId !== undefined && input.stationId !== g.stationId) {
      // Moving a grid to another station takes it out of a station head's reach: county staff only.
      if (viewer.role === 'station_head') throw new AppError('unknown_station', [{ field: 'stationId', code: 'unknown_station' }]);
      await checkStation(tx, viewer, input.stationId);
      sets.push(sql`station_id = ${input.stationId}`);
      detail.stationId = [g.stationId, input.stationId];
    }
    if (input.policy !== undefined) sets.push(sql`policy = ${input.policy}`), (detail.policy = true);
    if (input.targets !== undefined) sets.push(sql`targets = ${JSON.stringify(input.targets)}::jsonb`), (detail.targets = input.targets);
    if (!sets.length) throw new AppError('nothing_changed');
    await tx.execute(sql`update grids set ${sql.join(sets, sql`, `)} where id = ${id}`);
    await audit(tx, viewer, 'update', 'grid', [id], detail, now);
  });
}

export async function setGridArea(db: Db, viewer: Viewer, id: number, ring: [number, number][] | null, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockGrid(tx, viewer, id);
    if (ring === null) {
      await tx.execute(sql`delete from grid_areas where grid_id = ${id}`);
    } else {
      const checked = checkRing(ring, (await getOrgGeo(tx, viewer.orgId)).boundary);
      if (!checked.ok) throw new AppError(checked.code, [{ field: 'ring', code: checked.code }]);
      const area = JSON.stringify(checked.polygon);
      await tx.execute(sql`insert into grid_areas (grid_id, org_id, area, updated_by, updated_at)
        values (${id}, ${viewer.orgId}, ${area}::jsonb, ${viewer.userId}, ${now.toISOString()})
        on conflict (org_id, grid_id) do update set area = excluded.area, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
    }
    await audit(tx, viewer, 'update', 'grid', [id], { area: ring === null ? 'cleared' : 'drawn' }, now);
  });
}

/**
 * Move retailers (all within the viewer's scope) into `targetId`. Those
 * already there are skipped; each moved one gets a history row. Returns how
 * many moved.
 */
export async function moveRetailersTx(tx: Tx, viewer: Viewer, targetId: number, retailerIds: number[], reason: string | null, now: Date): Promise<number> {
  const ids = [...new Set(retailerIds)];
  if (!ids.length) throw new AppError('nothing_selected');
  const rows = await query<{ id: number; gridId: number }>(
    tx,
    sql`select r.id, r.grid_id as "gridId" from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${retailerScope(viewer)} and ${gridScope(viewer)} and r.id in ${sql`(${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`}
      order by r.id for update of r`,
  );
  if (rows.length !== ids.length) throw new AppError('not_found', [{ field: 'retailerIds', code: 'not_found' }]);
  const moving = rows.filter((r) => r.gridId !== targetId);
  if (!moving.length) return 0;
  const data = JSON.stringify(moving.map((r) => ({ id: r.id, old: r.gridId })));
  await tx.execute(sql`update retailers set grid_id = ${targetId}, version = version + 1, updated_at = ${now.toISOString()}
    where id in (select id from jsonb_to_recordset(${data}::jsonb) as x(id int, old int))`);
  await tx.execute(sql`insert into retailer_changes (org_id, retailer_id, user_id, source, changes, reason, at)
    select ${viewer.orgId}, x.id, ${viewer.userId}, 'grid_move',
      jsonb_build_array(jsonb_build_object('field', 'gridId', 'old', x.old, 'new', ${targetId}::int)), ${reason}, ${now.toISOString()}
    from jsonb_to_recordset(${data}::jsonb) as x(id int, old int)`);
  await audit(tx, viewer, 'update', 'retailer', moving.map((r) => r.id), { op: 'grid_move', toGridId: targetId, fromGridIds: [...new Set(moving.map((r) => r.gridId))], reason }, now);
  return moving.length;
}

export async function moveRetailers(db: Db, viewer: Viewer, targetId: number, retailerIds: number[], reason: string | null, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lockGrid(tx, viewer, targetId);
    return moveRetailersTx(tx, viewer, targetId, retailerIds, reason, now);
  });
}

async function memberIds(tx: Tx, gridId: number): Promise<number[]> {
  const rows = await query<{ id: number }>(tx, sql`select id from retailers r where r.grid_id = ${gridId} order by id`);
  return rows.map((r) => r.id);
}

/** Delete an empty grid; one that other records still point at is retired instead. */
export async function removeEmptyGrid(tx: Tx, viewer: Viewer, id: number, mergedInto: number | null, now: Date): Promise<'deleted' | 'retired'> {
  await tx.execute(sql`savepoint grid_delete`);
  try {
    await tx.execute(sql`delete from grid_areas where grid_id = ${id}`);
    await tx.execute(sql`delete from grids where id = ${id}`);
    await tx.execute(sql`release savepoint grid_delete`);
    await audit(tx, viewer, 'delete', 'grid', [id], { mergedInto }, now);
    return 'deleted';
  } catch (e) {
    // The driver's error, or the one drizzle wraps it in: 23503 = foreign_key_violation.
    const cause = (e as { cause?: { code?: string } }).cause;
    if ((e as { code?: string }).code !== '23503' && cause?.code !== '23503') throw e;
    await tx.execute(sql`rollback to savepoint grid_delete`);
    await tx.execute(sql`insert into grid_retired (grid_id, org_id, merged_into, retired_by, retired_at)
      values (${id}, ${viewer.orgId}, ${mergedInto}, ${viewer.userId}, ${now.toISOString()})`);
    await audit(tx, viewer, 'delete', 'grid', [id], { mergedInto, retired: true }, now);
    return 'retired';
  }
}

export async function deleteGrid(db: Db, viewer: Viewer, id: number, now: Date): Promise<'deleted' | 'retired'> {
  return inTransaction(db, async (tx) => {
    await lockGrid(tx, viewer, id);
    const [{ n }] = await query<{ n: number }>(tx, sql`select count(*)::int as n from retailers where grid_id = ${id}`);
    if (n > 0) throw new AppError('grid_not_empty', [], { retailers: n });
    return removeEmptyGrid(tx, viewer, id, null, now);
  });
}

export async function mergeGrid(db: Db, viewer: Viewer, sourceId: number, intoId: number, now: Date): Promise<{ moved: number; source: 'deleted' | 'retired' }> {
  if (sourceId === intoId) throw new AppError('grid_same');
  return inTransaction(db, async (tx) => {
    const [a, b] = sourceId < intoId ? [sourceId, intoId] : [intoId, sourceId];
    const first = await lockGrid(tx, viewer, a);
    const second = await lockGrid(tx, viewer, b);
    if (first.stationId !== second.stationId) throw new AppError('grid_other_station');
    const ids = await memberIds(tx, sourceId);
    const moved = ids.length ? await moveRetailersTx(tx, viewer, intoId, ids, `合并网格 ${first.id === sourceId ? first.code : second.code}`, now) : 0;
    const source = await removeEmptyGrid(tx, viewer, sourceId, intoId, now);
    return { moved, source };
  });
}

export async function splitGrid(
  db: Db,
  viewer: Viewer,
  id: number,
  input: { name: string; workerId?: number | null; retailerIds?: number[] },
  now: Date,
): Promise<{ gridId: number; moved: number }> {
  return inTransaction(db, async (tx) => {
    const g = await lockGrid(tx, viewer, id);
    const workerId = await checkWorker(tx, viewer, input.workerId);
    const members = (await findGridMembers(tx, viewer, g.stationId)).filter((m) => m.gridId === id);
    if (members.length < 2) throw new AppError('split_too_small');
    let chosen = input.retailerIds ? [...new Set(input.retailerIds)] : undefined;
    if (chosen) {
      const own = new Set(members.map((m) => m.id));
      if (!chosen.length) throw new AppError('nothing_selected');
      if (chosen.some((r) => !own.has(r))) throw new AppError('not_found', [{ field: 'retailerIds', code: 'not_found' }]);
      if (chosen.length === members.length) throw new AppError('split_all');
    } else {
      // Cut in two by workload; the half farther from the grid's first retailer in code order goes to the new grid.
      const halves = partitionGrids(members, { grids: 2 }).grids;
      chosen = (halves.find((h) => !h.members.includes(members[0].id)) ?? halves[1]).members;
    }
    const newId = await insertGrid(tx, viewer, { stationId: g.stationId, name: input.name, workerId }, now);
    const moved = await moveRetailersTx(tx, viewer, newId, chosen, `拆分网格 ${g.code}`, now);
    return { gridId: newId, moved };
  });
}

export async function findWorkers(db: Db, viewer: Viewer) {
  return query<{ id: number; displayName: string; stationId: number | null; grids: number }>(
    db,
    sql`select u.id, u.display_name as "displayName", u.station_id as "stationId",
        (select count(*)::int from grids g where g.worker_id = u.id and ${LIVE_GRID}) as grids
      from users u where u.org_id = ${viewer.orgId} and u.role = 'grid_worker' and u.active
      ${viewer.role === 'station_head' ? sql`and u.station_id = ${viewer.stationId ?? -1}` : sql``}
      ${viewer.role === 'grid_worker' ? sql`and u.id = ${viewer.userId}` : sql``}
      order by u.id`,
  );
}

export async function findGridMoves(db: Db, viewer: Viewer, gridId: number) {
  const [g] = await query<{ id: number }>(db, sql`select g.id from grids g where ${gridScope(viewer)} and g.id = ${gridId}`);
  if (!g) throw new AppError('not_found');
  return query<{ id: number; at: string; retailerId: number; shopName: string; fromGridId: number | null; toGridId: number | null; userName: string | null; reason: string | null }>(
    db,
    sql`select c.id::int as id, c.at::text as at, c.retailer_id as "retailerId", r.shop_name as "shopName",
        (c.changes -> 0 ->> 'old')::int as "fromGridId", (c.changes -> 0 ->> 'new')::int as "toGridId",
        u.display_name as "userName", c.reason
      from retailer_changes c join retailers r on r.org_id = c.org_id and r.id = c.retailer_id left join users u on u.org_id = c.org_id and u.id = c.user_id
      where c.org_id = ${viewer.orgId} and c.source = 'grid_move'
        and ((c.changes -> 0 ->> 'old')::int = ${gridId} or (c.changes -> 0 ->> 'new')::int = ${gridId})
      order by c.at desc, c.id desc limit 500`,
  );
}

export { ON_MAP };
