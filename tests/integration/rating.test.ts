// Ratings through the HTTP API on a real database: the monthly batch as a
// background job with progress, distribution and movers, publishing (which
// freezes the month and updates the retailer file), the retailer's "why" and
// "what it takes", bad schemes refused, manual tier changes, disaster
// freezes, the review sheet, and customer representatives (ranked, capped,
// invited and answered by the shop, reviewed, left).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { findServicePackages } from '../../src/app/rating/rating-segments.js';
import { monthBounds } from '../../src/app/rating/rating-inputs.js';
import { DEFAULT_SCHEME } from '../../src/domain/rating/default-scheme.js';
import { multipart } from '../support/retailer-factory.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';
import pino from 'pino';
import { ratingBatchJob } from '../../src/jobs/rating-batch.js';
import { createJobRunner } from '../../src/jobs/registry.js';
import { JobRunner } from '../../src/jobs/runner.js';

let t: TestApp;
let manager: string;
let worker: string;
let retailer: string;
let ownId: number;
const MONTH = '2026-10'; // last month: the demo left it for the manager

const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  [manager, worker, retailer] = await Promise.all([t.login('county_manager'), t.login('grid_worker'), t.login('retailer')]);
  ownId = (await t.api(retailer, 'GET', '/api/me')).json().user.retailerId;
});
afterAll(() => t?.close());

describe('a retailer asks why their star changed and what it takes', () => {
  it('lists each item with input, points and weight, ranked by how much it moved the total, in Chinese', async () => {
    const res = await t.api(retailer, 'GET', `/api/ratings/retailers/${ownId}`);
    expect(res.statusCode).toBe(200);
    const { rating } = res.json();
    expect(rating.month).toBe('2026-09');
    expect(rating.prevMonth).toBe('2026-08');
    const change = rating.change;
    // The demo shop's compliance class fell from A to C: integrity moved most.
    expect(change.items[0]).toMatchObject({ id: 'integrity', value: 'C', prevValue: 'A', points: 10, prevPoints: 20, delta: -10, max: 20 });
    expect(change.items[0].text.zh).toContain('少得 10 分');
    const deltas = change.items.map((i: { delta: number }) => Math.abs(i.delta));
    expect(deltas).toEqual([...deltas].sort((a, b) => b - a));
    expect(change.summary[0].zh).toMatch(/^\d{1,2}月总分 .* 分（\d{1,2}月 .* 分）/);
    expect(rating.items.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBeCloseTo(rating.score, 6);
    expect(rating.items.reduce((s: number, i: { max: number }) => s + i.max, 0)).toBe(100);
  });

  it('offers several options to the next star, each of which reaches its line, never the compliance class', async () => {
    const { rating } = (await t.api(retailer, 'GET', `/api/ratings/retailers/${ownId}`)).json();
    const next = rating.nextStar;
    expect(next.targetStar).toBe(rating.star + 1);
    expect(next.gap).toBeCloseTo(next.targetCutoff - rating.score, 6);
    expect(next.options.length).toBeGreaterThan(1);
    for (const o of next.options) {
      expect(o.newScore).toBeGreaterThanOrEqual(next.targetCutoff);
      expect(o.text.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(o.changes.every((c: { kind: string }) => !/integrity|compliance/.test(c.kind))).toBe(true);
    }
    expect(rating.nextTier === null || Array.isArray(rating.nextTier.options)).toBe(true);
  });

  it('a grid worker sees the same for a retailer of their grid, and nothing outside it', async () => {
    const mine = await t.api(worker, 'GET', `/api/ratings/retailers/${ownId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().rating.change.items[0].id).toBe('integrity');
    const [other] = await query<{ id: number }>(
      db(),
      sql`select r.id from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id where u.username <> 'worker1' limit 1`,
    );
    expect((await t.api(worker, 'GET', `/api/ratings/retailers/${other.id}`)).statusCode).toBe(404);
    expect((await t.api(retailer, 'GET', `/api/ratings/retailers/${other.id}`)).statusCode).toBe(404);
  });
});

describe('the county manager runs, reviews and publishes a month', () => {
  let runId: number;

  it('starts the batch as a background job and shows its progress until the draft is ready', async () => {
    // Market information reported on a visit counts as feedback.
    await db().execute(sql`insert into visits (id, org_id, worker_id, retailer_id, grid_id, visit_date, status, checked_in_at,
        check_in_lat, check_in_lng, check_in_distance_m, form)
      select gen_random_uuid(), r.org_id, g.worker_id, r.id, r.grid_id, '2026-10-14', 'done', '2026-10-14T02:00:00Z', r.lat, r.lng, 0,
        '{"consumerFeedback": "顾客问新品细支烟"}'::jsonb
      from retailers r join grids g on g.id = r.grid_id where r.id = ${ownId}`);
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month: MONTH });
    expect(res.statusCode, res.body).toBe(202);
    runId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'computing', month: MONTH });
    await t.jobs.waitIdle();
    const run = (await t.api(manager, 'GET', `/api/ratings/runs/${runId}`)).json();
    expect(run).toMatchObject({ status: 'draft', progress: 100 });
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int n from retailers where status = 'active'`);
    expect(run.retailers).toBe(n);
    expect(run.orderLines).toBeGreaterThan(0);
    const d = run.summary.distribution;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(d.star.urban) + sum(d.star.rural)).toBe(n);
    expect(sum(d.tier)).toBe(n);
    expect(sum(Object.values(d.segment) as number[])).toBe(n);
    const [own] = await query<{ feedback: number }>(
      db(),
      sql`select (input->>'feedbackCount')::int as feedback from retailer_ratings where run_id = ${runId} and retailer_id = ${ownId}`,
    );
    expect(own.feedback).toBe(1);
  });

  it('rates from what the order lines say (order facts and the month’s specs, stock-out lines not counted as brands)', async () => {
    const { start, end, windowStart } = monthBounds(MONTH);
    const stored = await query<{ rid: number; q: number; v: number; q1: number; q2: number; brands: number; fresh: number; best: number }>(
      db(),
      sql`select retailer_id as rid, (input->'orders'->>'cartons')::int as q, (input->'orders'->>'valueYuan')::float8 as v,
            (input->'orders'->>'class1Cartons')::int as q1, (input->'orders'->>'class2PlusCartons')::int as q2,
            (input->'orders'->>'brands')::int as brands, (input->>'newBrandListings')::int as fresh,
            (input->'history'->>'bestMonthCartons')::int as best
          from retailer_ratings where run_id = ${runId}`,
    );
    // Independently of the batch: straight from the lines of confirmed orders.
    const truth = await query<{ rid: number; q: number; v: number; q1: number; q2: number; brands: number; fresh: number; best: number }>(
      db(),
      sql`with l as (
            select o.retailer_id as rid, date_trunc('month', o.order_date)::date as mo, l.product_id, l.ordered_qty as qty, l.amount, p.price_class as pc, p.is_new
            from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
            join retailers re on re.id = o.retailer_id and re.status = 'active'
            where o.status = 'confirmed' and o.order_date >= ${windowStart}::date and o.order_date < ${end}::date),
          mo as (select rid, mo, sum(qty) as q from l group by 1, 2)
          select rid, sum(qty)::int as q, sum(amount)::float8 as v, coalesce(sum(qty) filter (where pc = 1), 0)::int as q1,
            coalesce(sum(qty) filter (where pc <= 2), 0)::int as q2, count(distinct product_id) filter (where qty > 0)::int as brands,
            count(distinct product_id) filter (where qty > 0 and is_new)::int as fresh,
            (select max(q) from mo where mo.rid = l.rid)::int as best
          from l where mo = ${start}::date group by rid`,
    );
    expect(truth.length).toBeGreaterThan(100);
    const byId = new Map(stored.map((r) => [r.rid, r]));
    for (const r of truth) expect(byId.get(r.rid), `retailer ${r.rid}`).toEqual({ ...r, v: Math.round(r.v * 100) / 100 });
  });

  it('a second start while the month is computing is refused', async () => {
    const [busy] = await query<{ id: number }>(
      db(),
      sql`insert into rating_runs (org_id, month, scheme_version, status) select org_id, '2026-07', 'x', 'computing' from retailers limit 1 returning id`,
    );
    const second = await t.api(manager, 'POST', '/api/ratings/runs', { month: '2026-07' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('rating_run_busy');
    await db().execute(sql`delete from rating_runs where id = ${busy.id}`);
  });

  it('shows the movers with how far they moved, biggest star moves first', async () => {
    const res = await t.api(manager, 'GET', `/api/ratings/runs/${runId}/movers?limit=500`);
    const items = res.json().items as { starFrom: number; starTo: number; scoreFrom: number; scoreTo: number; shopName: string }[];
    const run = (await t.api(manager, 'GET', `/api/ratings/runs/${runId}`)).json();
    expect(items.length).toBe(run.summary.movers.changed);
    const moves = items.map((m) => Math.abs(m.starTo - m.starFrom));
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    const down = (await t.api(manager, 'GET', `/api/ratings/runs/${runId}/movers?direction=down&limit=500`)).json().items;
    expect(down.length).toBe(run.summary.movers.starDown);
    expect(down.every((m: { starFrom: number; starTo: number }) => m.starTo < m.starFrom)).toBe(true);
  });

  it('recomputing a draft makes a new version and supersedes the old one; the file is untouched until publishing', async () => {
    const before = await query<{ id: number; star: number }>(db(), sql`select id, star from retailers order by id`);
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month: MONTH });
    expect(res.statusCode).toBe(202);
    await t.jobs.waitIdle();
    const old = (await t.api(manager, 'GET', `/api/ratings/runs/${runId}`)).json();
    expect(old.status).toBe('superseded');
    runId = res.json().id;
    expect(await query<{ id: number; star: number }>(db(), sql`select id, star from retailers order by id`)).toEqual(before);
  });

  it('publishing freezes the month and sets star, tier and class on the retailer file', async () => {
    const res = await t.api(manager, 'POST', `/api/ratings/runs/${runId}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('published');
    const [{ n }] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int n from retailer_ratings x join retailers r on r.id = x.retailer_id
        where x.run_id = ${runId} and (r.star <> x.star or r.tier <> x.tier or r.class_code <> x.class_code)`,
    );
    expect(n).toBe(0);
    expect((await t.api(manager, 'POST', `/api/ratings/runs/${runId}/publish`)).json().code).toBe('rating_month_published');
    const again = await t.api(manager, 'POST', '/api/ratings/runs', { month: MONTH });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('rating_month_published');
    // The retailer now sees the new month, and other features read its segment's service package.
    expect((await t.api(retailer, 'GET', `/api/ratings/retailers/${ownId}`)).json().rating.month).toBe(MONTH);
    const packages = await findServicePackages(db(), (await query<{ id: number }>(db(), sql`select org_id as id from retailers limit 1`))[0].id);
    const own = packages.find((p) => p.retailerId === ownId)!;
    expect(own.month).toBe(MONTH);
    expect(own.package).toEqual(DEFAULT_SCHEME.segments.packages[own.segment]);
  });

  it('refuses the current, unfinished month', async () => {
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month: '2026-11' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].code).toBe('rating_month_incomplete');
  });
});

describe('scheme versions', () => {
  const versions = async () => (await query<{ n: number }>(db(), sql`select count(*)::int n from rating_schemes`))[0].n;
  const post = (scheme: unknown) => t.api(manager, 'POST', '/api/ratings/schemes', { scheme, note: 'test' });

  it('refuses weights not summing, overlapping bands and tier shares not summing to 100%, with a clear message for each, and saves nothing', async () => {
    const n = await versions();
    const bad = structuredClone(DEFAULT_SCHEME) as typeof DEFAULT_SCHEME & { version: string };
    bad.version = 'bad-1';
    bad.tiers.weights.quantity = 40;
    bad.tiers.shares = bad.tiers.shares.map((s, i) => (i === 0 ? s + 1 : s));
    const volume = bad.star.items.find((i) => i.id === 'volume') as { bands: { min: number; points: number }[] };
    volume.bands[1].min = volume.bands[0].min + 1;
    const res = await post(bad);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('rating_scheme_invalid');
    const paths = body.errors.map((e: { path: string }) => e.path).join(' ');
    expect(paths).toContain('tiers.weights');
    expect(paths).toContain('tiers.shares');
    expect(paths).toMatch(/volume/);
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.errors.find((e: { path: string }) => e.path.startsWith('tiers.weights')).message).toContain('之和应为 100');
    expect(await versions()).toBe(n);
  });

  it('refuses a structurally broken scheme with 400 and a valid new version becomes active', async () => {
    expect((await post({ version: 'x' })).statusCode).toBe(400);
    for (const version of ['<img src=x onerror=alert(1)>', 'v1\u202Egnp.exe', ' ']) {
      const bad = await post({ ...structuredClone(DEFAULT_SCHEME), version });
      expect(bad.statusCode, version).toBe(400);
      expect(bad.json().details.map((d: { field: string; code: string }) => d.code)).toContain('scheme_version_format');
    }
    const good = { ...structuredClone(DEFAULT_SCHEME), version: 'county-2026.2' };
    good.star.cutoffs.urban = [0, 56, 66, 76, 86, 96];
    expect((await post(good)).statusCode).toBe(201);
    expect((await post(good)).json().code).toBe('rating_scheme_version_exists');
    const active = (await t.api(manager, 'GET', '/api/ratings/schemes')).json().active;
    expect(active.version).toBe('county-2026.2');
  });
});

describe('manual tier changes, disaster freezes, compliance and the review sheet', () => {
  it('a tier change on a draft needs a reason and is audit-logged', async () => {
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month: '2026-06' });
    await t.jobs.waitIdle();
    const runId = res.json().id;
    const [row] = await query<{ tier: number }>(db(), sql`select tier from retailer_ratings where run_id = ${runId} and retailer_id = ${ownId}`);
    const to = row.tier === 30 ? 29 : row.tier + 1;
    const url = `/api/ratings/runs/${runId}/retailers/${ownId}/tier`;
    const refused = await t.api(manager, 'POST', url, { toTier: to, reason: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ field: 'reason', code: 'manual_tier_reason_required' });
    const ok = await t.api(manager, 'POST', url, { toTier: to, reason: '新店开业，按周边同类店核定' });
    expect(ok.statusCode).toBe(200);
    const [after] = await query<{ tier: number; computed: number }>(
      db(),
      sql`select tier, computed_tier as computed from retailer_ratings where run_id = ${runId} and retailer_id = ${ownId}`,
    );
    expect(after).toEqual({ tier: to, computed: row.tier });
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int n from audit_log where entity = 'retailer_tier' and ${ownId} = any(entity_ids)`);
    expect(n).toBe(1);
  });

  it('a month frozen after a disaster carries last month’s result, with the reason', async () => {
    const month = '2026-05';
    // April rated first, then May with the freeze.
    await t.api(manager, 'POST', '/api/ratings/runs', { month: '2026-04' });
    await t.jobs.waitIdle();
    expect((await t.api(manager, 'POST', '/api/ratings/freezes', { retailerId: ownId, month, reason: '7月洪水店面被淹' })).statusCode).toBe(201);
    expect((await t.api(manager, 'POST', '/api/ratings/freezes', { retailerId: ownId, month, reason: '7月洪水店面被淹' })).statusCode).toBe(409);
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month });
    await t.jobs.waitIdle();
    const [apr] = await query<{ star: number; score: number }>(
      db(),
      sql`select x.star, x.star_score score from retailer_ratings x join rating_runs r on r.id = x.run_id where r.month = '2026-04' and x.retailer_id = ${ownId}`,
    );
    const [may] = await query<{ star: number; score: number; reason: string }>(
      db(),
      sql`select star, star_score score, frozen_reason reason from retailer_ratings where run_id = ${res.json().id} and retailer_id = ${ownId}`,
    );
    expect(may).toEqual({ ...apr, reason: '7月洪水店面被淹' });
    expect((await t.api(manager, 'GET', `/api/ratings/runs/${res.json().id}`)).json().summary.frozen).toBe(1);
  });

  it('compliance scores become classes (three penalties → W)', async () => {
    const res = await t.api(manager, 'POST', '/api/ratings/compliance', { retailerId: ownId, month: '2026-11', score: 95, penalties: 3 });
    expect(res.json().complianceClass).toBe('W');
    const b = await t.api(manager, 'POST', '/api/ratings/compliance', { retailerId: ownId, month: '2026-11', score: 85, penalties: 0 });
    expect(b.json().complianceClass).toBe('B');
  });

  it('imports compliance scores from a sheet: a bad row refuses the whole file, a good file is saved', async () => {
    const [{ code }] = await query<{ code: string }>(db(), sql`select customer_code as code from retailers where id = ${ownId}`);
    const sheet = async (rows: (string | number)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('专卖');
      ws.addRow(['客户编码', '月份', '专卖评分', '处罚次数']);
      for (const r of rows) ws.addRow(r);
      const body = multipart('compliance.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      return t.app.inject({ method: 'POST', url: '/api/ratings/compliance/import', headers: { cookie: manager, ...body.headers }, payload: body.payload });
    };
    const bad = await sheet([[code, '2026-12', 88, 0], ['000000000000', '2026-12', 101, 0]]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().rows.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['3:客户编码', '3:专卖评分']);
    expect(bad.json().rows[1]).toMatchObject({ message: '评分应为 0–100 的整数', messageEn: 'The score must be a whole number from 0 to 100' });
    const none = await query<{ n: number }>(db(), sql`select count(*)::int n from compliance_records where month = '2026-12' and source = 'import'`);
    expect(none[0].n).toBe(0);
    const good = await sheet([[code, '2026-12', 88, 0]]);
    expect(good.statusCode, good.body).toBe(201);
    const [rec] = await query<{ cls: string }>(db(), sql`select compliance_class cls from compliance_records where retailer_id = ${ownId} and month = '2026-12'`);
    expect(rec.cls).toBe('B');
  });

  it('a grid worker exports the review sheet of their grids only', async () => {
    const res = await t.api(worker, 'GET', `/api/ratings/review-sheet?month=${MONTH}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const codes = wb.worksheets.flatMap((ws) => (ws.getSheetValues().slice(3) as unknown[][]).filter(Boolean).map((r) => String(r[1])));
    const [{ n }] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int n from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
        where u.username = 'worker1' and r.status = 'active'`,
    );
    expect(codes.length).toBe(n);
    expect(wb.worksheets[0].getRow(2).values).toContain('经营稳定性');
  });
});

type Candidate = { retailerId: number; score: number; eligible: boolean; rank: number; status: string | null };

describe('customer representatives', () => {
  it('ranks candidates, eligible and best first', async () => {
    const res = await t.api(manager, 'GET', '/api/representatives/candidates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Candidate[];
    expect(items.length).toBeGreaterThan(10);
    const firstIneligible = items.findIndex((c) => !c.eligible);
    const eligible = firstIneligible < 0 ? items : items.slice(0, firstIneligible);
    expect(eligible.map((c) => c.score)).toEqual([...eligible.map((c) => c.score)].sort((a, b) => b - a));
    expect(items.map((c) => c.rank)).toEqual(items.map((_, i) => i + 1));
  });

  it('keeps the cap: 5% by default, refuses over 20%, and refuses invitations beyond it', async () => {
    const start = (await t.api(manager, 'GET', '/api/representatives')).json();
    expect(start.capPct).toBe(5);
    expect(start.cap).toBe(Math.floor((start.retailers * 5) / 100));
    const over = await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 21 });
    expect(over.statusCode).toBe(422);
    expect(over.json().message).toContain('20%');
    const one = (await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 1 })).json();
    const items = (await t.api(manager, 'GET', '/api/representatives/candidates')).json().items as Candidate[];
    const picks = items.filter((c) => c.eligible && c.retailerId !== ownId);
    for (let i = 0; i < one.cap; i++) expect((await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[i].retailerId })).statusCode).toBe(201);
    const beyond = await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[one.cap].retailerId });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().code).toBe('representative_cap_reached');
    expect((await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[0].retailerId })).statusCode).toBe(409);
    await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 5 });
  });

  it('the shop answers its own invitation; the branch reviews with a reason; the shop may leave', async () => {
    const invited = await t.api(manager, 'POST', '/api/representatives', { retailerId: ownId });
    expect(invited.statusCode, invited.body).toBe(201);
    const id = invited.json().id;
    expect((await t.api(worker, 'POST', `/api/representatives/${id}/respond`, { accept: true })).statusCode).toBe(403);
    const mine = (await t.api(retailer, 'GET', '/api/representatives')).json().items;
    expect(mine.map((x: { retailerId: number }) => x.retailerId)).toEqual([ownId]);
    expect((await t.api(retailer, 'POST', `/api/representatives/${id}/respond`, { accept: true })).json().status).toBe('active');
    expect((await t.api(retailer, 'POST', `/api/representatives/${id}/respond`, { accept: true })).statusCode).toBe(409);

    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'keep', reason: '' })).statusCode).toBe(400);
    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'keep', reason: '本季度经营稳定' })).statusCode).toBe(200);
    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'demote', reason: '诚信等级降为 C 类' })).statusCode).toBe(200);
    const after = (await t.api(manager, 'GET', '/api/representatives')).json().items.find((x: { id: number }) => x.id === id);
    expect(after).toMatchObject({ status: 'demoted', endReason: '诚信等级降为 C 类', lastReview: { outcome: 'demote' } });

    const again = (await t.api(manager, 'POST', '/api/representatives', { retailerId: ownId })).json().id;
    await t.api(retailer, 'POST', `/api/representatives/${again}/respond`, { accept: true });
    const exit = await t.api(retailer, 'POST', `/api/representatives/${again}/exit`, { reason: '店面装修暂停营业' });
    expect(exit.json().status).toBe('exited');
  });

  it('a grid worker sees only representatives of their own grids', async () => {
    const all = (await t.api(manager, 'GET', '/api/representatives')).json().items.length;
    const mine = (await t.api(worker, 'GET', '/api/representatives')).json().items;
    const grids = new Set(((await t.api(worker, 'GET', '/api/grids')).json() as { name: string }[]).map((g) => g.name));
    expect(mine.every((x: { gridName: string }) => grids.has(x.gridName))).toBe(true);
    expect(mine.length).toBeLessThan(all);
  });
});

// Last in the file: it replaces the app's job runner.
describe('a batch that fails for good', () => {
  it('marks the run failed with the reason, and the month can be started again at once', async () => {
    await t.jobs.stop(0);
    // The database "fails" on every attempt; the rest of the definition, its failure handling included, is the real one.
    const failing = new JobRunner({
      db: t.database.db,
      definitions: [{ ...ratingBatchJob, backoffSeconds: 0.05, handler: async () => Promise.reject(new Error('disk full')) }],
      log: pino({ level: 'silent' }),
      pollMs: 50,
    });
    await failing.start();
    const month = '2026-02';
    const res = await t.api(manager, 'POST', '/api/ratings/runs', { month });
    expect(res.statusCode, res.body).toBe(202);
    await failing.waitIdle();
    await failing.stop(0);
    const job = (await t.api(manager, 'GET', `/api/jobs/${res.json().jobId}`)).json();
    expect(job).toMatchObject({ state: 'failed', attempts: 3, error: 'disk full' });
    expect((await t.api(manager, 'GET', `/api/ratings/runs/${res.json().id}`)).json()).toMatchObject({ status: 'failed', error: 'disk full' });

    const runner = createJobRunner(t.database, { log: pino({ level: 'silent' }), now: () => TODAY, pollMs: 50 });
    await runner.start();
    try {
      const again = await t.api(manager, 'POST', '/api/ratings/runs', { month });
      expect(again.statusCode, again.body).toBe(202);
      await runner.waitIdle();
      expect((await t.api(manager, 'GET', `/api/ratings/runs/${again.json().id}`)).json()).toMatchObject({ status: 'draft', progress: 100 });
    } finally {
      await runner.stop(0);
    }
  });
});
