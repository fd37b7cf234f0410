// Overrides besides marketing's new figure (create-forecast-override.ts):
// withdrawing the county's override, and a worker's own figure for one shop
// (a wedding, a shop shut for repairs) within their scope, and withdrawing it.
// Every write is a new row (the latest is in force, a withdrawn row ends the
// override, earlier rows stay as versions) with its audit row in the same
// transaction (decision 1814).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { weekIndex, weekMonday } from '../../domain/forecast/index.js';
import { AppError } from '../../shared/app-error.js';
import {
  createShopOverrideSchema,
  withdrawOverrideSchema,
  withdrawShopOverrideSchema,
  type CreateShopOverrideInput,
  type ForecastOverride,
  type ShopForecasts,
  type WithdrawOverrideInput,
  type WithdrawShopOverrideInput,
} from '../../shared/forecast.js';
import { writeAudit } from '../audit/audit.js';

/** The latest finished run, and that `weekStart` is one of the 8 weeks it forecasts (by its Monday). */
export async function overridableWeek(db: Db, orgId: number, weekStart: string): Promise<{ runId: number }> {
  const [run] = await query<{ id: number; origin: string }>(
    db,
    sql`select id, to_char(origin_week, 'YYYY-MM-DD') as origin from forecast_runs where org_id = ${orgId} and status = 'done' order by id desc limit 1`,
  );
  if (!run) throw new AppError('forecast_none');
  const o = weekIndex(run.origin);
  const w = weekIndex(weekStart);
  if (weekMonday(w) !== weekStart || w <= o || w > o + 8) throw new AppError('forecast_week_out_of_range', [{ field: 'weekStart', code: 'forecast_week_out_of_range' }]);
  return { runId: run.id };
}

async function activeProduct(db: Db, orgId: number, productId: number) {
  const [p] = await query<{ id: number }>(db, sql`select id from products where org_id = ${orgId} and id = ${productId} and active`);
  if (!p) throw new AppError('not_found');
}

/** A shop the viewer may see (their row scope); anything else is refused as not found. */
async function shopInScope(db: Db, viewer: Viewer, retailerId: number) {
  const [r] = await query<{ id: number }>(
    db,
    sql`select r.id from retailers r join grids g on g.id = r.grid_id and g.org_id = r.org_id where ${retailerScope(viewer)} and r.id = ${retailerId}`,
  );
  if (!r) throw new AppError('not_found');
}

/** The override in force for (shop or 0, product, week): the latest row unless it withdrew. */
async function inForce(db: Db, orgId: number, retailerId: number, productId: number, weekStart: string) {
  const [last] = await query<{ id: number; qty: number; withdrawn: boolean; versions: number }>(
    db,
    sql`select id, qty, withdrawn, (count(*) over ())::int as versions from forecast_overrides
      where org_id = ${orgId} and retailer_id = ${retailerId} and product_id = ${productId} and week_start = ${weekStart}::date order by id desc limit 1`,
  );
  return last && !last.withdrawn ? last : null;
}

type Write = { retailerId: number; productId: number; weekStart: string; qty: number; reason: string; withdrawn: boolean };

/** Inserts the next version and its audit row, in one transaction. */
async function writeVersion(db: Db, viewer: Viewer, runId: number, w: Write, now: Date): Promise<{ id: number; version: number }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [model] = await query<{ qty: number }>(
      t,
      sql`select qty from forecasts where org_id = ${viewer.orgId} and run_id = ${runId} and retailer_id = ${w.retailerId} and product_id = ${w.productId} and week_start = ${w.weekStart}::date`,
    );
    const [row] = await query<{ id: number; version: number }>(
      t,
      sql`with ins as (
          insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason, withdrawn, created_by, created_at)
          values (${viewer.orgId}, ${w.retailerId}, ${w.productId}, ${w.weekStart}::date, ${w.qty}, ${w.reason}, ${w.withdrawn}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
          returning id)
        select ins.id, (select count(*)::int + 1 from forecast_overrides o where o.org_id = ${viewer.orgId} and o.retailer_id = ${w.retailerId}
          and o.product_id = ${w.productId} and o.week_start = ${w.weekStart}::date) as version from ins`,
    );
    const shop = w.retailerId !== 0;
    await writeAudit(
      tx,
      viewer,
      {
        action: w.withdrawn ? 'delete' : 'update',
        entity: shop ? 'forecast_shop' : 'forecast',
        entityIds: shop ? [w.retailerId] : [w.productId],
        detail: {
          ...(shop ? { retailerId: w.retailerId } : {}),
          productId: w.productId,
          weekStart: w.weekStart,
          ...(w.withdrawn ? { withdrawn: true } : { qty: w.qty }),
          modelQty: model ? Math.round(model.qty * 100) / 100 : null,
          reason: w.reason,
          version: row.version,
          runId,
        },
      },
      now,
    );
    return row;
  });
}

/** Marketing withdraws its override of a product's week: the model's county figure (and every shop's) is in force again. */
export async function withdrawForecastOverride(db: Db, viewer: Viewer, raw: WithdrawOverrideInput, now: Date) {
  const input = withdrawOverrideSchema.parse(raw);
  await activeProduct(db, viewer.orgId, input.productId);
  const { runId } = await overridableWeek(db, viewer.orgId, input.weekStart);
  if (!(await inForce(db, viewer.orgId, 0, input.productId, input.weekStart))) throw new AppError('forecast_override_none');
  return writeVersion(db, viewer, runId, { retailerId: 0, productId: input.productId, weekStart: input.weekStart, qty: 0, reason: input.reason, withdrawn: true }, now);
}

/** A worker's own figure for one shop of their scope; it wins over the model and over marketing's county share (decision 1811). */
export async function createShopOverride(db: Db, viewer: Viewer, raw: CreateShopOverrideInput, now: Date) {
  const input = createShopOverrideSchema.parse(raw);
  await activeProduct(db, viewer.orgId, input.productId);
  await shopInScope(db, viewer, input.retailerId);
  const { runId } = await overridableWeek(db, viewer.orgId, input.weekStart);
  return writeVersion(db, viewer, runId, { ...input, withdrawn: false }, now);
}

export async function withdrawShopOverride(db: Db, viewer: Viewer, raw: WithdrawShopOverrideInput, now: Date) {
  const input = withdrawShopOverrideSchema.parse(raw);
  await activeProduct(db, viewer.orgId, input.productId);
  await shopInScope(db, viewer, input.retailerId);
  const { runId } = await overridableWeek(db, viewer.orgId, input.weekStart);
  if (!(await inForce(db, viewer.orgId, input.retailerId, input.productId, input.weekStart))) throw new AppError('forecast_override_none');
  return writeVersion(db, viewer, runId, { ...input, qty: 0, withdrawn: true }, now);
}

/** The shops of the viewer's scope that the latest run forecasts this product for in the week, biggest first. */
export async function findShopForecasts(db: Db, viewer: Viewer, productId: number, weekStart: string): Promise<ShopForecasts> {
  const org = viewer.orgId;
  await activeProduct(db, org, productId);
  const { runId } = await overridableWeek(db, org, weekStart);
  const rows = await query<{ retailerId: number; code: string; name: string; gridName: string; model: number; countyModel: number | null; county: number | null }>(
    db,
    sql`select f.retailer_id as "retailerId", r.customer_code as code, r.shop_name as name, g.name as "gridName", f.qty as model, c.qty as "countyModel",
        (select case when not o.withdrawn then o.qty end from forecast_overrides o where o.org_id = ${org} and o.retailer_id = 0 and o.product_id = f.product_id
          and o.week_start = f.week_start order by o.id desc limit 1)::float8 as county
      from forecasts f
      join retailers r on r.id = f.retailer_id and r.org_id = f.org_id
      join grids g on g.id = r.grid_id and g.org_id = r.org_id
      left join forecasts c on c.org_id = f.org_id and c.run_id = f.run_id and c.retailer_id = 0 and c.product_id = f.product_id and c.week_start = f.week_start
      where f.org_id = ${org} and f.run_id = ${runId} and f.product_id = ${productId} and f.week_start = ${weekStart}::date and f.retailer_id <> 0
        and ${retailerScope(viewer)}
      order by f.qty desc, f.retailer_id
      limit 500`,
  );
  const versions = await query<ForecastOverride & { retailerId: number }>(
    db,
    sql`select o.id, o.retailer_id as "retailerId", (row_number() over (partition by o.retailer_id order by o.id))::int as version,
        to_char(o.week_start, 'YYYY-MM-DD') as "weekStart", o.qty, null::float8 as "modelQty", o.reason, o.withdrawn, u.display_name as by, o.created_at as at
      from forecast_overrides o left join users u on u.id = o.created_by and u.org_id = o.org_id
      where o.org_id = ${org} and o.retailer_id <> 0 and o.product_id = ${productId} and o.week_start = ${weekStart}::date
      order by o.id desc`,
  );
  const byShop = new Map<number, ForecastOverride[]>();
  for (const { retailerId, ...v } of versions) byShop.set(retailerId, [...(byShop.get(retailerId) ?? []), v]);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    productId,
    weekStart,
    canOverride: true,
    items: rows.map((r) => {
      const vs = (byShop.get(r.retailerId) ?? []).map((v) => ({ ...v, modelQty: r2(r.model) }));
      const own = vs[0] && !vs[0].withdrawn ? vs[0] : null;
      const countyShare = r.county !== null && r.countyModel ? (r.model * r.county) / r.countyModel : r.county !== null ? 0 : null;
      return {
        retailerId: r.retailerId,
        code: r.code,
        name: r.name,
        gridName: r.gridName,
        model: r2(r.model),
        qty: r2(own ? own.qty : (countyShare ?? r.model)),
        source: own ? ('shop' as const) : countyShare !== null ? ('county' as const) : ('forecast' as const),
        override: own,
        versions: vs,
      };
    }),
  };
}

