// Demand forecasts on a real database: the job's use-case on the small test
// county, reconciliation held in the stored rows, the parts stored, and the
// accuracy per worker a score sheet reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { computeForecasts, lastClosedWeek } from '../../src/app/forecast/compute-forecasts.js';
import { forecastAccuracyByWorker } from '../../src/app/forecast/forecast-accuracy.js';
import { findSuggestedOrder } from '../../src/app/forecast/find-suggested-order.js';
import { findExpectedDemand } from '../../src/app/forecast/find-expected-demand.js';
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
    // The why's level is this product's, not the shop's total: the parts multiply to about the forecast.
    const [parts] = await query<{ baseline: number; e: number; tr: number; adj: number; qty: number }>(
      db,
      sql`select baseline, event_effect as e, trend as tr, adjustment as adj, qty from forecasts
        where org_id = ${orgId} and run_id = ${runId} and retailer_id = ${shop.id} and product_id = ${lines[0].productId} and week_start = '2026-11-30'`,
    );
    expect(parts.baseline * parts.e * parts.tr * parts.adj).toBeCloseTo(parts.qty, 1);
    await db.execute(sql`insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason)
      values (${orgId}, ${shop.id}, ${lines[0].productId}, '2026-11-30', 40, '婚宴')`);
    const after = await findSuggestedOrder(db, orgId, shop.id, '2026-11-30');
    expect(after.find((l) => l.productId === lines[0].productId)).toMatchObject({ qty: 40 });
    // A reason is required by the database as well.
    await expect(
      db.execute(sql`insert into forecast_overrides (org_id, retailer_id, product_id, week_start, qty, reason) values (${orgId}, ${shop.id}, ${lines[0].productId}, '2026-11-30', 3, '  ')`),
    ).rejects.toThrow();
  });

  it('shows marketing the county and a grid worker only their shops, with how the model did against the baselines', async () => {
    const manager = await t.login('county_manager');
    const county = (await t.api(manager, 'GET', '/api/forecasts')).json();
    expect(county).toMatchObject({ scope: 'county', canOverride: true, computing: false, run: { id: runId, originWeek: '2026-11-16' } });
    expect(county.weeks).toHaveLength(8);
    const item = county.items.find((i: { qty: (number | null)[] }) => (i.qty[1] ?? 0) > 5);
    expect(item.accuracy).toMatchObject({ weeks: 8 });
    expect(item.accuracy.model).toBeGreaterThanOrEqual(0);
    const worker = await t.login('grid_worker');
    const mine = (await t.api(worker, 'GET', '/api/forecasts')).json();
    expect(mine).toMatchObject({ scope: 'scope', canOverride: false });
    const same = mine.items.find((i: { productId: number }) => i.productId === item.productId);
    expect(same.qty[1]).toBeLessThan(item.qty[1]);
    // 近4周平均: the demand shops stated in the four order weeks up to the run's last week, a week's worth; the worker's
    // shops' share of it.
    const [{ recent }] = await query<{ recent: number }>(
      t.database.db,
      sql`select coalesce(sum(l.demand_qty), 0)::float8 / 4 as recent from orders o join order_lines l on l.order_id = o.id and l.org_id = o.org_id
        where o.org_id = ${orgId} and l.product_id = ${item.productId} and o.order_date >= '2026-10-26' and o.order_date < '2026-11-23'`,
    );
    expect(recent).toBeGreaterThan(0);
    expect(item.recent).toBe(Math.round(recent * 10) / 10);
    expect(same.recent).toBeGreaterThan(0);
    expect(same.recent).toBeLessThan(item.recent);
    const series = (await t.api(manager, 'GET', `/api/forecasts/products/${item.productId}`)).json();
    expect(series.history.length).toBeGreaterThan(10);
    expect(series.forecast.map((p: { horizon: number }) => p.horizon)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const p of series.forecast) {
      expect(p.qty).toBeCloseTo(item.qty[p.horizon - 1], 0);
      expect(p.recent_mean).toBeGreaterThanOrEqual(0);
      expect(p.why.zh).toMatch(/近13周平均/);
    }
    // A worker cannot override, nor see another scope's series as the county's.
    expect((await t.api(worker, 'POST', '/api/forecasts/overrides', { productId: item.productId, weekStart: '2026-11-30', qty: 1, reason: '试' })).statusCode).toBe(403);
    expect((await t.api(worker, 'GET', `/api/forecasts/products/${item.productId}`)).json().scope).toBe('scope');
  });

  it('takes marketing\'s override with a reason as a new version, audited, used by the supply plan and the suggested order', async () => {
    const db = t.database.db;
    const manager = await t.login('county_manager');
    const county = (await t.api(manager, 'GET', '/api/forecasts')).json();
    const item = county.items.find((i: { qty: (number | null)[] }) => (i.qty[1] ?? 0) > 5);
    const week = county.weeks[1];
    const post = (body: object) => t.api(manager, 'POST', '/api/forecasts/overrides', body);
    // Refused, nothing written: no reason, a week the run does not forecast, a day that is not its Monday.
    const noReason = await post({ productId: item.productId, weekStart: week, qty: 10, reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBeTruthy();
    expect((await post({ productId: item.productId, weekStart: '2026-11-16', qty: 10, reason: '春节备货' })).json().code).toBe('forecast_week_out_of_range');
    expect((await post({ productId: item.productId, weekStart: '2026-12-01', qty: 10, reason: '春节备货' })).statusCode).toBe(422);
    const [{ n: none }] = await query<{ n: number }>(db, sql`select count(*)::int as n from forecast_overrides where org_id = ${orgId} and retailer_id = 0`);
    expect(none).toBe(0);

    const target = Math.round(item.qty[1] * 2);
    expect((await post({ productId: item.productId, weekStart: week, qty: target - 3, reason: '新店开业' })).statusCode).toBe(201);
    const res = await post({ productId: item.productId, weekStart: week, qty: target, reason: '春节前备货' });
    expect(res.statusCode).toBe(201);
    const series = res.json();
    const p = series.forecast.find((x: { weekStart: string }) => x.weekStart === week);
    expect(p).toMatchObject({ qty: target, override: { version: 2, qty: target, reason: '春节前备货' } });
    expect(p.model).toBeCloseTo(item.qty[1], 0);
    expect(series.overrides.map((o: { version: number }) => o.version)).toEqual([2, 1]);
    const [{ n }] = await query<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity = 'forecast' and entity_ids[1] = ${item.productId} and action = 'update'`);
    expect(n).toBe(2);

    // The supply plan of that week shows the override as the expected demand.
    const plan = await t.api(manager, 'POST', '/api/supply-plans', { weekStart: week });
    expect(plan.statusCode).toBe(201);
    const planItem = plan.json().items.find((i: { productId: number }) => i.productId === item.productId);
    expect(planItem).toMatchObject({ expectedDemand: target, expectedOverridden: true });
    const other = plan.json().items.find((i: { productId: number; expectedDemand: number | null }) => i.productId !== item.productId && i.expectedDemand !== null);
    expect(other.expectedOverridden).toBe(false);

    // Each shop's suggestion is its share of the county's figure: the shops add up to it.
    const shops = await query<{ id: number; qty: number }>(
      db,
      sql`select retailer_id as id, qty from forecasts where org_id = ${orgId} and run_id = ${runId} and product_id = ${item.productId} and retailer_id <> 0 and week_start = ${week}::date order by qty desc`,
    );
    const modelCounty = shops.reduce((a, r) => a + r.qty, 0);
    const [top] = await findSuggestedOrder(db, orgId, shops[0].id, week).then((ls) => ls.filter((l) => l.productId === item.productId));
    expect(top.qty).toBe(Math.round((shops[0].qty * target) / modelCounty));
    expect(top.reason.zh).toContain('营销部调整全县预测：春节前备货');
  });

  it('withdraws marketing\'s override: the model\'s figure is in force again on the screen, the plan and the suggestions, audited', async () => {
    const db = t.database.db;
    const manager = await t.login('county_manager');
    const county = (await t.api(manager, 'GET', '/api/forecasts')).json();
    // The previous test left a two-version override in force on one product's second week.
    const i = county.items.findIndex((x: { overridden: boolean[] }) => x.overridden[1]);
    expect(i).toBeGreaterThanOrEqual(0);
    const item = county.items[i];
    const week = county.weeks[1];
    expect(item.qty[1]).not.toBeCloseTo(item.model[1], 0);
    const withdraw = (body: object, who = manager) => t.api(who, 'POST', '/api/forecasts/overrides/withdraw', body);
    expect((await withdraw({ productId: item.productId, weekStart: week, reason: ' ' })).statusCode).toBe(400);
    const worker = await t.login('grid_worker');
    expect((await withdraw({ productId: item.productId, weekStart: week, reason: '备货结束' }, worker)).statusCode).toBe(403);
    const res = await withdraw({ productId: item.productId, weekStart: week, reason: '备货结束' });
    expect(res.statusCode).toBe(200);
    const p = res.json().forecast.find((x: { weekStart: string }) => x.weekStart === week);
    expect(p.override).toBeNull();
    expect(p.qty).toBeCloseTo(p.model, 1);
    expect(res.json().overrides.map((o: { version: number; withdrawn: boolean }) => [o.version, o.withdrawn])).toEqual([
      [3, true],
      [2, false],
      [1, false],
    ]);
    // Nothing left to withdraw.
    expect((await withdraw({ productId: item.productId, weekStart: week, reason: '再撤回' })).json().code).toBe('forecast_override_none');
    const after = (await t.api(manager, 'GET', '/api/forecasts')).json().items.find((x: { productId: number }) => x.productId === item.productId);
    expect(after.overridden[1]).toBe(false);
    expect(after.qty[1]).toBeCloseTo(after.model[1], 0);
    expect((await findExpectedDemand(db, orgId, week)).get(item.productId)).toMatchObject({ overridden: false });
    const [shop] = await query<{ id: number; qty: number }>(
      db,
      sql`select retailer_id as id, qty from forecasts where org_id = ${orgId} and run_id = ${runId} and product_id = ${item.productId} and retailer_id <> 0 and week_start = ${week}::date order by qty desc limit 1`,
    );
    const line = (await findSuggestedOrder(db, orgId, shop.id, week)).find((l) => l.productId === item.productId)!;
    expect(line).toMatchObject({ overridden: false, qty: Math.round(shop.qty) });
    const [audit] = await query<{ action: string; detail: { withdrawn: boolean; reason: string; version: number } }>(
      db,
      sql`select action, detail from audit_log where entity = 'forecast' and entity_ids[1] = ${item.productId} order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ action: 'delete', detail: { withdrawn: true, reason: '备货结束', version: 3 } });
  });

  it('takes a grid worker\'s figure for one shop of their grid with a reason, refuses other shops, and withdraws it', async () => {
    const db = t.database.db;
    const worker = await t.login('grid_worker');
    const mine = (await t.api(worker, 'GET', '/api/forecasts')).json();
    const item = mine.items.find((x: { qty: (number | null)[] }) => (x.qty[2] ?? 0) > 3);
    const week = mine.weeks[2];
    const shops = await t.api(worker, 'GET', `/api/forecasts/products/${item.productId}/shops?weekStart=${week}`);
    expect(shops.statusCode).toBe(200);
    const list = shops.json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.reduce((a: number, s: { model: number }) => a + s.model, 0)).toBeCloseTo(item.model[2], 0);
    const shop = list[0];
    expect(shop).toMatchObject({ source: 'forecast', override: null });
    // A shop outside the worker's grids is refused as not found; no reason is refused; nothing written.
    const [outside] = await query<{ id: number }>(
      db,
      sql`select r.id from retailers r join grids g on g.id = r.grid_id and g.org_id = r.org_id join users u on u.org_id = r.org_id and u.username = 'worker1'
        where r.org_id = ${orgId} and g.worker_id is distinct from u.id order by r.id limit 1`,
    );
    const post = (body: object) => t.api(worker, 'POST', '/api/forecasts/shop-overrides', body);
    expect((await post({ retailerId: outside.id, productId: item.productId, weekStart: week, qty: 9, reason: '婚宴' })).statusCode).toBe(404);
    const noReason = await post({ retailerId: shop.retailerId, productId: item.productId, weekStart: week, qty: 9, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBeTruthy();
    const [{ n }] = await query<{ n: number }>(db, sql`select count(*)::int as n from forecast_overrides where org_id = ${orgId} and retailer_id <> 0 and week_start = ${week}::date`);
    expect(n).toBe(0);

    const target = Math.round(shop.model) + 25;
    const res = await post({ retailerId: shop.retailerId, productId: item.productId, weekStart: week, qty: target, reason: '办酒席' });
    expect(res.statusCode).toBe(201);
    const row = res.json().items.find((s: { retailerId: number }) => s.retailerId === shop.retailerId);
    expect(row).toMatchObject({ qty: target, source: 'shop', override: { version: 1, reason: '办酒席', withdrawn: false } });
    // The worker's screen shows it: the scope's figure moves by the difference, the week is marked.
    const series = (await t.api(worker, 'GET', `/api/forecasts/products/${item.productId}`)).json();
    const p = series.forecast.find((x: { weekStart: string }) => x.weekStart === week);
    expect(p.shopOverrides).toBe(1);
    expect(p.qty).toBeCloseTo(p.model + (target - shop.model), 0);
    const overview = (await t.api(worker, 'GET', '/api/forecasts')).json().items.find((x: { productId: number }) => x.productId === item.productId);
    expect(overview.overridden[2]).toBe(true);
    // The shop's suggested order follows it, with the reason.
    const line = (await findSuggestedOrder(db, orgId, shop.retailerId, week)).find((l) => l.productId === item.productId)!;
    expect(line).toMatchObject({ overridden: true, qty: target });
    expect(line.reason.zh).toContain('办酒席');
    // Marketing's county figure is not moved by one shop's.
    const manager = await t.login('county_manager');
    const countyItem = (await t.api(manager, 'GET', '/api/forecasts')).json().items.find((x: { productId: number }) => x.productId === item.productId);
    expect(countyItem.overridden[2]).toBe(false);

    const back = await t.api(worker, 'POST', '/api/forecasts/shop-overrides/withdraw', { retailerId: shop.retailerId, productId: item.productId, weekStart: week, reason: '酒席取消' });
    expect(back.statusCode).toBe(200);
    const withdrawn = back.json().items.find((s: { retailerId: number }) => s.retailerId === shop.retailerId);
    expect(withdrawn).toMatchObject({ source: 'forecast', override: null });
    expect(withdrawn.versions.map((v: { version: number; withdrawn: boolean }) => [v.version, v.withdrawn])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect((await findSuggestedOrder(db, orgId, shop.retailerId, week)).find((l) => l.productId === item.productId)).toMatchObject({ overridden: false });
    const audits = await query<{ action: string; detail: { reason: string; productId: number } }>(
      db,
      sql`select action, detail from audit_log where entity = 'forecast_shop' and entity_ids[1] = ${shop.retailerId} order by id`,
    );
    expect(audits.map((a) => [a.action, a.detail.reason, a.detail.productId])).toEqual([
      ['update', '办酒席', item.productId],
      ['delete', '酒席取消', item.productId],
    ]);
  });

  it('lists the shops likely to run out: a scarce product forecast above the last limit the shop was given, in scope', async () => {
    const db = t.database.db;
    // A shop with a scarce product's forecast of 4 cartons or more, given a limit of 1 on the latest published plan.
    const [target] = await query<{ retailerId: number; productId: number }>(
      db,
      sql`select f.retailer_id as "retailerId", f.product_id as "productId"
        from forecasts f join products p on p.org_id = f.org_id and p.id = f.product_id and p.scarce
        where f.org_id = ${orgId} and f.run_id = ${runId} and f.retailer_id <> 0 and f.product_id <> 0
        group by 1, 2 having max(f.qty) >= 4 order by max(f.qty) desc, 1, 2 limit 1`,
    );
    expect(target).toBeDefined();
    const [plan] = await query<{ id: number }>(
      db,
      sql`insert into supply_plans (org_id, week_start, status)
        values (${orgId}, coalesce((select max(week_start) from supply_plans where org_id = ${orgId} and status = 'published'), '2026-11-16'::date), 'published')
        on conflict (org_id, week_start) do update set status = 'published' returning id`,
    );
    await db.execute(sql`delete from order_limits where org_id = ${orgId} and plan_id = ${plan.id} and retailer_id = ${target.retailerId} and product_id = ${target.productId}`);
    await db.execute(sql`insert into order_limits (org_id, plan_id, retailer_id, product_id, cap_qty, quota_qty, limit_qty)
      values (${orgId}, ${plan.id}, ${target.retailerId}, ${target.productId}, 1, 1, 1)`);
    const manager = await t.login('county_manager');
    const res = await t.api(manager, 'GET', '/api/forecasts/stockout-risks');
    expect(res.statusCode).toBe(200);
    const all = res.json().items as { retailerId: number; productId: number; forecast: number; lastLimit: number; shortfall: number; weekStart: string }[];
    const hit = all.filter((r) => r.retailerId === target.retailerId && r.productId === target.productId);
    expect(hit.length).toBeGreaterThan(0);
    expect(hit[0]).toMatchObject({ lastLimit: 1 });
    for (const r of all) {
      expect(r.forecast).toBeGreaterThanOrEqual(r.lastLimit + 1 - 0.05);
      expect(r.shortfall).toBeCloseTo(r.forecast - r.lastLimit, 0);
    }
    for (let i = 1; i < all.length; i++) expect(all[i].shortfall).toBeLessThanOrEqual(all[i - 1].shortfall + 0.1);
    // A grid worker sees only shops of their grids.
    const worker = await t.login('grid_worker');
    const mine = (await t.api(worker, 'GET', '/api/forecasts/stockout-risks')).json().items as { retailerId: number }[];
    const theirs = await query<{ id: number }>(
      db,
      sql`select r.id from retailers r join grids g on g.id = r.grid_id and g.org_id = r.org_id join users u on u.org_id = r.org_id and u.id = g.worker_id
        where r.org_id = ${orgId} and u.username = 'worker1'`,
    );
    const ids = new Set(theirs.map((r) => r.id));
    for (const r of mine) expect(ids.has(r.retailerId)).toBe(true);
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

  it('shows nobody a run whose process died while writing its rows, and the next run clears them', async () => {
    const db = t.database.db;
    const manager = await t.login('county_manager');
    const shown = (await t.api(manager, 'GET', '/api/forecasts')).json();
    const scored = await forecastAccuracyByWorker(db, orgId, '2026-11');
    // The rows are written batch by batch before the run is marked done: a run cut off there keeps 'running' and
    // some rows. Planted: shop totals for November at horizon 0, which accuracy would read first, with a wild figure.
    const [dead] = await query<{ id: number }>(db, sql`insert into forecast_runs (org_id, origin_week, status, seed) values (${orgId}, '2026-11-16', 'running', 1) returning id`);
    await db.execute(sql`insert into forecasts (org_id, run_id, retailer_id, product_id, week_start, horizon, qty, low, high, baseline, event_effect, trend, adjustment, event_kind, event_offset)
      select org_id, ${dead.id}, retailer_id, product_id, week_start, 0, 99999, low, high, baseline, event_effect, trend, adjustment, event_kind, event_offset
      from forecasts where org_id = ${orgId} and run_id = ${shown.run.id} and product_id = 0 and retailer_id <> 0`);
    expect((await t.api(manager, 'GET', '/api/forecasts')).json()).toEqual(shown);
    expect(await forecastAccuracyByWorker(db, orgId, '2026-11')).toEqual(scored);
    const next = await computeForecasts(db, orgId, TODAY, { trees: 20 });
    const left = await query<{ n: number }>(db, sql`select count(*)::int as n from forecasts where org_id = ${orgId} and run_id = ${dead.id}`);
    expect(left[0].n).toBe(0);
    expect((await t.api(manager, 'GET', '/api/forecasts')).json().run.id).toBe(next.runId);
  });
});
