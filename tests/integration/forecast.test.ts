// Demand forecasts on a real database: the job's use-case on the small test
// county, reconciliation held in the stored rows, the parts stored, and the
// accuracy per worker a score sheet reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { computeForecasts, lastClosedWeek } from '../../src/app/forecast/compute-forecasts.js';
import { forecastAccuracyByWorker } from '../../src/app/forecast/forecast-accuracy.js';
import { findSuggestedOrder } from '../../src/app/forecast/find-suggested-order.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let orgId: number;
let runId: number;

beforeAll(async () => {
  t = await startTestApp();
  [{ orgId }] = await query<{ orgId: number }>(t.database.db, sql`select id as "orgId" from orgs order by id limit 1`);
  ({ runId } = await computeForecasts(t.database.db, orgId, TODAY, { trees: 20 }));
});
afterAll(() => t?.close());

describe('a forecast run', () => {
  it('forecasts the eight weeks after the last closed order week, shops adding up to the county', async () => {
    const db = t.database.db;
    expect(lastClosedWeek(TODAY)).toBe('2026-11-16'); // TODAY is Tuesday 2026-11-24 in Beijing
    const weeks = await query<{ week: string; horizon: number; county: number; shops: number; n: number }>(
      db,
      sql`select to_char(week_start, 'YYYY-MM-DD') as week, min(horizon)::int as horizon,
          sum(qty) filter (where retailer_id = 0)::float8 as county,
          sum(qty) filter (where retailer_id <> 0 and product_id = 0)::float8 as shops,
          count(*) filter (where retailer_id <> 0 and product_id = 0)::int as n
        from forecasts where org_id = ${orgId} and run_id = ${runId} group by week_start order by week_start`,
    );
    expect(weeks.map((w) => w.week)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28', '2027-01-04', '2027-01-11']);
    expect(weeks.map((w) => w.horizon)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const w of weeks) {
      expect(w.n).toBeGreaterThan(200);
      expect(w.county).toBeGreaterThan(0);
      expect(Math.abs(w.shops - w.county)).toBeLessThan(1e-6 * w.county);
    }
    const [{ off }] = await query<{ off: number }>(
      db,
      sql`select count(*)::int as off from (
          select product_id, week_start, sum(qty) filter (where retailer_id <> 0) as shops, sum(qty) filter (where retailer_id = 0) as county
          from forecasts where org_id = ${orgId} and run_id = ${runId} and product_id <> 0 group by 1, 2) x
        where shops is not null and abs(shops - county) > 0.01 + 1e-6 * county`, // stored to 4 decimals
    );
    expect(off).toBe(0);
  });

  it('stores the parts a worker reads', async () => {
    const rows = await query<{ qty: number; low: number; high: number; baseline: number; trend: number }>(
      t.database.db,
      sql`select qty, low, high, baseline, trend from forecasts where org_id = ${orgId} and run_id = ${runId} and product_id = 0 and retailer_id <> 0 and qty > 0 limit 50`,
    );
    expect(rows.length).toBe(50);
    for (const r of rows) {
      expect(r.low).toBeLessThanOrEqual(r.qty + 1e-9);
      expect(r.high).toBeGreaterThanOrEqual(r.qty - 1e-9);
      expect(r.baseline).toBeGreaterThan(0);
    }
    const [run] = await query<{ status: string }>(t.database.db, sql`select status from forecast_runs where org_id = ${orgId} and id = ${runId}`);
    expect(run.status).toBe('done');
  });

  it('suggests an order per product with its reason, following an override', async () => {
    const db = t.database.db;
    const [shop] = await query<{ id: number }>(
      db,
      sql`select retailer_id as id from forecasts where org_id = ${orgId} and run_id = ${runId} and product_id <> 0 and retailer_id <> 0 and week_start = '2026-11-30'
        group by retailer_id order by sum(qty) desc, retailer_id limit 1`,
    );
    const lines = await findSuggestedOrder(db, orgId, shop.id, '2026-11-30');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0].qty).toBe(Math.round(lines[0].forecast));
    expect(lines[0].reason.zh).toMatch(/近13周平均 .* 条 · 去年.*近期走势 ×/);
    await db.execute(sql`insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason)
      values (${orgId}, ${shop.id}, ${lines[0].productId}, '2026-11-30', 40, '婚宴')`);
    const after = await findSuggestedOrder(db, orgId, shop.id, '2026-11-30');
    expect(after.find((l) => l.productId === lines[0].productId)).toMatchObject({ qty: 40 });
    // A reason is required by the database as well.
    await expect(
      db.execute(sql`insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason) values (${orgId}, ${shop.id}, ${lines[0].productId}, '2026-11-30', 3, '  ')`),
    ).rejects.toThrow();
  });

  it('scores a month per grid worker against the demand shops stated', async () => {
    // A run made four weeks earlier forecast weeks that have happened since.
    await computeForecasts(t.database.db, orgId, new Date(TODAY.getTime() - 28 * 86_400_000), { trees: 20 });
    const rows = await forecastAccuracyByWorker(t.database.db, orgId, '2026-11');
    expect(rows.length).toBeGreaterThan(3);
    const total = rows.reduce((a, r) => a + r.actual, 0);
    expect(total).toBeGreaterThan(0);
    for (const r of rows) if (r.actual > 0) expect(r.wapePct).toBeGreaterThanOrEqual(0);
    // An order-less month has nothing to score.
    expect(await forecastAccuracyByWorker(t.database.db, orgId, '2027-06')).toEqual([]);
  });
});
