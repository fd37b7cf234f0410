// The weekly demand roll-up the forecast job reads (decision 1818) gives exactly what the scan of two years of
// order lines gives, on the seeded test county: before anything is rolled up, after, and while a week is only
// partly final; a re-run counts nothing twice; a week's orders changing before it closes, or a correction approved
// after it was rolled up, show in the next read; weeks older than the two years read are dropped from the roll-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { findWeeklyDemandByShopAndProduct, type WeeklyDemandRow } from '../../src/db/forecast-reads.js';
import { findProductShares } from '../../src/db/forecast-shares.js';
import { dropDemandWeeksBefore, findProductSharesRolledUp, findWeeklyDemandRolledUp, findWeeksNotRolledUp, rollUpDemandWeeks } from '../../src/db/demand-weeks.js';
import { weekIndex, weekMonday } from '../../src/domain/forecast/weeks.js';
import { lastClosedWeek } from '../../src/app/forecast/compute-forecasts.js';
import { forecastsJob } from '../../src/jobs/forecasts.js';
import { enqueueJob } from '../../src/jobs/job-queue.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let orgId: number;
const db = () => t.database.db;
const origin = lastClosedWeek(TODAY); // 2026-11-16
const from = '2024-11-25'; // the job's 104 weeks, from before the test county's first order

const sorted = (rows: WeeklyDemandRow[]) => [...rows].sort((a, b) => (a.key + a.monday < b.key + b.monday ? -1 : 1));
const bySharesKey = <T extends { retailerId: number; productId: number }>(rows: T[]) => [...rows].sort((a, b) => a.retailerId - b.retailerId || a.productId - b.productId);

/** The roll-up path and the order-line scan, side by side. */
async function bothPaths(to = origin) {
  const [scan, rolled, scanShares, rolledShares] = [
    await findWeeklyDemandByShopAndProduct(db(), orgId, from, to),
    await findWeeklyDemandRolledUp(db(), orgId, from, to),
    await findProductShares(db(), orgId, to),
    await findProductSharesRolledUp(db(), orgId, to),
  ];
  return { scan, rolled, scanShares, rolledShares };
}
async function expectSame(to = origin) {
  const { scan, rolled, scanShares, rolledShares } = await bothPaths(to);
  expect(scan.shop.length).toBeGreaterThan(1000);
  expect(scan.product.length).toBeGreaterThan(100);
  expect(sorted(rolled.shop)).toEqual(sorted(scan.shop));
  expect(sorted(rolled.product)).toEqual(sorted(scan.product));
  expect(scanShares.length).toBeGreaterThan(100);
  expect(bySharesKey(rolledShares)).toEqual(bySharesKey(scanShares));
  return scan;
}
const countyDemand = async (week: string) =>
  (await query<{ d: number }>(db(), sql`select demand::float8 as d from demand_weeks where org_id = ${orgId} and week_start = ${week} and retailer_id = 0 and product_id = 0`))[0]?.d;

beforeAll(async () => {
  t = await startTestApp();
  [{ orgId }] = await query<{ orgId: number }>(db(), sql`select id as "orgId" from orgs where exists (select 1 from orders o where o.org_id = orgs.id) order by id limit 1`);
});
afterAll(() => t?.close());

describe('the weekly demand roll-up', () => {
  it('reads what the order lines say before any week is rolled up', async () => {
    expect((await findWeeksNotRolledUp(db(), orgId, from, origin)).length).toBe(104);
    await expectSame();
  });

  it('rolls up the closed weeks once, a week the job saw open after it closed, and reads the same as the scan', async () => {
    // Last week's job: the week 2026-11-16 was still open, so it rolled up to the week before.
    const earlier = await rollUpDemandWeeks(db(), orgId, from, '2026-11-09', new Date('2026-11-17T02:00:00Z'));
    expect(earlier.length).toBe(103);
    expect(earlier.at(-1)).toBe('2026-11-09');
    await expectSame(); // 2026-11-16 from its lines, the rest from the roll-up

    // Before the week closed, one of its orders changed (an amendment replaces the lines).
    const [line] = await query<{ id: number; demand: number }>(
      db(),
      sql`select l.id::int8 as id, l.demand_qty as demand from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id
        where o.org_id = ${orgId} and o.order_date >= '2026-11-16' and o.order_date < '2026-11-23' order by l.id limit 1`,
    );
    await db().execute(sql`update order_lines set demand_qty = demand_qty + 7, available_qty = available_qty + 7 where org_id = ${orgId} and id = ${line.id}`);
    const before = (await bothPaths()).scan.product.reduce((s, r) => s + r.demand, 0);

    // This week's job rolls up the week that closed, and only it.
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, TODAY)).toEqual(['2026-11-16']);
    const scan = await expectSame();
    expect(scan.product.reduce((s, r) => s + r.demand, 0)).toBe(before);
    expect(await findWeeksNotRolledUp(db(), orgId, from, origin)).toEqual([]);

    // A re-run rolls up nothing and counts nothing twice.
    const total = await countyDemand('2026-11-16');
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, TODAY)).toEqual([]);
    expect(await countyDemand('2026-11-16')).toBe(total);
    const [{ n }] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int as n from demand_weeks where org_id = ${orgId} and week_start = '2026-11-16' and retailer_id <> 0 and product_id = 0`,
    );
    expect(n).toBe(new Set((await bothPaths()).scan.shop.filter((r) => r.monday === '2026-11-16').map((r) => r.key)).size);
    await expectSame();
  });

  it('leaves a week whose order window is still open to the order lines', async () => {
    await db().execute(sql`delete from demand_weeks where org_id = ${orgId} and week_start = '2026-11-16'`);
    // A plan for that week whose Friday window (dated 2026-11-20) was extended past now.
    const [plan] = await query<{ id: number }>(db(), sql`insert into supply_plans (org_id, week_start, status) values (${orgId}, '2026-11-16', 'published') returning id`);
    await db().execute(sql`insert into order_windows (org_id, plan_id, weekday, order_date, opens_at, closes_at)
      values (${orgId}, ${plan.id}, 5, '2026-11-20', '2026-11-20T00:00:00Z', ${new Date(TODAY.getTime() + 3600_000).toISOString()}::timestamptz)`);
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, TODAY)).toEqual([]);
    expect(await findWeeksNotRolledUp(db(), orgId, from, origin)).toEqual(['2026-11-16']);
    await expectSame();
    // Once it has closed, the next run rolls it up.
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, new Date(TODAY.getTime() + 2 * 3600_000))).toEqual(['2026-11-16']);
    await expectSame();
    await db().execute(sql`delete from order_windows where org_id = ${orgId} and plan_id = ${plan.id}`);
    await db().execute(sql`delete from supply_plans where org_id = ${orgId} and id = ${plan.id}`);
  });

  it('rolls a week up again after a correction of one of its orders is approved', async () => {
    const [agent, manager] = [await t.login('call_agent'), await t.login('county_manager')];
    const [l] = await query<{ id: number; productId: number }>(
      db(),
      sql`select l.id::int8 as id, l.product_id as "productId" from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id
        join products p on p.org_id = l.org_id and p.id = l.product_id
        where o.org_id = ${orgId} and o.order_date >= '2026-11-16' and o.order_date < '2026-11-23' and o.status = 'confirmed' and not p.scarce and l.ordered_qty >= 2
        order by l.id limit 1`,
    );
    const [other] = await query<{ id: number }>(
      db(),
      sql`select id from products where org_id = ${orgId} and active and not scarce and id <> ${l.productId} order by id limit 1`,
    );
    const total = await countyDemand('2026-11-16');
    const req = await t.api(agent, 'POST', `/api/order-lines/${Number(l.id)}/corrections`, { kind: 'correction', qty: 2, replacementProductId: other.id, reason: '品规录错' });
    expect(req.statusCode).toBe(201);
    expect((await t.api(manager, 'POST', `/api/order-corrections/${req.json().id}/decision`, { approve: true })).json().status).toBe('approved');
    // The replacement states 2 more cartons of demand: the week is forgotten, read from its lines, then rolled up again.
    expect(await countyDemand('2026-11-16')).toBeUndefined();
    await expectSame();
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, new Date(TODAY.getTime() + 2 * 3600_000))).toEqual(['2026-11-16']);
    expect(await countyDemand('2026-11-16')).toBe(total + 2);
    await expectSame();
  });

  it('drops the weeks before a given one; those weeks read from their lines again and roll up again when asked for', async () => {
    const later = weekMonday(weekIndex(origin) - 9);
    const kept = await countyDemand(later);
    expect(await countyDemand(weekMonday(weekIndex(later) - 1))).toBeGreaterThan(0);
    expect(await dropDemandWeeksBefore(db(), orgId, later)).toBeGreaterThan(1000);
    const gone = await findWeeksNotRolledUp(db(), orgId, from, origin);
    expect(gone.length).toBe(104 - 10);
    expect(gone.at(-1)).toBe(weekMonday(weekIndex(later) - 1));
    expect(await countyDemand(later)).toBe(kept);
    await expectSame(); // the dropped weeks from their lines, the ten kept from the roll-up
    expect(await rollUpDemandWeeks(db(), orgId, from, origin, TODAY)).toEqual(gone);
    await expectSame();
  });

  it('runs Monday\'s job as one forecast job per county, each under its county, on the roll-up', async () => {
    await db().execute(sql`delete from demand_weeks where org_id = ${orgId} and week_start = ${origin}::date`);
    // A week that fell out of the two years the job reads (left by an earlier year's runs): the job drops it.
    const stale = weekMonday(weekIndex(from) - 1);
    await db().execute(sql`insert into demand_weeks (org_id, week_start, retailer_id, product_id, demand, lines, bound_lines, censored)
      values (${orgId}, ${stale}::date, 0, 0, 5, 1, 0, false)`);
    await enqueueJob(db(), forecastsJob, {});
    await t.jobs.waitIdle(300_000);
    const jobs = await query<{ orgId: number | null; state: string; result: { queued?: number; runs?: { orgId: number }[] } }>(
      db(),
      sql`select org_id as "orgId", state, result from jobs where name = 'forecasts' order by id`,
    );
    const counties = await query<{ id: number }>(db(), sql`select id from orgs where exists (select 1 from orders o where o.org_id = orgs.id) order by id`);
    expect(jobs[0]).toMatchObject({ orgId: null, state: 'completed', result: { queued: counties.length } });
    expect(jobs.slice(1).map((j) => [j.orgId, j.state])).toEqual(counties.map((c) => [c.id, 'completed']));
    const [run] = await query<{ rolled: number; status: string }>(
      db(),
      sql`select (summary->>'rolledUpWeeks')::int as rolled, status from forecast_runs where org_id = ${orgId} order by id desc limit 1`,
    );
    expect(run).toEqual({ rolled: 1, status: 'done' });
    expect(await findWeeksNotRolledUp(db(), orgId, from, origin)).toEqual([]);
    expect(await countyDemand(stale)).toBeUndefined();
  });
});
