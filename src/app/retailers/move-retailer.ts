// Moving a shop to another county (issue 19, decision 1902): in one
// transaction, every row the shop owns is inserted under the new org (same ids)
// and deleted from the old one — never UPDATE … SET org_id, which a distributed
// engine cannot do across shards — the old county's plan rows for it end, a
// forwarding record stays behind, and both orgs get an audit row.
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { RetailerMoveInput, RetailerMoveResult } from '../../shared/retailer-move.js';
import { writeAudit } from '../audit/audit.js';
import { forgetDemandWeeksOfShop } from '../../db/demand-weeks.js';
import { CARRIED, ENDED, tableName, type MoveKeys } from './retailer-move-plan.js';
import { findHomeRefusals, findTargetRefusals } from './retailer-move-checks.js';

type Ctx = MoveKeys & { to: number; toGrid: number; toStation: number; toWorker: number; runMap: Map<number, number> };

const CARRIED_NAMES = new Set(CARRIED.map((s) => tableName(s.table)));
/** References to the old county's own objects that a carried row loses (they stay behind or end). */
const DROPPED_REFS = new Set(['supply_plans', 'notice_campaigns', 'visit_plan_stops', 'visit_plans', 'delivery_points']);

/** The SELECT expression that gives column `col` of a carried row its value under the new org. */
function valueOf(table: PgTable, col: { name: string; notNull: boolean }, ctx: Ctx): SQL {
  const c = sql.identifier(col.name);
  if (col.name === 'org_id') return sql`${ctx.to}::int`;
  const fk = getTableConfig(table)
    .foreignKeys.map((f) => f.reference())
    .find((r) => r.columns.some((x) => x.name === col.name) && r.columns.length > 1);
  if (!fk) return sql`s.${c}`;
  const target = getTableConfig(fk.foreignTable).name;
  if (CARRIED_NAMES.has(target) && target !== 'users') return sql`s.${c}`;
  switch (target) {
    case 'users':
      // The shop's own login moves with it; people of the old county stay there: a required person becomes the
      // new grid's worker, an optional one is left empty (the old county's audit log keeps who it was).
      return col.notNull
        ? sql`case when s.${c} = ${ctx.userId} then s.${c} else ${ctx.toWorker}::int end`
        : sql`case when s.${c} = ${ctx.userId} then s.${c} end`;
    case 'grids':
      return sql`case when s.${c} is null then null else ${ctx.toGrid}::int end`;
    case 'stations':
      return sql`case when s.${c} is null then null else ${ctx.toStation}::int end`;
    case 'products':
      return sql`(select p2.id from products p1 join products p2 on p2.org_id = ${ctx.to} and p2.code = p1.code
        where p1.org_id = ${ctx.from} and p1.id = s.${c})`;
    case 'rating_runs': {
      const cases = [...ctx.runMap].map(([a, b]) => sql`when ${a}::int then ${b}::int`);
      return cases.length ? sql`case s.${c} ${sql.join(cases, sql` `)} end` : sql`null::int`;
    }
    default:
      if (DROPPED_REFS.has(target) && !col.notNull) return sql`null`;
      throw new Error(`move-retailer: no rule for ${getTableConfig(table).name}.${col.name} → ${target} (retailer-move-plan.ts)`);
  }
}

async function count(tx: Db, table: PgTable, where: SQL, org: number): Promise<number> {
  const [r] = await query<{ n: number }>(tx, sql`select count(*)::int as n from ${table} s where s.org_id = ${org} and ${where}`);
  return r!.n;
}

export async function moveRetailer(db: Db, viewer: Viewer, retailerId: number, input: RetailerMoveInput, now: Date): Promise<RetailerMoveResult> {
  const from = viewer.orgId;
  if (input.toOrgId === from) throw new AppError('move_same_org', [{ field: 'toOrgId', code: 'move_same_org' }]);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [shop] = await query<{ customerCode: string; licenceNo: string; shopName: string }>(
      tx,
      sql`select customer_code as "customerCode", licence_no as "licenceNo", shop_name as "shopName"
        from retailers where org_id = ${from} and id = ${retailerId} for update`,
    );
    if (!shop) throw new AppError('not_found');
    const [target] = await query<{ station: number; worker: number | null }>(
      tx,
      sql`select g.station_id as station, g.worker_id as worker from grids g where g.org_id = ${input.toOrgId} and g.id = ${input.toGridId}`,
    );
    if (!target) throw new AppError('move_unknown_target', [{ field: 'toGridId', code: 'move_unknown_target' }]);
    if (target.worker === null) throw new AppError('move_target_grid_without_worker', [{ field: 'toGridId', code: 'move_target_grid_without_worker' }]);
    const [user] = await query<{ id: number; username: string }>(
      tx,
      sql`select id, username from users where org_id = ${from} and role = 'retailer' and retailer_id = ${retailerId} for update`,
    );
    const keys: MoveKeys = { from, retailerId, userId: user?.id ?? null };
    // The same checks as the move screen's preview, the first refusal thrown (retailer-move-checks.ts).
    const refusals = [...(await findHomeRefusals(tx, keys)), ...(await findTargetRefusals(tx, keys, shop, input.toOrgId))];
    const refused = refusals[0];
    if (refused) {
      throw new AppError(refused.code, refused.field ? [{ field: refused.field, code: refused.code }] : [], refused.products ? { products: refused.products } : {});
    }

    // The shop's rating results belong to runs of the old county: each run they come from gets a carried copy
    // in the new county (status moved_in, never published or listed), so a result keeps its run, month and scheme.
    const runs = await query<{ id: number }>(
      tx,
      sql`select distinct run_id as id from retailer_ratings where org_id = ${from} and retailer_id = ${retailerId}
        union select run_id from tier_overrides where org_id = ${from} and retailer_id = ${retailerId}`,
    );
    const runMap = new Map<number, number>();
    for (const r of runs) {
      const [copy] = await query<{ id: number }>(
        tx,
        sql`insert into rating_runs (org_id, month, scheme_version, status, progress, step, retailers, order_lines, summary, started_at, finished_at)
          select ${input.toOrgId}, month, scheme_version, 'moved_in', 100, 'moved', 1, 0,
            jsonb_build_object('movedFrom', jsonb_build_object('orgId', org_id, 'runId', id, 'retailerId', ${retailerId}::int)), started_at, finished_at
          from rating_runs where org_id = ${from} and id = ${r.id} returning id`,
      );
      runMap.set(r.id, copy!.id);
    }

    const ctx: Ctx = { ...keys, to: input.toOrgId, toGrid: input.toGridId, toStation: target.station, toWorker: target.worker, runMap };
    // A login name is unique everywhere (decision 1900): the old row gives it up until it is deleted below.
    if (user) await tx.execute(sql`update users set username = ${`${user.username}#moving`} where org_id = ${from} and id = ${user.id}`);

    const carried: Record<string, number> = {};
    for (const step of CARRIED) {
      const cfg = getTableConfig(step.table);
      const cols = cfg.columns.map((c) => ({ name: c.name, notNull: c.notNull }));
      const values = cols.map((c) => (cfg.name === 'users' && c.name === 'username' ? sql`${user?.username ?? ''}` : valueOf(step.table, c, ctx)));
      const res = await tx.execute(sql`insert into ${step.table} (${sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `)})
        select ${sql.join(values, sql`, `)} from ${step.table} s where s.org_id = ${from} and ${step.rows(keys)}`);
      carried[cfg.name] = rowCount(res);
    }

    // The old county's plan rows for the shop end; its visits drop their link to a stop first.
    await tx.execute(sql`update visits set plan_stop_id = null where org_id = ${from} and retailer_id = ${retailerId} and plan_stop_id is not null`);
    const ended: Record<string, number> = {};
    for (const step of ENDED) {
      const res = await tx.execute(sql`delete from ${step.table} s where s.org_id = ${from} and ${step.rows(keys)}`);
      ended[tableName(step.table)] = rowCount(res);
    }
    for (const step of [...CARRIED].reverse()) {
      const name = tableName(step.table);
      const res = await tx.execute(sql`delete from ${step.table} s where s.org_id = ${from} and ${step.rows(keys)}`);
      const n = rowCount(res);
      if (n !== carried[name]) throw new Error(`move-retailer: ${name} inserted ${carried[name]} rows but deleted ${n}`);
    }
    if (user) await tx.execute(sql`delete from sessions where user_id = ${user.id}`);
    // Both counties' weekly demand changed in every week the shop ordered: those weeks are rolled up again (decision 1818).
    await forgetDemandWeeksOfShop(tx, [from, input.toOrgId], input.toOrgId, retailerId);

    await tx.execute(sql`insert into retailer_forwards (org_id, retailer_id, customer_code, licence_no, shop_name, to_org_id, to_retailer_id, reason, moved_by, moved_at)
      values (${from}, ${retailerId}, ${shop.customerCode}, ${shop.licenceNo}, ${shop.shopName}, ${input.toOrgId}, ${retailerId}, ${input.reason}, ${viewer.userId}, ${now.toISOString()}::timestamptz)`);
    const detail = { fromOrgId: from, toOrgId: input.toOrgId, toGridId: input.toGridId, reason: input.reason, carried, ended };
    await writeAudit(tx, viewer, { action: 'move', entity: 'retailer', entityIds: [retailerId], detail }, now);
    await writeAudit(tx, { orgId: input.toOrgId, userId: viewer.userId }, { action: 'move', entity: 'retailer', entityIds: [retailerId], detail }, now);
    return { retailerId, fromOrgId: from, toOrgId: input.toOrgId, carried, ended };
  });
}

function rowCount(res: unknown): number {
  const r = res as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
