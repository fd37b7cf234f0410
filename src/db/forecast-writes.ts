// Writes a forecast run's rows set-based: column arrays unnested in the database.
import { sql } from 'drizzle-orm';
import type { ForecastColumns } from '../domain/forecast/forecast-rows.js';
import type { Db } from './client.js';

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
/** Rows per statement: a county's ~306,000 rows in 7 statements (each column one array parameter). */
const BATCH = 50_000;

/**
 * Inserts a run's rows column-wise: one array parameter per column, expanded by unnest in the database (decision 1813).
 * The rows come as the compute worker assembled them (decision 0865); each statement's literals are built just before
 * it is sent, so the event loop is held for one batch at a time.
 */
export async function insertForecastRows(db: Pick<Db, 'execute'>, orgId: number, runId: number, rows: ForecastColumns): Promise<void> {
  for (let from = 0; from < rows.length; from += BATCH) {
    const to = Math.min(rows.length, from + BATCH);
    const ints = (xs: Int32Array | Int16Array | Uint8Array) => `{${xs.subarray(from, to).join(',')}}`;
    const floats = (xs: Float64Array) => `{${Array.from(xs.subarray(from, to), r4).join(',')}}`;
    const weeks = `{${Array.from(rows.week.subarray(from, to), (w) => rows.weeks[w]).join(',')}}`;
    const kinds = `{${Array.from(rows.eventKind.subarray(from, to), (k) => (k < 0 ? 'NULL' : rows.eventKinds[k])).join(',')}}`;
    await db.execute(sql`insert into forecasts (org_id, run_id, retailer_id, product_id, week_start, horizon, qty, low, high, baseline, event_effect, trend, adjustment, event_kind, event_offset)
      select ${orgId}, ${runId}, x.*
      from unnest(${ints(rows.retailerId)}::int[], ${ints(rows.productId)}::int[], ${weeks}::date[], ${ints(rows.horizon)}::smallint[],
        ${floats(rows.qty)}::float8[], ${floats(rows.low)}::float8[], ${floats(rows.high)}::float8[], ${floats(rows.baseline)}::float8[],
        ${floats(rows.eventEffect)}::float8[], ${floats(rows.trend)}::float8[], ${floats(rows.adjustment)}::float8[],
        ${kinds}::text[], ${ints(rows.eventOffset)}::smallint[]) as x`);
  }
}
