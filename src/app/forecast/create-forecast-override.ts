// Marketing's own figure for the county's demand of a product in a forecast
// week, with the reason: a new row each time (the latest is in force, earlier
// ones stay as its versions), written with its audit row in one transaction.
// The supply plan and every shop's suggested order use it (decision 1811).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { weekIndex, weekMonday } from '../../domain/forecast/index.js';
import { AppError } from '../../shared/app-error.js';
import { createOverrideSchema, type CreateOverrideInput } from '../../shared/forecast.js';
import { writeAudit } from '../audit/audit.js';

export async function createForecastOverride(db: Db, viewer: Viewer, raw: CreateOverrideInput, now: Date): Promise<{ id: number; version: number }> {
  const input = createOverrideSchema.parse(raw);
  const [product] = await query<{ id: number }>(db, sql`select id from products where org_id = ${viewer.orgId} and id = ${input.productId} and active`);
  if (!product) throw new AppError('not_found');
  const [run] = await query<{ id: number; origin: string }>(
    db,
    sql`select id, to_char(origin_week, 'YYYY-MM-DD') as origin from forecast_runs where org_id = ${viewer.orgId} and status = 'done' order by id desc limit 1`,
  );
  if (!run) throw new AppError('forecast_none');
  // Only the weeks the latest run forecasts, each given by its Monday.
  const o = weekIndex(run.origin);
  const w = weekIndex(input.weekStart);
  if (weekMonday(w) !== input.weekStart || w <= o || w > o + 8) throw new AppError('forecast_week_out_of_range', [{ field: 'weekStart', code: 'forecast_week_out_of_range' }]);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [model] = await query<{ qty: number }>(
      t,
      sql`select qty from forecasts where org_id = ${viewer.orgId} and run_id = ${run.id} and retailer_id = 0 and product_id = ${product.id} and week_start = ${input.weekStart}::date`,
    );
    const [row] = await query<{ id: number; version: number }>(
      t,
      sql`with ins as (
          insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason, created_by, created_at)
          values (${viewer.orgId}, 0, ${product.id}, ${input.weekStart}::date, ${input.qty}, ${input.reason}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
          returning id)
        select ins.id, (select count(*)::int + 1 from forecast_overrides o where o.org_id = ${viewer.orgId} and o.retailer_id = 0
          and o.product_id = ${product.id} and o.week_start = ${input.weekStart}::date) as version from ins`,
    );
    await writeAudit(
      tx,
      viewer,
      {
        action: 'update',
        entity: 'forecast',
        entityIds: [product.id],
        detail: { weekStart: input.weekStart, qty: input.qty, modelQty: model ? Math.round(model.qty * 100) / 100 : null, reason: input.reason, version: row.version, runId: run.id },
      },
      now,
    );
    return row;
  });
}
