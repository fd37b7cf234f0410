// Automatic partition proposals: computed from the retailers in scope, stored
// with a fingerprint of today's assignment, shown beside today's grids, and
// applied only on confirmation (and only if nothing moved in between).
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import { findGridMembers, LIVE_GRID, ON_MAP } from './grid-map-queries.js';
import { audit, inTransaction, insertGrid, moveRetailersTx, removeEmptyGrid, type Tx } from './grid-operations.js';
import type { ProposalGrid } from '../../db/schema-grids.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { measureGrids, partitionFigures } from '../../domain/grids/partition.js';
import { AppError } from '../../shared/app-error.js';
import type { Proposal } from '../../shared/grids.js';
import { compute } from '../../solver/compute.js';

type Scope = { stationId: number | null };

function proposalScope(viewer: Viewer, stationId?: number): Scope {
  if (viewer.role === 'station_head') return { stationId: viewer.stationId ?? -1 };
  return { stationId: stationId ?? null };
}

async function basis(tx: Tx, viewer: Viewer, scope: Scope): Promise<string> {
  const [row] = await query<{ h: string | null }>(
    tx,
    sql`select md5(string_agg(r.id || ':' || r.grid_id, ',' order by r.id)) as h from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${gridScope(viewer)} and ${ON_MAP} ${scope.stationId ? sql`and g.station_id = ${scope.stationId}` : sql``}`,
  );
  return row?.h ?? '';
}

export type ProposalInput = { stationId?: number; grids?: number; targetWorkload?: number };

/** What a request can be refused for at once, before its proposal is queued (decision 0801). */
export async function checkProposalRequest(db: Db, viewer: Viewer, input: ProposalInput): Promise<void> {
  await proposalMembers(db, viewer, input);
}

async function proposalMembers(db: Db, viewer: Viewer, input: ProposalInput) {
  const scope = proposalScope(viewer, input.stationId);
  const members = await findGridMembers(db, viewer, scope.stationId ?? undefined);
  if (!members.length) throw new AppError('nothing_selected');
  // The schema caps the count; the problem's own size caps it further.
  if (input.grids !== undefined && input.grids > members.length) throw new AppError('validation_failed', [{ field: 'grids', code: 'grids_above_retailers' }]);
  return { scope, members };
}

/** Computes and stores a proposal (run by the grid-proposal job); `progress` marks its steps. */
export async function createProposal(
  db: Db,
  viewer: Viewer,
  input: ProposalInput,
  now: Date,
  progress: (pct: number, text: string) => Promise<void> = async () => undefined,
): Promise<Proposal> {
  const { scope, members } = await proposalMembers(db, viewer, input);
  await progress(10, 'partition');
  const grids = await query<{ id: number; stationId: number; workerId: number | null; workerName: string | null }>(
    db,
    sql`select g.id, g.station_id as "stationId", g.worker_id as "workerId", u.display_name as "workerName"
      from grids g left join users u on u.org_id = g.org_id and u.id = g.worker_id
      where ${gridScope(viewer)} and ${LIVE_GRID} ${scope.stationId ? sql`and g.station_id = ${scope.stationId}` : sql``}`,
  );
  const byGrid = new Map<number, number[]>();
  for (const m of members) byGrid.set(m.gridId, [...(byGrid.get(m.gridId) ?? []), m.id]);
  const current = partitionFigures(measureGrids(members, [...byGrid.values()]));
  const gridOf = new Map(members.map((m) => [m.id, m.gridId]));
  // The partition and its match to today's grids run in a worker (decision 0810).
  const { partition: result, match, areas } = await compute('gridPartition', {
    points: members.map(({ id, lat, lng, station, visits, serviceMinutes }) => ({ id, lat, lng, station, visits, serviceMinutes })),
    opts: { grids: input.grids, targetWorkload: input.targetWorkload },
    existing: grids.map((g) => ({ id: g.id, station: g.stationId })),
    gridOf,
  });
  await progress(90, 'store');
  const workerOf = new Map(grids.map((g) => [g.id, g]));
  const stored: ProposalGrid[] = result.grids.map((g, i) => ({
    station: g.station,
    members: g.members,
    workload: g.workload,
    meanRadiusKm: g.meanRadiusKm,
    gridId: match.gridIds[i],
    workerId: workerOf.get(match.workerFrom[i] ?? -1)?.workerId ?? null,
    centre: g.centre,
  }));
  const moves = stored.reduce((a, g) => a + g.members.filter((id) => gridOf.get(id) !== g.gridId).length, 0);
  const figures = { current, proposed: result.figures, moves };
  const [row] = await query<{ id: number }>(
    db,
    sql`insert into grid_proposals (org_id, station_id, params, basis, grids, figures, created_by, created_at)
      values (${viewer.orgId}, ${scope.stationId}, ${JSON.stringify(input)}::jsonb, ${await basis(db, viewer, scope)},
        ${JSON.stringify(stored)}::jsonb, ${JSON.stringify(figures)}::jsonb, ${viewer.userId}, ${now.toISOString()}) returning id`,
  );
  await writeAudit(db, viewer, { action: 'create', entity: 'grid_proposal', entityIds: [row.id], detail: { stationId: scope.stationId, moves } }, now);
  return {
    id: row.id,
    stationId: scope.stationId,
    current,
    proposed: result.figures,
    moves,
    grids: stored.map((g, i) => ({
      index: i,
      stationId: g.station,
      gridId: g.gridId,
      workerName: workerOf.get(match.workerFrom[i] ?? -1)?.workerName ?? null,
      retailers: g.members.length,
      workload: Math.round(g.workload),
      area: areas[i],
    })),
  };
}

export async function applyProposal(db: Db, viewer: Viewer, id: number, now: Date): Promise<{ moved: number; created: number; removed: number }> {
  return inTransaction(db, async (tx) => {
    const [p] = await query<{ id: number; stationId: number | null; basis: string; grids: ProposalGrid[]; appliedAt: string | null }>(
      tx,
      sql`select id, station_id as "stationId", basis, grids, applied_at as "appliedAt" from grid_proposals
        where id = ${id} and org_id = ${viewer.orgId} for update`,
    );
    if (!p || (viewer.role === 'station_head' && p.stationId !== viewer.stationId)) throw new AppError('not_found');
    if (p.appliedAt) throw new AppError('proposal_applied');
    const scope = { stationId: p.stationId };
    // Lock the grids in scope so nobody moves retailers while the proposal lands.
    const live = await query<{ id: number }>(
      tx,
      sql`select g.id from grids g where ${gridScope(viewer)} and ${LIVE_GRID} ${scope.stationId ? sql`and g.station_id = ${scope.stationId}` : sql``}
        order by g.id for update of g`,
    );
    if ((await basis(tx, viewer, scope)) !== p.basis) throw new AppError('proposal_stale');
    const liveIds = new Set(live.map((g) => g.id));
    if (p.grids.some((g) => g.gridId !== null && !liveIds.has(g.gridId))) throw new AppError('proposal_stale');

    const [{ name: stationNames }] = await query<{ name: Record<string, string> }>(
      tx,
      sql`select coalesce(jsonb_object_agg(id, name), '{}'::jsonb) as name from stations where org_id = ${viewer.orgId}`,
    );
    let created = 0, moved = 0;
    const reason = `自动划分方案 #${p.id}`;
    for (const g of p.grids) {
      let target = g.gridId;
      if (target === null) {
        created++;
        const workerId = g.workerId ?? (await anyWorker(tx, viewer, g.station));
        target = await insertGrid(tx, viewer, { stationId: g.station, name: `${stationNames[g.station] ?? ''}新网格${created}`, workerId }, now);
      }
      moved += await moveRetailersTx(tx, viewer, target, g.members, reason, now);
    }
    const kept = new Set(p.grids.map((g) => g.gridId));
    let removed = 0;
    for (const gid of liveIds) {
      if (kept.has(gid)) continue;
      const [{ n }] = await query<{ n: number }>(tx, sql`select count(*)::int as n from retailers where grid_id = ${gid}`);
      if (n === 0) (await removeEmptyGrid(tx, viewer, gid, null, now), removed++);
    }
    await tx.execute(sql`update grid_proposals set applied_at = ${now.toISOString()}, applied_by = ${viewer.userId} where id = ${p.id}`);
    await audit(tx, viewer, 'update', 'grid_proposal', [p.id], { moved, created, removed }, now);
    return { moved, created, removed };
  });
}

async function anyWorker(tx: Tx, viewer: Viewer, stationId: number): Promise<number> {
  const [w] = await query<{ id: number }>(
    tx,
    sql`select id from users where org_id = ${viewer.orgId} and role = 'grid_worker' and active and station_id = ${stationId} order by id limit 1`,
  );
  if (!w) throw new AppError('grid_worker_required');
  return w.id;
}
