// The service desk (issue 15) through the HTTP app: routing by category and
// jurisdiction, never to the worker a complaint names; scope; bad input that
// changes nothing; the 回访 conflict-of-interest rule and 不满意 reopening;
// the sweep's breach and escalation on working time; visit follow-ups as cases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { sweepDeadlines } from '../../src/app/desk/sweep-deadlines.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { startTestApp, TODAY, type DemoRole, type TestApp } from '../support/test-app.js';

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let own: number; // the retailer account's shop: worker1's grid, station 1
let other: number; // a shop in another station
let ids: { worker1: number; station1: number; manager: number };

const count = async (table: string) => (await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const detail = async (role: DemoRole, id: number) => (await t.api(cookie[role], 'GET', `/api/desk/cases/${id}`)).json();
const file = async (role: DemoRole, body: Record<string, unknown>) => {
  const res = await t.api(cookie[role], 'POST', '/api/desk/cases', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; handlerId: number | null; jurisdiction: string; dueAt: string | null };
};

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as DemoRole[]) cookie[role] = await t.login(role);
  const db = t.database.db;
  [{ own }] = await query<{ own: number }>(db, sql`select retailer_id as own from users where username = 'retailer'`);
  [{ other }] = await query<{ other: number }>(
    db,
    sql`select r.id as other from retailers r join grids g on g.id = r.grid_id where g.station_id <> (select g2.station_id from retailers r2 join grids g2 on g2.id = r2.grid_id where r2.id = ${own}) order by r.id limit 1`,
  );
  const users = await query<{ username: string; id: number }>(db, sql`select username, id from users where username in ('worker1', 'station1', 'manager')`);
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  ids = { worker1: id('worker1'), station1: id('station1'), manager: id('manager') };
});
afterAll(() => t?.close());

describe('routing', () => {
  it('sends a supply complaint to the station head, a price question to the grid worker, with a deadline on working time', async () => {
    const supply = await file('call_agent', { retailerId: own, category: 'supply', cause: 'scarce_short', text: '本周紧俏烟太少' });
    expect(supply).toMatchObject({ handlerId: ids.station1, jurisdiction: 'marketing' });
    // Opened Tuesday 10:00 Shanghai; 240 working minutes → 15:30 the same day (lunch 12:00–13:30 excluded).
    expect(supply.dueAt).toBe('2026-11-24T07:30:00.000Z');
    const price = await file('call_agent', { retailerId: own, category: 'price', text: '零售价怎么定' });
    expect(price.handlerId).toBe(ids.worker1);
    const d = await detail('station_head', supply.id);
    expect(d.case.channel).toBe('phone');
    expect(d.linked.retailer.tier).toBeGreaterThan(0);
    expect(d.can.work).toBe(true);
  });

  it('never gives a complaint about the client manager to that manager, and hides it from them', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'conduct', cause: 'client_manager', text: '客户经理态度差' });
    expect(c.handlerId).toBe(ids.station1);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/desk/cases/${c.id}`)).statusCode).toBe(404);
    const res = await t.api(cookie.station_head, 'POST', `/api/desk/cases/${c.id}/reassign`, { handlerId: ids.worker1, reason: '试试' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('desk_subject_handler');
  });

  it('forwards counterfeit reports to the monopoly side at once and delivery to logistics', async () => {
    const c = await file('grid_worker', { retailerId: own, category: 'counterfeit', cause: 'cross_region', text: '发现串码烟' });
    expect(c.jurisdiction).toBe('monopoly');
    const d = await detail('county_manager', c.id);
    expect(d.case.forwardedAt).toBe(TODAY.toISOString());
    expect(d.events.map((e: { type: string }) => e.type)).toEqual(['created', 'forward']);
    const l = await file('call_agent', { retailerId: own, category: 'delivery', cause: 'damaged', text: '到货破损' });
    expect(l).toMatchObject({ jurisdiction: 'logistics', handlerId: ids.manager });
  });

  it('reassigns with a reason, written as an event', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'price', text: '价格' });
    const res = await t.api(cookie.station_head, 'POST', `/api/desk/cases/${c.id}/reassign`, { handlerId: ids.station1, reason: '网格员休假' });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail('station_head', c.id);
    expect(d.case.handlerId).toBe(ids.station1);
    expect(d.events.at(-1)).toMatchObject({ type: 'reassign', text: '网格员休假' });
  });
});

describe('scope and bad input change nothing', () => {
  it('refuses a case for a shop outside the caller’s scope', async () => {
    const before = await count('desk_cases');
    const res = await t.api(cookie.grid_worker, 'POST', '/api/desk/cases', { retailerId: other, category: 'price', text: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(await count('desk_cases')).toBe(before);
  });

  it('refuses an unknown category or cause with a clear error', async () => {
    const before = await count('desk_cases');
    const bad = await t.api(cookie.call_agent, 'POST', '/api/desk/cases', { retailerId: own, category: 'weather', text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'desk_unknown_category', message: '投诉类别不存在' });
    const cause = await t.api(cookie.call_agent, 'POST', '/api/desk/cases', { retailerId: own, category: 'delivery', cause: 'pos', text: 'x' });
    expect(cause.json().code).toBe('desk_unknown_cause');
    expect(await count('desk_cases')).toBe(before);
  });

  it('refuses a reply to a closed case', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'price', text: '价格' });
    expect((await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/close`, { resolution: 'explained', text: '已解释' })).statusCode).toBe(200);
    const events = await count('desk_case_events');
    const res = await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/reply`, { text: '再说一句' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('desk_case_closed');
    expect(await count('desk_case_events')).toBe(events);
  });

  it('refuses a policy with overlapping hours or negative times, keeping the old version', async () => {
    const policy = (await t.api(cookie.county_manager, 'GET', '/api/desk/policy')).json();
    const rules = { ...policy.rules, periods: [{ start: '08:00', end: '12:00' }, { start: '11:30', end: '17:00' }], deadlines: [{ category: '*', segment: '*', firstContactMinutes: -1, replyMinutes: 60, closeMinutes: 120 }] };
    const res = await t.api(cookie.county_manager, 'PUT', '/api/desk/policy', rules);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('desk_policy_invalid');
    expect(res.json().details.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['periods_overlap', 'negative_time']));
    expect((await t.api(cookie.county_manager, 'GET', '/api/desk/policy')).json().version).toBe(policy.version);
  });
});

/** A multipart body: the case as JSON in `case`, then files under `photos`. */
function caseForm(body: Record<string, unknown>, files: { type: string; data: Buffer }[]) {
  const b = `----desk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="case"\r\n\r\n${JSON.stringify(body)}\r\n`)];
  files.forEach((f, i) => parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="photos"; filename="p${i}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n')));
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]);
const send = (role: DemoRole, url: string, form: ReturnType<typeof caseForm>) =>
  t.app.inject({ method: 'POST', url, payload: form.payload, headers: { ...form.headers, cookie: cookie[role] } });

describe('photos with a case', () => {
  it('the demo county shows a retailer’s photo on its packaging complaint', async () => {
    const [c] = await query<{ id: number; channel: string }>(t.database.db, sql`select id, channel from desk_cases where text = '一条烟外包装破了'`);
    expect(c.channel).toBe('retailer_app');
    expect((await detail('county_manager', c.id)).case.photos).toEqual([1]);
    expect((await t.api(cookie.county_manager, 'GET', `/api/desk/cases/${c.id}/photos/1`)).headers['content-type']).toBe('image/png');
  });

  it('the retailer sends two photos from the phone; they show on the case, as images, to those who see it', async () => {
    const res = await send('retailer', '/api/my/cases', caseForm({ category: 'delivery', cause: 'damaged', text: '到货两条破损' }, [{ type: 'image/png', data: PNG }, { type: 'image/jpeg', data: JPEG }]));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await detail('county_manager', id)).case.photos).toEqual([1, 2]);
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/cases')).json().items.find((x: { id: number }) => x.id === id);
    expect(mine.photos).toEqual([1, 2]);
    const photo = await t.api(cookie.grid_worker, 'GET', `/api/desk/cases/${id}/photos/2`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff' });
    expect(photo.rawPayload.equals(JPEG)).toBe(true);
    expect((await t.api(cookie.retailer, 'GET', `/api/my/cases/${id}/photos/1`)).headers['content-type']).toBe('image/png');
    expect((await t.api(cookie.retailer, 'GET', `/api/desk/cases/${id}/photos/1`)).statusCode).toBe(403);
  });

  it('a shop’s photos are not shown outside the case’s scope', async () => {
    const res = await send('call_agent', '/api/desk/cases', caseForm({ retailerId: other, category: 'packaging', text: '包装破损' }, [{ type: 'image/png', data: PNG }]));
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await t.api(cookie.county_manager, 'GET', `/api/desk/cases/${id}/photos/1`)).statusCode).toBe(200);
    expect((await t.api(cookie.grid_worker, 'GET', `/api/desk/cases/${id}/photos/1`)).statusCode).toBe(404);
    expect((await t.api(cookie.retailer, 'GET', `/api/my/cases/${id}/photos/1`)).statusCode).toBe(404);
  });

  it('refuses a page dressed as a photo, a fifth photo and one too large, writing nothing', async () => {
    const before = await count('desk_cases');
    const photos = await count('desk_case_photos');
    const body = { category: 'delivery', cause: 'damaged', text: '破损' };
    const html = await send('retailer', '/api/my/cases', caseForm(body, [{ type: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>') }]));
    expect(html.statusCode).toBe(400);
    expect(html.json()).toMatchObject({ code: 'desk_photo_invalid', message: '照片须为 JPEG、PNG 或 WebP 图片' });
    const five = await send('retailer', '/api/my/cases', caseForm(body, Array.from({ length: 5 }, () => ({ type: 'image/png', data: PNG }))));
    expect(five.statusCode).toBe(413);
    expect(five.json().code).toBe('desk_too_many_photos');
    const big = await send('retailer', '/api/my/cases', caseForm(body, [{ type: 'image/jpeg', data: Buffer.concat([JPEG, Buffer.alloc(1_000_001)]) }]));
    expect(big.json()).toMatchObject({ code: 'photo_too_large', messageEn: 'The photo is too large; compress it first' });
    const bad = await send('retailer', '/api/my/cases', caseForm({ category: 'weather', text: 'x' }, [{ type: 'image/png', data: PNG }]));
    expect(bad.json().code).toBe('desk_unknown_category');
    expect(await count('desk_cases')).toBe(before);
    expect(await count('desk_case_photos')).toBe(photos);
  });
});

describe('回访', () => {
  it('the handler cannot record the 回访 of their own case; someone else can, and 不满意 reopens it', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'price', text: '价格' });
    await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/close`, { resolution: 'explained', text: '已解释' });
    const surveys = await count('desk_surveys');
    const own_ = await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/survey`, { result: 'satisfied' });
    expect(own_.statusCode).toBe(403);
    expect(own_.json()).toMatchObject({ code: 'desk_conflict_of_interest', message: '承办人不能回访自己办理的工单' });
    expect(await count('desk_surveys')).toBe(surveys);
    expect((await t.api(cookie.call_agent, 'POST', `/api/desk/cases/${c.id}/survey`, { result: 'dissatisfied', note: '没解决' })).statusCode).toBe(200);
    const d = await detail('grid_worker', c.id);
    expect(d.case).toMatchObject({ status: 'open', reopenCount: 1, milestone: 'reply' });
  });

  it('the retailer reads the reply on their phone and answers 不满意: the case reopens', async () => {
    const filed = await t.api(cookie.retailer, 'POST', '/api/my/cases', { category: 'supply', cause: 'limit_low', text: '限量太低' });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    await t.api(cookie.station_head, 'POST', `/api/desk/cases/${id}/reply`, { text: '您的档位为第 N 档，本周按档位投放。' });
    await t.api(cookie.station_head, 'POST', `/api/desk/cases/${id}/close`, { resolution: 'explained' });
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/cases')).json().items.find((x: { id: number }) => x.id === id);
    expect(mine.replies[0].text).toContain('按档位投放');
    expect(mine.surveyPending).toBe(true);
    expect((await t.api(cookie.retailer, 'POST', `/api/my/cases/${id}/survey`, { result: 'dissatisfied' })).statusCode).toBe(200);
    expect((await detail('station_head', id)).case.status).toBe('open');
  });
});

describe('deadlines', () => {
  it('the sweep marks warnings, then breaches with an escalation to the station head, then the county', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'ordering', cause: 'wrong_order', text: '订错货' });
    const db = t.database.db;
    const [row] = await query<{ warnAt: string; dueAt: string; countyAt: string }>(db, sql`select warn_at as "warnAt", due_at as "dueAt", county_at as "countyAt" from desk_cases where id = ${c.id}`);
    await sweepDeadlines(db, new Date(new Date(row.warnAt).getTime() + 1000));
    expect((await detail('station_head', c.id)).case.warnedAt).not.toBeNull();
    await sweepDeadlines(db, new Date(new Date(row.dueAt).getTime() + 1000));
    let d = await detail('station_head', c.id);
    expect(d.case).toMatchObject({ escalation: 1 });
    expect(d.case.breachedAt).not.toBeNull();
    await sweepDeadlines(db, new Date(new Date(row.countyAt).getTime() + 1000));
    d = await detail('county_manager', c.id);
    expect(d.case.escalation).toBe(2);
    expect(d.events.filter((e: { type: string }) => e.type === 'escalation').map((e: { detail: { to: string } }) => e.detail.to)).toEqual(['station_head', 'county']);
    const list = (await t.api(cookie.station_head, 'GET', '/api/desk/cases?due=breached')).json().items;
    expect(list.some((x: { id: number }) => x.id === c.id)).toBe(true);
  });

  it('stops the clock while waiting for the retailer', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'price', text: '价格' });
    await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/reply`, { text: '请提供照片', waitForRetailer: true });
    const d = await detail('grid_worker', c.id);
    expect(d.case).toMatchObject({ status: 'waiting', dueAt: null });
    await sweepDeadlines(t.database.db, new Date('2027-01-01T00:00:00Z'));
    expect((await detail('grid_worker', c.id)).case.breachedAt).toBeNull();
    // Any work resumes the clock, the time waited not counted.
    await t.api(cookie.grid_worker, 'POST', `/api/desk/cases/${c.id}/calls`, { text: '零售户已回电', reached: true });
    expect((await detail('grid_worker', c.id)).case).toMatchObject({ status: 'open', milestone: 'close' });
  });
});

describe('visit follow-ups are cases', () => {
  it('a request raised on a visit opens a case due when its follow-up is; marking it done closes the case', async () => {
    const [pos] = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers where id = ${own}`);
    const id = randomUUID();
    const position = { lat: pos.lat, lng: pos.lng, accuracyM: 8, at: TODAY.toISOString() };
    expect((await t.api(cookie.grid_worker, 'POST', '/api/visits/check-in', { id, retailerId: own, ...position })).statusCode).toBe(200);
    const form = { displayScore: 4, priceTags: 'complete', storeImage: 'B', requests: '想多要两条芙蓉王', problems: '' };
    const sub = await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, { retailerId: own, checkIn: position, form });
    expect(sub.statusCode, sub.body).toBe(200);
    const [row] = await query<{ caseId: number; followUpId: number; due: string; caseDue: string; channel: string; handlerId: number }>(
      t.database.db,
      sql`select c.id as "caseId", f.id as "followUpId", f.due_at as due, c.due_at as "caseDue", c.channel, c.handler_id as "handlerId"
        from follow_ups f join desk_cases c on c.follow_up_id = f.id where f.visit_id = ${id}`,
    );
    expect(row).toMatchObject({ channel: 'visit', handlerId: ids.worker1 });
    expect(new Date(row.caseDue).getTime()).toBe(new Date(row.due).getTime());
    expect((await t.api(cookie.grid_worker, 'PATCH', `/api/follow-ups/${row.followUpId}`, { status: 'done', resolution: '已回电' })).statusCode).toBe(200);
    expect((await detail('grid_worker', row.caseId)).case.status).toBe('closed');
  });

  it('puts the photos taken on the visit on each case it raises, checked by their bytes; a visit kept offline and sent twice stores them once', async () => {
    const [pos] = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers where id = ${own}`);
    const id = randomUUID();
    const dataUrl = (type: string, b: Buffer) => `data:${type};base64,${b.toString('base64')}`;
    // A page dressed as a PNG passes the visit's prefix check but is no image: it stays on the visit only.
    const photos = [dataUrl('image/jpeg', JPEG), dataUrl('image/png', Buffer.from('<html><script>alert(1)</script></html>')), dataUrl('image/png', PNG)];
    // Recorded offline (no check-in reached the server): the outbox sends the whole visit, then resends it after a dropped answer.
    const body = { retailerId: own, checkIn: { lat: pos.lat, lng: pos.lng, accuracyM: 8, at: TODAY.toISOString() }, form: { displayScore: 3, priceTags: 'complete', storeImage: 'B', requests: '想多要两条芙蓉王', problems: '货架灯坏了', suspectCounterfeit: false }, photos };
    for (let i = 0; i < 2; i++) expect((await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, body)).statusCode).toBe(200);
    const cases = await query<{ id: number }>(t.database.db, sql`select c.id from follow_ups f join desk_cases c on c.follow_up_id = f.id where f.visit_id = ${id} order by c.id`);
    expect(cases).toHaveLength(2);
    for (const c of cases) {
      expect((await detail('grid_worker', c.id)).case.photos).toEqual([1, 2]);
      const first = await t.api(cookie.grid_worker, 'GET', `/api/desk/cases/${c.id}/photos/1`);
      expect(first.headers['content-type']).toBe('image/jpeg');
      expect(first.rawPayload.equals(JPEG)).toBe(true);
      const second = await t.api(cookie.station_head, 'GET', `/api/desk/cases/${c.id}/photos/2`);
      expect(second.headers['content-type']).toBe('image/png');
      expect(second.rawPayload.equals(PNG)).toBe(true);
    }
    expect(await count(`desk_case_photos where case_id in (${cases.map((c) => c.id).join(',')})`)).toBe(4);
    expect(await count(`visit_photos where visit_id = '${id}'`)).toBe(3);
    // The retailer reads the case on their phone with the same photos.
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/cases')).json().items.find((c: { id: number }) => c.id === cases[0].id);
    expect(mine.photos).toEqual([1, 2]);
  });

  it('puts each photo only with the cases the worker chose for it on a visit that raises several; sent twice, stored once', async () => {
    const [pos] = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers where id = ${own}`);
    const id = randomUUID();
    const photos = [`data:image/jpeg;base64,${JPEG.toString('base64')}`, `data:image/png;base64,${PNG.toString('base64')}`, `data:image/jpeg;base64,${JPEG.toString('base64')}`];
    const body = {
      retailerId: own,
      checkIn: { lat: pos.lat, lng: pos.lng, accuracyM: 8, at: TODAY.toISOString() },
      form: { displayScore: 3, priceTags: 'complete', storeImage: 'B', requests: '想多要两条芙蓉王', problems: '货架灯坏了', suspectCounterfeit: true, counterfeitNote: '柜台里有可疑的软中华' },
      photos,
      // The shelf light with the problem; the suspicious carton with the report only, never with a case the shop reads; the last on the visit only.
      photoCases: [['problem'], ['counterfeit'], []],
    };
    for (let i = 0; i < 2; i++) expect((await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, body)).statusCode).toBe(200);
    const rows = await query<{ id: number; kind: string }>(t.database.db, sql`select c.id, f.kind from follow_ups f join desk_cases c on c.follow_up_id = f.id where f.visit_id = ${id}`);
    const of = (kind: string) => rows.find((r) => r.kind === kind)!.id;
    expect((await detail('grid_worker', of('request'))).case.photos).toEqual([]);
    expect((await detail('grid_worker', of('problem'))).case.photos).toEqual([1]);
    expect((await detail('county_manager', of('counterfeit'))).case.photos).toEqual([1]);
    const fake = await t.api(cookie.county_manager, 'GET', `/api/desk/cases/${of('counterfeit')}/photos/1`);
    expect(fake.headers['content-type']).toBe('image/png');
    expect(fake.rawPayload.equals(PNG)).toBe(true);
    expect(await count(`desk_case_photos where case_id in (${rows.map((r) => r.id).join(',')})`)).toBe(2);
    expect(await count(`visit_photos where visit_id = '${id}'`)).toBe(3);
    // The shop reads its request and problem on the phone, the problem with the shelf photo only.
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/cases')).json().items as { id: number; photos: number[] }[];
    expect(mine.find((c) => c.id === of('problem'))!.photos).toEqual([1]);
    expect((await t.api(cookie.retailer, 'GET', `/api/my/cases/${of('problem')}/photos/1`)).headers['content-type']).toBe('image/jpeg');
    const [audit] = await query<{ choice: unknown }>(t.database.db, sql`select detail->'photoCases' as choice from audit_log where entity = 'visit' and detail->>'visitId' = ${id}`);
    expect(audit.choice).toEqual([['problem'], ['counterfeit'], []]);
  });

  it('refuses with 4xx, writing nothing, photos put with a case the visit does not raise, or a visit of another shop or county', async () => {
    const [pos] = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers where id = ${own}`);
    const photos = [`data:image/jpeg;base64,${JPEG.toString('base64')}`];
    const body = { retailerId: own, checkIn: { lat: pos.lat, lng: pos.lng, accuracyM: 8, at: TODAY.toISOString() }, form: { displayScore: 3, priceTags: 'complete', storeImage: 'B', requests: '要货' }, photos };
    const before = { visits: await count('visits'), cases: await count('desk_cases'), photos: await count('desk_case_photos') };
    const refuse = async (b: object, status: number, code: string, id = randomUUID()) => {
      const res = await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, b);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().code).toBe(code);
      return res.json();
    };
    // A case kind this visit does not raise (no problem written): there is no such case to attach to.
    const notRaised = await refuse({ ...body, photoCases: [['problem']] }, 400, 'validation_failed');
    expect(JSON.stringify(notRaised)).toContain('visit_photo_case_not_raised');
    expect(notRaised.message).toMatch(/[\u4e00-\u9fff]/);
    await refuse({ ...body, photoCases: [['request'], ['request']] }, 400, 'validation_failed');
    // The shop of another station (not the worker's grids), and a shop of another county: as if missing.
    // A small second county of the same city (one grid of this one copied), as the demo has.
    const [org] = await query<{ id: number; parentId: number }>(t.database.db, sql`select r.org_id as id, u.parent_id as "parentId" from retailers r left join org_units u on u.org_id = r.org_id where r.id = ${own}`);
    const { orgId: youxian } = await cloneCounty(t.database.db, org.id, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: org.parentId, usernamePrefix: 'yx_', withOrders: false, grids: 1 });
    forgetOrgTree();
    const [{ foreign }] = await query<{ foreign: number }>(t.database.db, sql`select id as foreign from retailers where org_id = ${youxian} order by id limit 1`);
    for (const shop of [other, foreign]) await refuse({ ...body, retailerId: shop, photoCases: [['request']] }, 404, 'not_found');
    // A visit of this shop already stored, sent again as another shop's: the photos do not move to that shop's cases.
    const id = randomUUID();
    expect((await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, { ...body, photoCases: [['request']] })).statusCode).toBe(200);
    const [{ sibling }] = await query<{ sibling: number }>(
      t.database.db,
      sql`select r.id as sibling from retailers r where r.grid_id = (select grid_id from retailers where id = ${own}) and r.id <> ${own} order by r.id limit 1`,
    );
    await refuse({ ...body, retailerId: sibling, photoCases: [['request']] }, 409, 'visit_id_conflict', id);
    expect({ visits: await count('visits'), cases: await count('desk_cases'), photos: await count('desk_case_photos') }).toEqual({
      visits: before.visits + 1,
      cases: before.cases + 1,
      photos: before.photos + 1,
    });
  });

  it('a suspected counterfeit the worker finds in the shop on a visit is for the monopoly side: the shop does not read it or its photos', async () => {
    const [pos] = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers where id = ${own}`);
    const id = randomUUID();
    const body = {
      retailerId: own,
      checkIn: { lat: pos.lat, lng: pos.lng, accuracyM: 8, at: TODAY.toISOString() },
      form: { displayScore: 3, priceTags: 'complete', storeImage: 'B', suspectCounterfeit: true, counterfeitNote: '柜台里有两条包装可疑的软中华', requests: '想多要两条芙蓉王' },
      photos: [`data:image/jpeg;base64,${JPEG.toString('base64')}`],
    };
    expect((await t.api(cookie.grid_worker, 'PUT', `/api/visits/${id}`, body)).statusCode).toBe(200);
    const rows = await query<{ id: number; category: string }>(t.database.db, sql`select c.id, c.category from follow_ups f join desk_cases c on c.follow_up_id = f.id where f.visit_id = ${id}`);
    const fake = rows.find((r) => r.category === 'counterfeit')!;
    const request = rows.find((r) => r.category === 'service')!;
    // The monopoly side's handler sees it with its photo; the shop sees the request it made, not the report about it.
    expect((await detail('county_manager', fake.id)).case).toMatchObject({ jurisdiction: 'monopoly', photos: [1] });
    const mine = (await t.api(cookie.retailer, 'GET', '/api/my/cases')).json().items.map((c: { id: number }) => c.id);
    expect(mine).toContain(request.id);
    expect(mine).not.toContain(fake.id);
    expect((await t.api(cookie.retailer, 'GET', `/api/my/cases/${fake.id}/photos/1`)).statusCode).toBe(404);
    expect((await t.api(cookie.retailer, 'GET', `/api/my/cases/${request.id}/photos/1`)).statusCode).toBe(200);
    const survey = await t.api(cookie.retailer, 'POST', `/api/my/cases/${fake.id}/survey`, { result: 'dissatisfied' });
    expect(survey.statusCode).toBe(404);
  });
});

describe('figures', () => {
  it('counts causes, attainment and 回访 within scope', async () => {
    const s = (await t.api(cookie.county_manager, 'GET', '/api/desk/stats?from=2026-11-01&to=2026-11-30')).json();
    expect(s.pareto.length).toBeGreaterThan(0);
    expect(s.byCategory.find((r: { key: string }) => r.key === 'price').total).toBeGreaterThan(0);
    expect(s.surveys.dissatisfied).toBeGreaterThanOrEqual(2);
    expect(s.reopened).toBeGreaterThanOrEqual(2);
    // The same figures as a file, audited.
    const csv = await t.api(cookie.county_manager, 'GET', '/api/desk/stats/export?from=2026-11-01&to=2026-11-30&format=csv');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('分组,项目,件数,按时,超时,达成率');
    const price = s.byCategory.find((r: { key: string }) => r.key === 'price');
    expect(lines).toContain(`按类别,价格,${price.total},${price.onTime},${price.breached},${Math.round((100 * price.onTime) / price.total)}%`);
    expect(lines).toContain(`回访,不满意,${s.surveys.dissatisfied},,,`);
    expect((await count('audit_log where entity = \'desk_stats\''))).toBe(1);
  });
});

describe('rewards for valid complaints', () => {
  it('a station head proposes one on a valid complaint, the county approves it, it is recorded given; a worker cannot approve', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'supply', cause: 'scarce_short', text: '连续三周紧俏烟没有货' });
    const notValid = await file('call_agent', { retailerId: own, category: 'supply', cause: 'scarce_short', text: '不成立的投诉' });
    for (const [id, valid] of [[c.id, true], [notValid.id, false]] as const)
      expect((await t.api(cookie.station_head, 'POST', `/api/desk/cases/${id}/close`, { resolution: valid ? 'compensated' : 'not_valid', valid })).statusCode).toBe(200);
    const refused = await t.api(cookie.station_head, 'POST', `/api/desk/cases/${notValid.id}/rewards`, { kind: 'goods', description: '礼品' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('desk_reward_not_valid');
    expect((await t.api(cookie.station_head, 'POST', `/api/desk/cases/${c.id}/rewards`, { kind: 'goods', description: '纪念品一份', amount: 50 })).statusCode).toBe(200);

    const ledger = async (role: DemoRole) => (await t.api(cookie[role], 'GET', '/api/desk/rewards')).json().items as { id: number; caseId: number; status: string }[];
    const reward = (await ledger('county_manager')).find((w) => w.caseId === c.id)!;
    expect(reward.status).toBe('proposed');
    expect((await t.api(cookie.station_head, 'POST', `/api/desk/rewards/${reward.id}/given`)).json().code).toBe('desk_wrong_state');
    expect((await t.api(cookie.grid_worker, 'POST', `/api/desk/rewards/${reward.id}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await t.api(cookie.county_manager, 'POST', `/api/desk/rewards/${reward.id}/decision`, { approve: true })).statusCode).toBe(200);
    expect((await t.api(cookie.station_head, 'POST', `/api/desk/rewards/${reward.id}/given`)).statusCode).toBe(200);
    expect((await ledger('station_head')).find((w) => w.id === reward.id)!.status).toBe('given');
    const audited = await query<{ op: string }>(t.database.db, sql`select detail->>'op' as op from audit_log where entity = 'desk_reward' and ${reward.id} = any(entity_ids) order by id`);
    expect(audited.map((a) => a.op)).toEqual(['propose', 'approved', 'given']);
  });
});

describe('export', () => {
  it('exports the list the user sees, with labels, formula-like text neutralised, and audits it', async () => {
    const c = await file('call_agent', { retailerId: own, category: 'price', text: '=HYPERLINK("http://x")' });
    const csv = await t.api(cookie.county_manager, 'GET', '/api/desk/cases/export?status=all&format=csv');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^编号,类型,零售户,类别/);
    const row = lines.find((l) => l.startsWith(`${c.id},`))!;
    expect(row).toContain('投诉');
    expect(row).not.toMatch(/,"?=HYPERLINK/);
    const all = await count('desk_cases');
    expect(lines.length - 1).toBe(all);

    // A grid worker's file holds only the cases in their scope: as many as their list shows.
    const mine = (await t.api(cookie.grid_worker, 'GET', '/api/desk/cases?status=all')).json().items.length;
    const theirs = await t.api(cookie.grid_worker, 'GET', '/api/desk/cases/export?status=all&format=csv&lang=en');
    const theirLines = theirs.body.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(theirLines[0]).toMatch(/^No\.,Kind,Retailer/);
    expect(theirLines.length - 1).toBe(mine);
    expect(mine).toBeLessThan(all);

    const xlsx = await t.api(cookie.county_manager, 'GET', '/api/desk/cases/export?status=open');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audits = await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = 'export' and entity = 'desk_case'`);
    expect(audits[0].n).toBe(3);
    expect((await t.api(cookie.retailer, 'GET', '/api/desk/cases/export')).statusCode).toBe(403);
  });
});
