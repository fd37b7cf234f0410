// Writes a forecast run's rows set-based: column arrays unnested in the database.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

export type ForecastRow = {
  retailerId: number;
  productId: number;
  weekStart: string;
  horizon: number;
  qty: number;
  low: number;
  high: number;
  baseline: number;
  eventEffect: number;
  trend: number;
  adjustment: number;
  eventKind: string | null;
  eventOffset: number;
};

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
/** Rows per statement: a county's ~306,000 rows in 7 statements (each column one array parameter). */
const BATCH = 50_000;
const arr = (xs: readonly (number | string | null)[]) => `{${xs.map((x) => (x === null ? 'NULL' : x)).join(',')}}`;

/** Inserts a run's rows column-wise: one array parameter per column, expanded by unnest in the database (decision 1813). */
export async function insertForecastRows(db: Pick<Db, 'execute'>, orgId: number, runId: number, rows: readonly ForecastRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    const col = (f: (r: ForecastRow) => number | string | null) => arr(b.map(f));
    await db.execute(sql`insert into forecasts (org_id, run_id, retailer_id, product_id, week_start, horizon, qty, low, high, baseline, event_effect, trend, adjustment, event_kind, event_offset)
      select ${orgId}, ${runId}, x.*
      from unnest(${col((r) => r.retailerId)}::int[], ${col((r) => r.productId)}::int[], ${col((r) => r.weekStart)}::date[], ${col((r) => r.horizon)}::smallint[],
        ${col((r) => r4(r.qty))}::float8[], ${col((r) => r4(r.low))}::float8[], ${col((r) => r4(r.high))}::float8[], ${col((r) => r4(r.baseline))}::float8[],
        ${col((r) => r4(r.eventEffect))}::float8[], ${col((r) => r4(r.trend))}::float8[], ${col((r) => r4(r.adjustment))}::float8[],
        ${col((r) => r.eventKind)}::text[], ${col((r) => r.eventOffset)}::smallint[]) as x`);
  }
}
