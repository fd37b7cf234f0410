// Visits through the HTTP app: the day route from a generated calendar,
// check-in rules, idempotent submission, bad input changing nothing,
// follow-ups with due times, progress, and the phone's outbox syncing through
// a connection that drops mid-sync.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import type { DayRoute, Progress, FollowUp } from '../../src/shared/visits.js';
import { memoryOutbox, outcomeOf, syncOutbox, type OutboxItem } from '../../src/web/features/field/visit-outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { findRetailerPolicies } from '../../src/app/visits/visit-policy-queries.js';
import { DEFAULT_FREQUENCY_RULES } from '../../src/domain/visits/visit-policy.js';

let t: TestApp;
let admin: string;
let worker: string;
let head: string;
let route: DayRoute;
let shop: DayRoute['stops'][number]['retailer'];
let foreignShop: number;

// The demo county has last month's walked calendar (demo-seed-measures): the checks below count this month's visits.
const thisMonth = sql`visit_date >= '2026-11-01'`;
const count = async (table: string, where = sql`true`) =>
  (await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0].n;
const form = { displayScore: 4, priceTags: 'partial' as const, storeImage: 'B' as const, newBrands: ['芙蓉王(硬新版)'], consumerFeedback: '顾客说细支好卖' };
/** About 300 m north of a point. */
const north = (p: { lat: number; lng: number }, metres: number) => ({ lat: p.lat + metres / 111_195, lng: p.lng });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
  worker = await t.login('grid_worker');
  head = await t.login('station_head');
  // Everyone weekly, so worker1's small test grid has visits on every working day.
  const config = (await t.api(admin, 'GET', '/api/visits/config')).json();
  const rules = config.rules.map((r: { visitsPerCycle: number }) => ({ ...r, visitsPerCycle: 4 }));
  expect((await t.api(admin, 'PUT', '/api/visits/config', { rules, settings: { orderDayPolicy: 'avoid' } })).statusCode).toBe(200);
  // No calendar yet: the GET queues the job that makes it and says so; once the job is done the route is there.
  const first = await t.api(worker, 'GET', '/api/visit-plans/day');
  expect(first.statusCode, first.body).toBe(200);
  expect(first.json()).toMatchObject({ planId: null, stops: [], planning: { state: 'queued' } });
  await t.jobs.waitIdle();
  const res = await t.api(worker, 'GET', '/api/visit-plans/day');
  expect(res.statusCode, res.body).toBe(200);
  route = res.json();
  expect(route.planning).toBeNull();
  expect((await t.api(worker, 'GET', `/api/jobs/${first.json().planning.jobId}`)).json()).toMatchObject({ state: 'completed', name: 'visit-calendars' });
  shop = route.stops[0].retailer;
  const [o] = await query<{ id: number }>(
    t.database.db,
    sql`select r.id from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id where u.username <> 'worker1' limit 1`,
  );
  foreignShop = o.id;
});
afterAll(() => t?.close());

describe('frequency by service package', () => {
  it("a rule for a relationship segment applies to the shops in it, read from the latest published rating month", async () => {
    const [rated] = await query<{ id: number; segment: string }>(
      t.database.db,
      sql`select rr.retailer_id as id, rr.segment from retailer_ratings rr join rating_runs rn on rn.id = rr.run_id
        where rn.status = 'published' order by rn.month desc, rr.retailer_id limit 1`,
    );
    expect(rated, 'the demo publishes rating months').toBeDefined();
    const packageRule = { ...DEFAULT_FREQUENCY_RULES[0], priority: 1, label: '按服务包', servicePackage: rated.segment, starMin: 0, starMax: 6, visitsPerCycle: 3 };
    const [withRule] = await findRetailerPolicies(t.database.db, sql`r.id = ${rated.id}`, [packageRule, ...DEFAULT_FREQUENCY_RULES]);
    expect(withRule).toMatchObject({ id: rated.id, visitsPerCycle: 3, rule: '按服务包' });
    const other = { ...packageRule, servicePackage: rated.segment === 'close' ? 'unstable' : 'close' };
    const [withoutRule] = await findRetailerPolicies(t.database.db, sql`r.id = ${rated.id}`, [other, ...DEFAULT_FREQUENCY_RULES]);
    expect(withoutRule.rule).not.toBe('按服务包');
  });
});

describe('day route', () => {
  it("gives the worker today's stops in planned order from their station, generating the calendar on first use", async () => {
    expect(route.date).toBe('2026-11-24');
    expect(route.planId).not.toBeNull();
    expect(route.stops.length).toBeGreaterThan(0);
    expect(route.stops.map((s) => s.seq)).toEqual(route.stops.map((_, i) => i + 1));
    const starts = route.stops.map((s) => s.plannedStart);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(route.depot?.kind).toBe('station');
    // Weekly: each of worker1's active retailers is planned once a week on a day off its order day.
    const [{ n }] = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id where u.username = 'worker1' and r.status = 'active'`,
    );
    expect(await count('visit_plan_stops', sql`plan_id = ${route.planId!}`)).toBe(n * 4);
    expect(await count('visit_plan_stops s join retailers r on r.id = s.retailer_id', sql`s.plan_id = ${route.planId!} and r.order_weekday = extract(isodow from s.visit_date)`)).toBe(0);
  });
});

describe('check-in', () => {
  it('refuses a check-in with no position, and changes nothing', async () => {
    const res = await t.api(worker, 'POST', '/api/visits/check-in', { id: randomUUID(), retailerId: shop.id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'position_required' });
    expect(res.json().message).toMatch(/定位/);
    expect(await count('visits', thisMonth)).toBe(0);
  });

  it('asks for a reason more than 200 m from the shop, and accepts it with one', async () => {
    const id = randomUUID();
    const far = { id, retailerId: shop.id, ...north(shop, 300) };
    const refused = await t.api(worker, 'POST', '/api/visits/check-in', far);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'check_in_too_far', radiusM: 200 });
    expect(refused.json().distanceM).toBeGreaterThan(280);
    expect(await count('visits', thisMonth)).toBe(0);
    const ok = await t.api(worker, 'POST', '/api/visits/check-in', { ...far, farReason: '店门口修路，只能停在路口' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'checked_in', far: true, duplicate: false });
    const again = await t.api(worker, 'POST', '/api/visits/check-in', { ...far, farReason: '店门口修路，只能停在路口' });
    expect(again.json()).toMatchObject({ duplicate: true });
    expect(await count('visits', thisMonth)).toBe(1);
  });

  it('treats a shop outside the worker grids as not found', async () => {
    const res = await t.api(worker, 'POST', '/api/visits/check-in', { id: randomUUID(), retailerId: foreignShop, lat: 27.6, lng: 113.5 });
    expect(res.statusCode).toBe(404);
    expect(await count('visits', sql`retailer_id = ${foreignShop} and ${thisMonth}`)).toBe(0);
  });
});

describe('submitting a visit', () => {
  it('refuses a form without the required scores, naming the fields, and stores nothing', async () => {
    const id = randomUUID();
    const res = await t.api(worker, 'PUT', `/api/visits/${id}`, { retailerId: shop.id, checkIn: shop, form: { priceTags: 'complete' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    expect(fields).toEqual(expect.arrayContaining(['form.displayScore:required', 'form.storeImage:required']));
    const bad = await t.api(worker, 'PUT', `/api/visits/${id}`, { retailerId: shop.id, checkIn: shop, form: { ...form, displayScore: 9 } });
    expect(bad.json().details[0]).toMatchObject({ field: 'form.displayScore', code: 'score_range' });
    expect(await count('visits', sql`id = ${id}`)).toBe(0);
  });

  it('refuses a visit to a shop outside the worker grids', async () => {
    const res = await t.api(worker, 'PUT', `/api/visits/${randomUUID()}`, { retailerId: foreignShop, checkIn: { lat: 27.6, lng: 113.5 }, form });
    expect(res.statusCode).toBe(404);
    expect(await count('visits', sql`retailer_id = ${foreignShop} and ${thisMonth}`)).toBe(0);
  });

  it('stores a visit sent twice once, with its follow-up due in 24 hours for a key customer', async () => {
    const stop = route.stops[1] ?? route.stops[0];
    await t.api(admin, 'PUT', `/api/retailers/${stop.retailer.id}/visit-override`, { keyCustomer: true });
    const id = randomUUID();
    const body = { retailerId: stop.retailer.id, checkIn: { ...north(stop.retailer, 40), accuracyM: 12 }, form: { ...form, requests: '想多要两条芙蓉王' } };
    const first = await t.api(worker, 'PUT', `/api/visits/${id}`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'done', duplicate: false, followUps: 1, far: false });
    const second = await t.api(worker, 'PUT', `/api/visits/${id}`, body);
    expect(second.json()).toMatchObject({ status: 'done', duplicate: true });
    expect(await count('visits', sql`id = ${id}`)).toBe(1);
    expect(await count('follow_ups', sql`visit_id = ${id}`)).toBe(1);
    const items = (await t.api(head, 'GET', '/api/follow-ups')).json() as FollowUp[];
    const item = items.find((f) => f.visitId === id)!;
    expect(item).toMatchObject({ action: 'callback', keyCustomer: true, overdue: false });
    expect(new Date(item.dueAt).getTime() - Date.parse('2026-11-24T02:00:00Z')).toBe(24 * 3_600_000);
  });

  it('completes a visit checked in online, keeping its check-in', async () => {
    const id = (await query<{ id: string }>(t.database.db, sql`select id::text from visits where status = 'checked_in' limit 1`))[0].id;
    const res = await t.api(worker, 'PUT', `/api/visits/${id}`, { retailerId: shop.id, checkIn: {}, form });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', far: true });
    const day = (await t.api(head, 'GET', `/api/visit-plans/day?workerId=${route.worker.id}`)).json() as DayRoute;
    expect(day.stops.find((s) => s.retailer.id === shop.id)?.visit).toMatchObject({ status: 'done', displayScore: 4 });
  });

  it('flags a follow-up overdue once its due time has passed', async () => {
    const id = randomUUID();
    // Four days ago, with a 72-hour follow-up time: a day overdue now.
    const fourDaysAgo = new Date(Date.parse('2026-11-24T02:00:00Z') - 4 * 86_400_000).toISOString();
    const stop = route.stops[route.stops.length - 1];
    const res = await t.api(worker, 'PUT', `/api/visits/${id}`, { retailerId: stop.retailer.id, checkIn: { ...stop.retailer, at: fourDaysAgo }, form: { ...form, problems: '上周到货少了一条' } });
    expect(res.statusCode, res.body).toBe(200);
    const overdue = (await t.api(worker, 'GET', '/api/follow-ups?overdue=true')).json() as FollowUp[];
    expect(overdue.map((f) => f.visitId)).toContain(id);
    expect(await count('follow_ups', sql`visit_id = ${id} and overdue_at is not null`)).toBe(1);
    const progress = (await t.api(head, 'GET', '/api/visits/progress')).json() as Progress;
    expect(progress.workers.find((w) => w.workerId === route.worker.id)?.overdueFollowUps).toBeGreaterThan(0);
  });
});

describe('offline sync', () => {
  const send = (dropAfterServer: { n: number }, dropBefore: { n: number }) => async (item: OutboxItem) => {
    if (dropBefore.n > 0) {
      dropBefore.n--;
      throw new TypeError('Failed to fetch');
    }
    const res = await t.api(worker, 'PUT', `/api/visits/${item.id}`, item.body);
    if (dropAfterServer.n > 0) {
      // The server stored it, but the answer never reached the phone.
      dropAfterServer.n--;
      throw new TypeError('network connection was lost');
    }
    return outcomeOf(res.statusCode, res.json());
  };

  it('stores a visit recorded offline exactly once when the connection drops mid-sync and the sync is retried', async () => {
    const store = memoryOutbox();
    const stop = route.stops[0];
    const recorded: OutboxItem = {
      id: randomUUID(),
      retailerId: stop.retailer.id,
      shopName: stop.retailer.shopName,
      body: { retailerId: stop.retailer.id, checkIn: { ...stop.retailer, at: '2026-11-24T01:30:00Z', accuracyM: 15 }, form: { ...form, requests: '要促销海报' } },
      createdAt: '2026-11-24T01:31:00Z',
      attempts: 0,
    };
    const next = (route.stops[1] ?? stop).retailer;
    const second: OutboxItem = {
      ...recorded,
      id: randomUUID(),
      createdAt: '2026-11-24T01:40:00Z',
      body: { ...recorded.body, retailerId: next.id, checkIn: { lat: next.lat, lng: next.lng, at: '2026-11-24T01:39:00Z' } },
    };
    await store.put(recorded);
    await store.put(second);

    // No signal at all: nothing reaches the server, nothing is lost.
    expect(await syncOutbox(store, send({ n: 0 }, { n: 1 }))).toEqual({ sent: 0, refused: 0, remaining: 2 });
    expect(await count('visits', sql`id in (${recorded.id}, ${second.id})`)).toBe(0);
    // The connection drops after the server stored the first visit.
    expect(await syncOutbox(store, send({ n: 1 }, { n: 0 }))).toEqual({ sent: 0, refused: 0, remaining: 2 });
    expect(await count('visits', sql`id = ${recorded.id}`)).toBe(1);
    // Retried: both arrive, the first as a duplicate.
    expect(await syncOutbox(store, send({ n: 0 }, { n: 0 }))).toEqual({ sent: 2, refused: 0, remaining: 0 });
    expect(await count('visits', sql`id = ${recorded.id}`)).toBe(1);
    expect(await count('visits', sql`id = ${second.id}`)).toBe(1);
    expect(await count('follow_ups', sql`visit_id = ${recorded.id}`)).toBe(1);
  });

  it('keeps a visit the server refuses, with the reason, and does not resend it', async () => {
    const store = memoryOutbox();
    const stop = route.stops[0];
    await store.put({
      id: randomUUID(),
      retailerId: stop.retailer.id,
      shopName: stop.retailer.shopName,
      body: { retailerId: stop.retailer.id, checkIn: north(stop.retailer, 500), form },
      createdAt: '2026-11-24T01:50:00Z',
      attempts: 0,
    });
    expect(await syncOutbox(store, send({ n: 0 }, { n: 0 }))).toEqual({ sent: 0, refused: 1, remaining: 1 });
    const [left] = await store.all();
    expect(left.rejected?.code).toBe('check_in_too_far');
    expect(await syncOutbox(store, send({ n: 0 }, { n: 0 }))).toEqual({ sent: 0, refused: 0, remaining: 1 });
  });
});

describe('depot', () => {
  it('starts the day from home once the worker sets it, inside the county only', async () => {
    const home = north(shop, 800);
    const outside = await t.api(worker, 'PUT', `/api/workers/${route.worker.id}/visit-depot`, { startFrom: 'home', homeLat: 40, homeLng: 116.4 });
    expect(outside.statusCode).toBe(422);
    const missing = await t.api(worker, 'PUT', `/api/workers/${route.worker.id}/visit-depot`, { startFrom: 'home' });
    expect(missing.statusCode).toBe(400);
    const ok = await t.api(worker, 'PUT', `/api/workers/${route.worker.id}/visit-depot`, { startFrom: 'home', homeLat: home.lat, homeLng: home.lng });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await t.api(head, 'POST', '/api/visit-plans', { date: '2026-12-07', workerIds: [route.worker.id] });
    expect(res.statusCode, res.body).toBe(202);
    await t.jobs.waitIdle();
    const job = (await t.api(head, 'GET', `/api/jobs/${res.json().job.id}`)).json();
    expect(job).toMatchObject({ state: 'completed', result: { cycleStart: '2026-12-07', workers: [{ workerId: route.worker.id }] } });
    const next = (await t.api(worker, 'GET', '/api/visit-plans/day?date=2026-12-08')).json() as DayRoute;
    expect(next.depot).toMatchObject({ kind: 'home', lat: home.lat, lng: home.lng });
    expect(next.cycleStart).toBe('2026-12-07');
  });
});

describe('progress', () => {
  it('counts done against planned per worker, day and week for the station head', async () => {
    const p = (await t.api(head, 'GET', '/api/visits/progress')).json() as Progress;
    const w = p.workers.find((x) => x.workerId === route.worker.id)!;
    expect(w.planned).toBeGreaterThan(0);
    expect(w.done).toBeGreaterThanOrEqual(2);
    const today = p.days.find((d) => d.date === '2026-11-24')!;
    expect(today.done).toBeGreaterThanOrEqual(2);
    // The calendar was made today (the cycle began on 2026-11-09): its earlier days are not counted, so nothing is missed yet (decision 1411).
    expect(p.from).toBe('2026-11-09');
    expect(p.days.filter((d) => d.date < '2026-11-24').reduce((a, d) => a + d.planned, 0)).toBe(0);
    expect(w.missed).toBe(0);
    expect(p.days.filter((d) => d.date > '2026-11-24').every((d) => d.pending === d.planned)).toBe(true);
    expect(p.weeks.reduce((a, x) => a + x.planned, 0)).toBe(p.days.reduce((a, x) => a + x.planned, 0));
    // Another station's head does not see worker1.
    const other = await t.login(['station2', 'station123']);
    const p2 = (await t.api(other, 'GET', '/api/visits/progress')).json() as Progress;
    expect(p2.workers.some((x) => x.workerId === route.worker.id)).toBe(false);
    expect((await t.api(other, 'GET', `/api/visit-plans/day?workerId=${route.worker.id}`)).statusCode).toBe(404);
  });

  it('counts the days of a calendar from the day it was made: made at the cycle start, its past days without visits are missed', async () => {
    const db = t.database.db;
    const [plan] = await query<{ id: number; generatedAt: string }>(
      db,
      sql`select id, generated_at::text as "generatedAt" from visit_plans where worker_id = ${route.worker.id} and cycle_start = '2026-11-09'`,
    );
    const progress = async () => (await t.api(head, 'GET', `/api/visits/progress?workerId=${route.worker.id}`)).json() as Progress;
    const pastStops = (await query<{ n: number }>(db, sql`select count(*)::int as n from visit_plan_stops where plan_id = ${plan.id} and visit_date < '2026-11-24'`))[0].n;
    expect(pastStops).toBeGreaterThan(0);
    const pastRoute = async () => ((await t.api(head, 'GET', `/api/visit-plans/day?workerId=${route.worker.id}&date=2026-11-16`)).json() as DayRoute).stops.length;
    expect(await pastRoute()).toBe(0);
    // Back-dated to 00:00 of the cycle's first day (China time): every past stop counts.
    await db.execute(sql`update visit_plans set generated_at = '2026-11-08T16:00:00Z' where id = ${plan.id}`);
    try {
      const p = await progress();
      const past = p.days.filter((d) => d.date < '2026-11-24');
      expect(past.reduce((a, d) => a + d.planned, 0)).toBe(pastStops);
      expect(past.every((d) => d.pending === 0 && d.missed + d.done + d.late === d.planned)).toBe(true);
      expect(p.workers[0].missed).toBeGreaterThan(0);
      expect(await pastRoute()).toBeGreaterThan(0);
    } finally {
      await db.execute(sql`update visit_plans set generated_at = ${plan.generatedAt}::timestamptz where id = ${plan.id}`);
    }
  });
});
