// The four measures and the score sheets (issue 17 items 2 and 3) through the
// HTTP app: the nightly job for every active shop with a hand-computed shop,
// 未调查 / 未采集 never guessed, bad weights refused and nothing changed,
// sheets within reach only, every point drilled to its records, the Excel export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type DemoRole, type TestApp } from '../support/test-app.js';
import { launchListingRateByWorker } from '../../src/app/cultivation/launch-listing-rate-by-worker.js';
import { careTasksDoneByWorker } from '../../src/app/care/care-tasks.js';
import { forecastAccuracyByWorker } from '../../src/app/forecast/forecast-accuracy.js';
import { computeScoreSheets } from '../../src/app/measures/compute-score-sheets.js';

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let shop: number; // a shop of worker1's grid given a hand-made order history
let ids: { worker1: number; station1: number };
const AS_OF = '2026-11-24';
const db = () => t.database.db;
const count = async (table: string) => (await query<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as DemoRole[]) cookie[role] = await t.login(role);
  const users = await query<{ username: string; id: number; stationId: number }>(db(), sql`select username, id, station_id as "stationId" from users where username in ('worker1', 'station1')`);
  ids = { worker1: users.find((u) => u.username === 'worker1')!.id, station1: users.find((u) => u.username === 'station1')!.stationId };
  [{ shop }] = await query<{ shop: number }>(
    db(),
    sql`select r.id as shop from retailers r join grids g on g.id = r.grid_id where g.worker_id = ${ids.worker1} and r.status = 'active'
        and r.id <> (select retailer_id from users where username = 'retailer') order by r.id limit 1`,
  );
  // The hand-made history: opened two years ago; 13 confirmed orders in 13 different weeks of the 26, alternating 10 and 20
  // cartons; one cancelled order; no order lines in the last 28 days except what the seed left (margin is a percentile).
  await db().execute(sql`delete from order_lines where order_id in (select id from orders where retailer_id = ${shop})`);
  await db().execute(sql`delete from settlement_attempts where order_id in (select id from orders where retailer_id = ${shop})`);
  await db().execute(sql`delete from plan_orders where order_id in (select id from orders where retailer_id = ${shop})`);
  await db().execute(sql`delete from orders where retailer_id = ${shop}`);
  await db().execute(sql`update retailers set opened_on = '2024-11-24' where id = ${shop}`);
  await db().execute(sql`insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, settlement_method, settlement_status)
    select r.org_id, r.id, ${AS_OF}::date - 14 * k, 'phone', 'confirmed', case when k % 2 = 0 then 10 else 20 end, 1000, 'bank_deduction', 'deducted'
    from retailers r cross join generate_series(1, 13) k where r.id = ${shop}
    union all select r.org_id, r.id, ${AS_OF}::date - 7, 'phone', 'cancelled', 5, 500, 'bank_deduction', 'failed' from retailers r where r.id = ${shop}`);
  // 依存度 reported on a visit: 62 %.
  await db().execute(sql`insert into visits (id, org_id, worker_id, retailer_id, grid_id, station_id, visit_date, status, checked_in_at, check_in_lat, check_in_lng, check_in_distance_m, form)
    select gen_random_uuid(), r.org_id, g.worker_id, r.id, r.grid_id, g.station_id, '2026-11-20', 'done', '2026-11-20T02:00:00Z', r.lat, r.lng, 5,
      jsonb_build_object('displayScore', 4, 'priceTags', 'complete', 'newBrands', '[]'::jsonb, 'suspectCounterfeit', false, 'counterfeitNote', '', 'storeImage', 'B',
        'consumerFeedback', '', 'requests', '', 'problems', '', 'tobaccoIncomePct', 62)
    from retailers r join grids g on g.id = r.grid_id where r.id = ${shop}`);
  await db().execute(sql`update visits set form = form - 'tobaccoIncomePct' where retailer_id <> ${shop} and retailer_id in (select id from retailers where id % 2 = 0)`);
  // Last month's sheets are closed on the 1st: recompute them over the changed history, then tonight.
  const closing = await t.queued(cookie.county_manager, await t.api(cookie.county_manager, 'POST', '/api/measures/runs', { asOf: '2026-11-01' }));
  expect(closing.state, closing.error ?? '').toBe('completed');
  const run = await t.api(cookie.county_manager, 'POST', '/api/measures/runs', { asOf: AS_OF });
  const job = await t.queued(cookie.county_manager, run);
  expect(job.state, job.error ?? '').toBe('completed');
});
afterAll(() => t?.close());

describe('the nightly measures', () => {
  it('computes all four for every active shop, with the hand-computed loyalty of a known history', async () => {
    const [{ active }] = await query<{ active: number }>(db(), sql`select count(*)::int as active from retailers where status = 'active'`);
    const [{ rows }] = await query<{ rows: number }>(db(), sql`select count(*)::int as rows from retailer_measures where as_of = ${AS_OF}`);
    expect(rows).toBe(active);
    const res = await t.api(cookie.grid_worker, 'GET', `/api/retailers/${shop}/measures`);
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    // continuity 13/26 = 0.5; stability 1 − cv(10,20,…: 7 × 10 and 6 × 20) ; tenure 24/36; clean 1 − 1/14.
    const qs = Array.from({ length: 13 }, (_, i): number => ((i + 1) % 2 === 0 ? 10 : 20));
    const mean = qs.reduce((a, b) => a + b) / 13;
    const cv = Math.sqrt(qs.reduce((a, q) => a + (q - mean) ** 2, 0) / 13) / mean;
    expect(m.latest.facts).toMatchObject({ orderWeeks: 13, eligibleWeeks: 26, tenureMonths: 24, badOrders: 1, allOrders: 14 });
    const parts = Object.fromEntries(m.latest.loyaltyParts.map((p: { id: string; value: number }) => [p.id, p.value]));
    expect(parts.continuity).toBeCloseTo(0.5, 5);
    expect(parts.stability).toBeCloseTo(1 - cv, 5);
    expect(parts.tenure).toBeCloseTo(24 / 36, 5);
    expect(parts.clean).toBeCloseTo(1 - 1 / 14, 5);
    const expected = Math.round(1000 * (0.5 * 0.5 + 0.2 * (1 - cv) + 0.15 * (24 / 36) + 0.15 * (1 - 1 / 14))) / 10;
    expect(m.latest.loyalty).toBe(expected);
    expect(m.latest.dependence).toBe(62);
    expect(m.latest.facts.depReportedOn).toBe('2026-11-20');
    expect(m.latest.satisfaction).toBeNull(); // 未调查: no survey round yet
    expect(m.trend.length).toBeGreaterThanOrEqual(6); // the demo's months and tonight
  });

  it('never guesses dependence: a shop with no reported share has none', async () => {
    const [r] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int as n from retailer_measures m where as_of = ${AS_OF} and dependence is not null
          and not exists (select 1 from visits v where v.retailer_id = m.retailer_id and v.form ? 'tobaccoIncomePct')
          and not exists (select 1 from survey_responses p where p.retailer_id = m.retailer_id and p.answers ? 'profit_share')`,
    );
    expect(r.n).toBe(0);
    const [k] = await query<{ n: number }>(db(), sql`select count(*)::int as n from retailer_measures where as_of = ${AS_OF} and dependence is null`);
    expect(k.n).toBeGreaterThan(0);
  });

  it('takes dependence from the survey’s income question where no visit reported it, and says which', async () => {
    const bySource = await query<{ src: string | null; n: number }>(
      db(),
      sql`select dep_source as src, count(*)::int as n from retailer_measures where as_of = ${AS_OF} and dependence is not null group by 1 order by 1`,
    );
    expect(bySource.map((x) => x.src)).toEqual(['survey', 'visit']);
    const [s] = await query<{ id: number; dependence: number; answered: number; visits: number }>(
      db(),
      sql`select m.retailer_id as id, m.dependence,
            (select (p.answers->>'profit_share')::real from survey_responses p where p.retailer_id = m.retailer_id and p.answers ? 'profit_share' order by p.answered_at desc, p.id desc limit 1) as answered,
            (select count(*)::int from visits v where v.retailer_id = m.retailer_id and v.form ? 'tobaccoIncomePct' and v.visit_date > ${AS_OF}::date - 365) as visits
          from retailer_measures m where m.as_of = ${AS_OF} and m.dep_source = 'survey' order by m.retailer_id limit 1`,
    );
    expect(s.dependence).toBe(s.answered);
    expect(s.visits).toBe(0);
    const card = (await t.api(cookie.county_manager, 'GET', `/api/retailers/${s.id}/measures`)).json();
    expect(card.latest.facts.depSource).toBe('survey');
    // Where a visit reported it too, the visit wins.
    const [both] = await query<{ n: number; survey: number }>(
      db(),
      sql`select count(*)::int as n, count(*) filter (where m.dep_source = 'survey')::int as survey from retailer_measures m
          where m.as_of = ${AS_OF} and exists (select 1 from survey_responses p where p.retailer_id = m.retailer_id and p.answers ? 'profit_share')
            and exists (select 1 from visits v where v.retailer_id = m.retailer_id and v.status = 'done' and v.form ? 'tobaccoIncomePct' and v.visit_date > ${AS_OF}::date - 365)`,
    );
    expect(both.n).toBeGreaterThan(0);
    expect(both.survey).toBe(0);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/retailers/${shop}/measures`)).json().latest.facts.depSource).toBe('visit');
  });

  it('explains a drop by its parts, and shows the county distribution and movers', async () => {
    const m = (await t.api(cookie.grid_worker, 'GET', `/api/retailers/${shop}/measures`)).json();
    const loyalty = m.why.find((w: { measure: string }) => w.measure === 'loyalty');
    expect(loyalty, JSON.stringify(m.why)).toBeTruthy();
    expect(loyalty.texts.some((x: { zh: string }) => x.zh.startsWith('订货连续性'))).toBe(true);
    // Largest fall first.
    expect(loyalty.texts[0].zh).toMatch(/−/);
    const c = (await t.api(cookie.county_manager, 'GET', '/api/measures/county')).json();
    expect(c.asOf).toBe(AS_OF);
    const loyaltyBands = c.distribution.find((d: { measure: string }) => d.measure === 'loyalty');
    expect(loyaltyBands.bands.reduce((a: number, b: number) => a + b, 0)).toBe(c.shops);
    // 满意度 comes from the demo's finished survey round: the shops that answered are scored, every other shop is 未调查.
    const [{ surveyed }] = await query<{ surveyed: number }>(
      db(),
      sql`select count(distinct m.retailer_id)::int as surveyed from retailer_measures m where m.satisfaction is not null and m.as_of = ${AS_OF}`,
    );
    const satisfaction = c.distribution.find((d: { measure: string }) => d.measure === 'satisfaction');
    expect(surveyed).toBeGreaterThan(0);
    expect(satisfaction.missing).toBe(c.shops - surveyed);
    expect(c.movers.length).toBeGreaterThan(0);
  });

  it('keeps another worker’s shop out of reach', async () => {
    const [o] = await query<{ id: number }>(db(), sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.worker_id <> ${ids.worker1} limit 1`);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/retailers/${o.id}/measures`)).statusCode).toBe(404);
    expect((await t.api(cookie.call_agent, 'GET', `/api/retailers/${o.id}/measures`)).statusCode).toBe(403);
  });
});

describe('the definition', () => {
  it('refuses weights that do not sum to 100 %, changing nothing', async () => {
    const before = { defs: await count('measure_definitions'), audit: await count('audit_log') };
    const bad = {
      loyalty: { continuity: 0.5, stability: 0.2, tenure: 0.15, clean: 0.05 },
      contribution: { percentile: 0.5, share: 0.2, margin: 0.3 },
      tenureFullMonths: 36,
    };
    const res = await t.api(cookie.county_manager, 'PUT', '/api/measures/definition', bad);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('measure_weights_invalid');
    expect(res.json().details.map((d: { field: string; code: string }) => ({ field: d.field, code: d.code }))).toEqual([{ field: 'loyalty', code: 'weights_not_one' }]);
    expect({ defs: await count('measure_definitions'), audit: await count('audit_log') }).toEqual(before);
    expect((await t.api(cookie.grid_worker, 'PUT', '/api/measures/definition', bad)).statusCode).toBe(403);
  });

  it('saves a new version, audited, and the next run uses it', async () => {
    const good = { loyalty: { continuity: 1, stability: 0, tenure: 0, clean: 0 }, contribution: { percentile: 0.5, share: 0.2, margin: 0.3 }, tenureFullMonths: 36 };
    const res = await t.api(cookie.county_manager, 'PUT', '/api/measures/definition', good);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    const [a] = await query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where entity = 'measure_definition'`);
    expect(a.n).toBe(1);
    const job = await t.queued(cookie.county_manager, await t.api(cookie.county_manager, 'POST', '/api/measures/runs', { asOf: AS_OF }));
    expect(job.state).toBe('completed');
    const m = (await t.api(cookie.grid_worker, 'GET', `/api/retailers/${shop}/measures`)).json();
    expect(m.latest.definitionVersion).toBe(2);
    expect(m.latest.loyalty).toBe(50);
  });
});

describe('score sheets', () => {
  it('a worker sees only their own sheet; a station head their station’s', async () => {
    const mine = (await t.api(cookie.grid_worker, 'GET', '/api/score-sheets?month=2026-10')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ subjectKind: 'worker', subjectId: ids.worker1 });
    const [other] = await query<{ id: number }>(db(), sql`select id from users where role = 'grid_worker' and id <> ${ids.worker1} limit 1`);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${other.id}?month=2026-10`)).statusCode).toBe(404);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/station/${ids.station1}?month=2026-10`)).statusCode).toBe(404);
    const head = (await t.api(cookie.station_head, 'GET', '/api/score-sheets?month=2026-10')).json();
    expect(head.items.some((i: { subjectKind: string; subjectId: number }) => i.subjectKind === 'station' && i.subjectId === ids.station1)).toBe(true);
    expect(head.items.some((i: { subjectId: number; subjectKind: string }) => i.subjectKind === 'worker' && i.subjectId === ids.worker1)).toBe(true);
    expect(head.items.filter((i: { subjectKind: string }) => i.subjectKind === 'station')).toHaveLength(1);
    expect((await t.api(cookie.call_agent, 'GET', '/api/score-sheets')).statusCode).toBe(403);
  });

  it('drills every point down to the records behind it', async () => {
    const sheet = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}?month=2026-10`)).json();
    expect(sheet.items.map((i: { source: string }) => i.source)).toContain('visits_done');
    const visits = sheet.items.find((i: { source: string }) => i.source === 'visits_done');
    expect(visits.total).toBeGreaterThan(0);
    expect(visits.points).toBeGreaterThan(0);
    for (const item of sheet.items) {
      const d = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}/items/${item.source}?month=2026-10`)).json();
      if (!d.truncated) {
        expect(d.records.length, item.source).toBe(item.total);
        expect(d.records.filter((r: { ok: boolean }) => r.ok).length, item.source).toBe(item.good);
      }
    }
    const d = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}/items/visits_done?month=2026-10`)).json();
    const missed = d.records.find((r: { ok: boolean }) => !r.ok);
    // A missed planned visit really has no visit by the worker within 3 days.
    if (missed) {
      const [v] = await query<{ n: number }>(
        db(),
        sql`select count(*)::int as n from visits where worker_id = ${ids.worker1} and retailer_id = ${missed.retailerId} and visit_date between ${missed.date}::date and ${missed.date}::date + 3`,
      );
      expect(v.n).toBe(0);
    }
    // The station's sheet is the sum of its workers' records.
    const st = (await t.api(cookie.station_head, 'GET', `/api/score-sheets/station/${ids.station1}?month=2026-10`)).json();
    const [s] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int as n from visit_plan_stops s join users u on u.id = s.worker_id where u.station_id = ${ids.station1} and s.visit_date >= '2026-10-01' and s.visit_date < '2026-11-01'`,
    );
    expect(st.items.find((i: { source: string }) => i.source === 'visits_done').total).toBe(s.n);
  });

  it('refuses a scheme with an unknown source or a cap below its points, changing nothing', async () => {
    const before = await count('score_sheet_schemes');
    const res = await t.api(cookie.county_manager, 'PUT', '/api/score-sheets/scheme', {
      items: [
        { source: 'no_such_source', points: 10, target: 0.9, cap: 10 },
        { source: 'visits_done', points: 30, target: 0.9, cap: 20 },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('score_scheme_invalid');
    expect(await count('score_sheet_schemes')).toBe(before);
  });

  it('exports the sheet to Excel with formula-like text neutralised, audited', async () => {
    await db().execute(sql`update retailers set shop_name = '=HYPERLINK("http://x")' where id = (
      select s.retailer_id from visit_plan_stops s where s.worker_id = ${ids.worker1} and s.visit_date >= '2026-10-01' order by s.visit_date, s.retailer_id limit 1)`);
    const res = await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}/export?month=2026-10`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(1);
    const cells: unknown[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
    expect(cells).toContain(`'=HYPERLINK("http://x")`);
    expect(cells.some((c) => typeof c === 'object' && c !== null && 'formula' in c)).toBe(false);
    const [a] = await query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where entity = 'score_sheet' and action = 'export'`);
    expect(a.n).toBe(1);
  });
});

describe('the sources built later, and the item editor', () => {
  it('scores new-brand listing and care tasks by the features’ own figures, each point drillable', async () => {
    const [{ orgId }] = await query<{ orgId: number }>(db(), sql`select org_id as "orgId" from users where id = ${ids.worker1}`);
    const sheet = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}?month=2026-10`)).json();
    const item = (source: string) => sheet.items.find((i: { source: string }) => i.source === source);
    const listing = (await launchListingRateByWorker(db(), orgId, '2026-10')).find((w) => w.workerId === ids.worker1)!;
    expect(listing.targets).toBeGreaterThan(0);
    expect({ good: item('launch_listing').good, total: item('launch_listing').total }).toEqual({ good: listing.listed, total: listing.targets });
    const care = (await careTasksDoneByWorker(db(), orgId, '2026-10')).find((w) => w.workerId === ids.worker1)!;
    expect(item('care_tasks_done').good).toBe(care.tasksDone);
    const d = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}/items/launch_listing?month=2026-10`)).json();
    expect(d.zh).toBe('新品上柜率');
    expect(d.records[0].detail).toMatch(/未上柜|首单 \d\d-\d\d/);
  });

  it('saves items as a new version (audited), refuses a bad target with a clear message, and scores forecast accuracy by shop-week', async () => {
    const [{ orgId }] = await query<{ orgId: number }>(db(), sql`select org_id as "orgId" from users where id = ${ids.worker1}`);
    const scheme = (await t.api(cookie.station_head, 'GET', '/api/score-sheets/scheme')).json();
    expect(scheme.sources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['launch_listing', 'care_tasks_done', 'forecast_accuracy']));
    const before = { schemes: await count('score_sheet_schemes'), audit: await count('audit_log') };
    const bad = await t.api(cookie.county_manager, 'PUT', '/api/score-sheets/scheme', { items: [...scheme.items, { source: 'forecast_accuracy', points: 10, target: 0, cap: 10 }] });
    expect(bad.statusCode).toBeGreaterThanOrEqual(400);
    expect(bad.statusCode).toBeLessThan(500);
    expect(bad.json().details.map((x: { message: string }) => x.message)).toContain('目标须大于 0 且不超过 100%');
    expect({ schemes: await count('score_sheet_schemes'), audit: await count('audit_log') }).toEqual(before);
    expect((await t.api(cookie.station_head, 'PUT', '/api/score-sheets/scheme', { items: scheme.items })).statusCode).toBe(403);
    const saved = await t.api(cookie.county_manager, 'PUT', '/api/score-sheets/scheme', { items: [...scheme.items, { source: 'forecast_accuracy', points: 10, target: 0.8, cap: 12, whenNone: 'zero' }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(scheme.version + 1);
    const [a] = await query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where entity = 'score_scheme' and action = 'update'`);
    expect(a.n).toBe(1);
    // Two October weeks of a worker1 shop forecast: one within 30 % of the demand it stated, one three times over.
    const weeks = await query<{ retailerId: number; week: string; qty: number }>(
      db(),
      sql`select o.retailer_id as "retailerId", date_trunc('week', o.order_date)::date::text as week, sum(l.demand_qty)::float8 as qty
          from orders o join order_lines l on l.order_id = o.id join retailers r on r.id = o.retailer_id join grids g on g.id = r.grid_id
          where g.worker_id = ${ids.worker1} and o.order_date >= '2026-10-05' and o.order_date < '2026-10-26'
          group by 1, 2 having sum(l.demand_qty) >= 10 order by 1, 2 limit 2`,
    );
    expect(weeks).toHaveLength(2);
    const [run] = await query<{ id: number }>(db(), sql`insert into forecast_runs (org_id, origin_week, status, seed) values (${orgId}, '2026-09-28', 'done', 1) returning id`);
    for (const [i, w] of weeks.entries())
      await db().execute(sql`insert into forecasts (org_id, run_id, retailer_id, product_id, week_start, horizon, qty, low, high, baseline, event_effect, trend, adjustment)
        values (${orgId}, ${run.id}, ${w.retailerId}, 0, ${w.week}, 1, ${i === 0 ? w.qty * 1.1 : w.qty * 3}, 0, 0, 0, 1, 1, 1)`);
    await computeScoreSheets(db(), orgId, '2026-10', '2026-11-01');
    const sheet = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}?month=2026-10`)).json();
    expect(sheet.schemeVersion).toBe(scheme.version + 1);
    expect(sheet.items.find((i: { source: string }) => i.source === 'forecast_accuracy')).toMatchObject({ good: 1, total: 2, rate: 0.5 });
    const fn = (await forecastAccuracyByWorker(db(), orgId, '2026-10')).find((w) => w.workerId === ids.worker1)!;
    expect(fn.shops).toBe(new Set(weeks.map((w) => w.retailerId)).size);
    const d = (await t.api(cookie.grid_worker, 'GET', `/api/score-sheets/worker/${ids.worker1}/items/forecast_accuracy?month=2026-10`)).json();
    expect(d.records.map((r: { ok: boolean }) => r.ok)).toEqual([false, true]);
    expect(d.records[0].detail).toMatch(/^第 \d\d-\d\d 周 预测 [\d.]+ 需求 [\d.]+$/);
  });
});
