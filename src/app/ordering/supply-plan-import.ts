// The weekly supply sheet into a draft plan: the whole file is checked first
// (src/domain/allocation/plan-import-rows.ts); any bad row refuses it with the
// report and writes nothing, else the listed products' supply and scarce
// flag are written in one statement and the plan must be re-allocated.
// Products the sheet does not list keep their lines.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { checkPlanRows } from '../../domain/allocation/plan-import-rows.js';
import type { PlanImportResult } from '../../shared/order-corrections.js';
import { draftPlan } from './supply-plans.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

const MAX_ROWS = 5000;

export async function importPlanItems(db: Db, viewer: Viewer, planId: number, table: string[][]): Promise<PlanImportResult> {
  if (table.length > MAX_ROWS + 1) throw new AppError('import_too_many_rows');
  const products = await rows<{ id: number; code: string }>(db, sql`select id, code from products where org_id = ${viewer.orgId} and active`);
  const { rows: good, errors } = checkPlanRows(table, new Map(products.map((p) => [p.code, p.id])));
  if (errors.length) throw new AppError('import_rejected', [], { rows: errors });
  if (!good.length) throw new AppError('import_empty');
  return db.transaction(async (tx) => {
    await draftPlan(tx, viewer, planId);
    const items = JSON.stringify(good.map((g) => ({ p: g.productId, q: g.supplyQty, s: g.scarce })));
    // New lines get the price-class tilt the plan's defaults use; a changed line loses its allocation result.
    const written = await rows<{ added: boolean }>(
      tx,
      sql`insert into supply_plan_items (org_id, plan_id, product_id, supply_qty, scarce, urban_weight, rural_weight)
          select ${viewer.orgId}, ${planId}, x.p, x.q, x.s,
                 case when p.price_class <= 2 then 1.4 when p.price_class >= 4 then 0.7 else 1 end,
                 case when p.price_class <= 2 then 0.7 when p.price_class >= 4 then 1.4 else 1 end
          from jsonb_to_recordset(${items}::jsonb) as x(p int, q int, s boolean) join products p on p.id = x.p
          on conflict (org_id, plan_id, product_id) do update set supply_qty = excluded.supply_qty, scarce = excluded.scarce,
            allocated_qty = null, priority_qty = null, lp_bound = null, objective = null, gap_pct = null, method = null
          returning (xmax = 0) as added`,
    );
    await tx.execute(sql`update supply_plans set version = version + 1, allocated_at = null where id = ${planId}`);
    const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from supply_plan_items where plan_id = ${planId}`);
    const added = written.filter((w) => w.added).length;
    return { updated: written.length - added, added, unlisted: n - written.length };
  });
}

/** The sheet to fill in: every active product with the plan's supply and scarce flag. */
export async function findPlanSheetRows(db: Db, viewer: Viewer, planId: number) {
  const [plan] = await rows<{ weekStart: string }>(db, sql`select week_start::text as "weekStart" from supply_plans where id = ${planId} and org_id = ${viewer.orgId}`);
  if (!plan) throw new AppError('not_found');
  const items = await rows<{ code: string; name: string; supplyQty: number; scarce: boolean }>(
    db,
    sql`select p.code, p.name, coalesce(i.supply_qty, 0) as "supplyQty", coalesce(i.scarce, p.scarce) as scarce
        from products p left join supply_plan_items i on i.plan_id = ${planId} and i.product_id = p.id
        where p.org_id = ${viewer.orgId} and p.active order by coalesce(i.scarce, p.scarce) desc, p.price_class, p.code`,
  );
  return { weekStart: plan.weekStart, items };
}
