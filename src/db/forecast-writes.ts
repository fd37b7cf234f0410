// Writes a forecast run's rows set-based: JSON batches expanded in the database.
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

export async function insertForecastRows(db: Pick<Db, 'execute'>, orgId: number, runId: number, rows: readonly ForecastRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    const batch = rows.slice(i, i + 5_000).map((r) => ({
      r: r.retailerId,
      p: r.productId,
      w: r.weekStart,
      h: r.horizon,
      q: r4(r.qty),
      lo: r4(r.low),
      hi: r4(r.high),
      b: r4(r.baseline),
      e: r4(r.eventEffect),
      t: r4(r.trend),
      a: r4(r.adjustment),
      k: r.eventKind,
      o: r.eventOffset,
    }));
    await db.execute(sql`insert into forecasts (org_id, run_id, retailer_id, product_id, week_start, horizon, qty, low, high, baseline, event_effect, trend, adjustment, event_kind, event_offset)
      select ${orgId}, ${runId}, r, p, w, h, q, lo, hi, b, e, t, a, k, o
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(r int, p int, w date, h int, q float8, lo float8, hi float8, b float8, e float8, t float8, a float8, k text, o int)`);
  }
}
