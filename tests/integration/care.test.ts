// Care (issue 16 items 6–9) through the HTTP app: the special-group register
// seen only by the roles that need it, each read audited; the proof photo
// checked by its bytes and served only as an image; the overdue task when a
// proof expires (and the rerun that adds nothing); the shops inside a drawn
// polygon against an independent point-in-polygon; the help ledger's refusals
// that change nothing; rating freezes; the recovery case closing at its level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { booleanPointInPolygon } from '@turf/turf';
import { query } from '../../src/db/client.js';
import { generateCareTasks, careTasksDoneByWorker } from '../../src/app/care/care-tasks.js';
import { closeRecoveredDisasters } from '../../src/app/care/disaster-recovery.js';
import { startTestApp, TODAY, type DemoRole, type TestApp } from '../support/test-app.js';

// A 1×1 PNG.
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const FAKE_PNG = `data:image/png;base64,${Buffer.from('<html><script>alert(1)</script></html>').toString('base64')}`;

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let own: number; // a shop of worker1
let other: number; // a shop of another station
let ids: { worker1: number; station1: number; manager: number; orgId: number };

const count = async (table: string, where = sql`true`) => (await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`))[0].n;
const auditCount = (action: string, entity: string) => count('audit_log', sql`action = ${action} and entity = ${entity}`);

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as DemoRole[]) cookie[role] = await t.login(role);
  const db = t.database.db;
  const users = await query<{ username: string; id: number; orgId: number }>(db, sql`select username, id, org_id as "orgId" from users where username in ('worker1', 'station1', 'manager')`);
  const id = (u: string) => users.find((x) => x.username === u)!.id;
  ids = { worker1: id('worker1'), station1: id('station1'), manager: id('manager'), orgId: users[0].orgId };
  [{ own }] = await query<{ own: number }>(db, sql`select r.id as own from retailers r join grids g on g.id = r.grid_id where g.worker_id = ${ids.worker1} and r.status = 'active'
    and not exists (select 1 from care_special_groups s where s.retailer_id = r.id) order by r.id limit 1`);
  [{ other }] = await query<{ other: number }>(db, sql`select r.id as other from retailers r join grids g on g.id = r.grid_id join users u on u.id = ${ids.station1}
    where g.station_id <> u.station_id and r.status = 'active' and not exists (select 1 from care_special_groups s where s.retailer_id = r.id) order by r.id limit 1`);
});
afterAll(() => t?.close());

const record = (retailerId: number, extra: Record<string, unknown> = {}) => ({
  retailerId, kind: 'disabled', disabilityGrade: 2, authority: '醴陵市残疾人联合会', documentNo: '残证 4302811', photo: PNG, validUntil: '2027-06-30', recheckOn: '2027-06-01', ...extra,
});

describe('special-group register', () => {
  it('refuses a record without proof, a fake photo and a missing grade, storing nothing', async () => {
    const before = await count('care_special_groups');
    const files = await count('care_files');
    const noProof = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own, { photo: undefined }));
    expect(noProof.statusCode).toBe(422);
    expect(noProof.json().code).toBe('care_proof_required');
    const fake = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own, { photo: FAKE_PNG }));
    expect(fake.statusCode).toBe(400);
    expect(fake.json().code).toBe('care_photo_invalid');
    const html = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own, { photo: 'data:text/html;base64,PGI+aGk8L2I+' }));
    expect(html.statusCode).toBe(400);
    const noGrade = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own, { disabilityGrade: null }));
    expect(noGrade.json().code).toBe('care_grade_required');
    const dates = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own, { recheckOn: '2027-07-30' }));
    expect(dates.json().code).toBe('care_dates_order');
    expect(await count('care_special_groups')).toBe(before);
    expect(await count('care_files')).toBe(files);
  });

  it('is kept by the worker of the shop and read only by roles that need it, each read audited', async () => {
    const created = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(own));
    expect(created.statusCode, created.body).toBe(201);
    const outOfScope = await t.api(cookie.grid_worker, 'POST', '/api/care/special-groups', record(other));
    expect(outOfScope.statusCode).toBe(404);
    const byManager = await t.api(cookie.county_manager, 'POST', '/api/care/special-groups', record(other, { kind: 'martyr', disabilityGrade: null, authority: '醴陵市退役军人事务局' }));
    expect(byManager.statusCode).toBe(201);

    for (const role of ['admin', 'call_agent', 'retailer'] as DemoRole[]) expect((await t.api(cookie[role], 'GET', '/api/care/special-groups')).statusCode, role).toBe(403);
    const views = await auditCount('view_pii', 'care_special_group');
    const worker = (await t.api(cookie.grid_worker, 'GET', '/api/care/special-groups')).json().items as { retailerId: number; photoId: number }[];
    expect(worker.map((r) => r.retailerId)).toContain(own);
    expect(worker.map((r) => r.retailerId)).not.toContain(other);
    const manager = (await t.api(cookie.county_manager, 'GET', '/api/care/special-groups')).json().items as { retailerId: number }[];
    expect(manager.map((r) => r.retailerId)).toEqual(expect.arrayContaining([own, other]));
    expect(await auditCount('view_pii', 'care_special_group')).toBe(views + 2);
    const [last] = await query<{ userId: number; entityIds: number[] }>(t.database.db, sql`select user_id as "userId", entity_ids as "entityIds" from audit_log where entity = 'care_special_group' and action = 'view_pii' order by id desc limit 1`);
    expect(last.userId).toBe(ids.manager);
    expect(last.entityIds).toEqual(expect.arrayContaining([own, other]));

    // The photo: as the checked image type, never as a page; out of scope it does not exist; the view is audited.
    const photoId = worker.find((r) => r.retailerId === own)!.photoId;
    const photo = await t.api(cookie.grid_worker, 'GET', `/api/care/files/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    expect(String(photo.headers['content-security-policy'])).toContain('sandbox');
    expect(photo.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(await auditCount('view_pii', 'care_special_group')).toBe(views + 3);
    const otherStation = await t.login(['worker5', 'worker123']).catch(() => null);
    if (otherStation) expect((await t.api(otherStation, 'GET', `/api/care/files/${photoId}`)).statusCode).toBe(404);
    expect((await t.api(cookie.admin, 'GET', `/api/care/files/${photoId}`)).statusCode).toBe(404);
  });

  it('gives the worker an overdue task once when a proof expires, done by renewing it', async () => {
    const res = await t.api(cookie.county_manager, 'POST', '/api/care/special-groups', record(own, { kind: 'dibao', disabilityGrade: null, authority: '醴陵市民政局', validUntil: '2026-11-01', recheckOn: '2026-10-15' }));
    expect(res.statusCode, res.body).toBe(201);
    const recordId = res.json().id as number;
    const first = await generateCareTasks(t.database.db, ids.orgId, TODAY);
    expect(first.proofExpired).toBeGreaterThanOrEqual(1);
    const again = await generateCareTasks(t.database.db, ids.orgId, TODAY);
    expect(again.proofExpired).toBe(0);
    expect(again.calendar).toBe(0);
    const tasks = (await t.api(cookie.grid_worker, 'GET', '/api/care/tasks')).json().items as { id: number; kind: string; retailerId: number; dueOn: string; status: string }[];
    const overdue = tasks.filter((x) => x.kind === 'proof_expired' && x.retailerId === own);
    expect(overdue).toHaveLength(1);
    expect(overdue[0].dueOn).toBe('2026-11-24');
    const renew = await t.api(cookie.grid_worker, 'PUT', `/api/care/special-groups/${recordId}`, { validUntil: '2027-11-01', recheckOn: '2027-10-01', photo: PNG });
    expect(renew.statusCode, renew.body).toBe(200);
    const after = (await t.api(cookie.grid_worker, 'GET', '/api/care/tasks?status=all')).json().items as { id: number; status: string }[];
    expect(after.find((x) => x.id === overdue[0].id)!.status).toBe('done');
    const figures = await careTasksDoneByWorker(t.database.db, ids.orgId, '2026-11');
    expect(figures.find((f) => f.workerId === ids.worker1)!.tasksDone).toBeGreaterThanOrEqual(1);
  });
});

describe('disasters', () => {
  let shops: { id: number; lat: number; lng: number }[];
  let ring: [number, number][];
  let disasterId: number;

  beforeAll(async () => {
    shops = await query(t.database.db, sql`select r.id, r.lat, r.lng from retailers r where r.org_id = ${ids.orgId} and r.status = 'active'`);
    // A pentagon around the shops of worker1's first grid (concave on one side).
    const [c] = await query<{ lat: number; lng: number }>(t.database.db, sql`select avg(r.lat)::float8 as lat, avg(r.lng)::float8 as lng from retailers r join grids g on g.id = r.grid_id where g.worker_id = ${ids.worker1}`);
    const d = 0.03;
    ring = [[c.lng - d, c.lat - d], [c.lng + d, c.lat - d], [c.lng + d, c.lat + d], [c.lng, c.lat + d / 4], [c.lng - d, c.lat + d]];
  });

  it('finds exactly the active shops inside a drawn polygon, and refuses bad areas', async () => {
    const res = await t.api(cookie.county_manager, 'POST', '/api/care/disasters/preview', { area: { kind: 'polygon', ring } });
    expect(res.statusCode, res.body).toBe(200);
    const got = (res.json().shops as { retailerId: number }[]).map((s) => s.retailerId).sort((a, b) => a - b);
    const poly = { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] };
    const want = shops.filter((s) => booleanPointInPolygon([s.lng, s.lat], poly)).map((s) => s.id).sort((a, b) => a - b);
    expect(want.length).toBeGreaterThan(2);
    expect(got).toEqual(want);

    const before = await count('care_disasters');
    const bow: [number, number][] = [ring[0], ring[2], ring[1], ring[4]];
    const crossing = await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '测试', kind: 'flood', occurredOn: '2026-11-20', area: { kind: 'polygon', ring: bow } });
    expect(crossing.statusCode).toBe(422);
    expect(crossing.json().code).toBe('polygon_self_intersecting');
    const far = await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '测试', kind: 'flood', occurredOn: '2026-11-20', area: { kind: 'polygon', ring: [[100, 30], [100.1, 30], [100.1, 30.1]] } });
    expect(far.json().code).toBe('outside_county');
    const future = await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '测试', kind: 'flood', occurredOn: '2026-12-20', area: { kind: 'polygon', ring } });
    expect(future.json().code).toBe('care_disaster_date');
    expect((await t.api(cookie.grid_worker, 'POST', '/api/care/disasters', { name: '测试', kind: 'flood', occurredOn: '2026-11-20', area: { kind: 'polygon', ring } })).statusCode).toBe(403);
    expect(await count('care_disasters')).toBe(before);
  });

  it('assigns the shops to their grid workers, who tick the checklist', async () => {
    const res = await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '11·20 洪灾', kind: 'flood', occurredOn: '2026-09-20', area: { kind: 'polygon', ring } });
    expect(res.statusCode, res.body).toBe(201);
    disasterId = res.json().id;
    const detail = (await t.api(cookie.grid_worker, 'GET', `/api/care/disasters/${disasterId}`)).json();
    const mine = detail.shops.filter((s: { workerId: number }) => s.workerId === ids.worker1);
    expect(mine.length).toBeGreaterThan(0);
    expect(detail.shops.every((s: { workerId: number }) => s.workerId === ids.worker1)).toBe(true);
    const shop = mine[0].retailerId as number;
    const tasks = (await t.api(cookie.grid_worker, 'GET', '/api/care/tasks')).json().items as { kind: string; retailerId: number }[];
    expect(tasks.some((x) => x.kind === 'disaster_contact' && x.retailerId === shop)).toBe(true);
    const put = await t.api(cookie.grid_worker, 'PUT', `/api/care/disasters/${disasterId}/shops/${shop}/contact`, { reached: true, safe: true, damaged: true, lossesYuan: 3200, lossesNote: '仓库进水' });
    expect(put.statusCode, put.body).toBe(200);
    const after = (await t.api(cookie.county_manager, 'GET', `/api/care/disasters/${disasterId}`)).json();
    expect(after.shops.find((s: { retailerId: number }) => s.retailerId === shop)).toMatchObject({ reached: true, safe: true, damaged: true, lossesYuan: 3200 });
    expect(after.disaster.contacted).toBe(1);
  });

  it('keeps a help ledger that refuses what is wrong and changes nothing', async () => {
    const detail = (await t.api(cookie.county_manager, 'GET', `/api/care/disasters/${disasterId}`)).json();
    const shop = detail.shops[0].retailerId as number;
    const ok = { retailerId: shop, kind: 'money', amountYuan: 500, description: '慰问金', approverId: ids.station1, givenOn: '2026-09-25' };
    const before = await count('care_help');
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...ok, amountYuan: 0 }, 422, 'care_help_amount'],
      [{ ...ok, approverId: ids.worker1 }, 422, 'care_help_approver'],
      [{ ...ok, givenOn: '2026-09-01' }, 422, 'care_help_date'],
      [{ ...ok, givenOn: '2026-12-01' }, 422, 'care_help_date'],
      [{ ...ok, retailerId: other }, 422, 'care_not_affected'],
      [{ ...ok, kind: 'gold' }, 400, 'validation_failed'],
      [{ ...ok, amountYuan: -5 }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.api(cookie.county_manager, 'POST', `/api/care/disasters/${disasterId}/help`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
    }
    expect(await count('care_help')).toBe(before);
    expect((await t.api(cookie.county_manager, 'POST', `/api/care/disasters/${disasterId}/help`, ok)).statusCode).toBe(201);
    const pickup = await t.api(cookie.county_manager, 'POST', `/api/care/disasters/${disasterId}/help`, { ...ok, kind: 'pickup_point', amountYuan: 0, description: '村部设临时取货点', approverId: ids.manager });
    expect(pickup.statusCode).toBe(201);
    const card = (await t.api(cookie.county_manager, 'GET', `/api/retailers/${shop}/care`)).json();
    expect(card.help.map((h: { kind: string }) => h.kind).sort()).toEqual(['money', 'pickup_point']);
  });

  it('freezes the ratings of the affected months, skipping a published month', async () => {
    const [pub] = await query<{ month: string }>(t.database.db, sql`select month from rating_runs where org_id = ${ids.orgId} and status = 'published' order by month desc limit 1`);
    const months = ['2026-12', ...(pub ? [pub.month] : [])];
    const res = await t.api(cookie.county_manager, 'POST', `/api/care/disasters/${disasterId}/freeze`, { months });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.frozen).toBeGreaterThan(0);
    if (pub) expect(body.skippedPublished).toEqual([pub.month]);
    const again = (await t.api(cookie.county_manager, 'POST', `/api/care/disasters/${disasterId}/freeze`, { months })).json();
    expect(again.frozen).toBe(0);
    const detail = (await t.api(cookie.county_manager, 'GET', `/api/care/disasters/${disasterId}`)).json();
    expect(detail.freezes).toEqual([{ month: '2026-12', shops: detail.shops.length }]);
  });

  it('draws the recovery curve against the eight weeks before and closes the case at its level', async () => {
    const curve = (await t.api(cookie.county_manager, 'GET', `/api/care/disasters/${disasterId}/recovery`)).json();
    expect(curve.eventWeek).toBe('2026-09-14');
    expect(curve.area.length).toBeGreaterThanOrEqual(9);
    const latest = curve.area[curve.area.length - 1].share as number;
    expect(latest).toBeGreaterThan(0);
    // Same shops, one case asking more than the area reached, one asking less.
    const high = (await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '高', kind: 'flood', occurredOn: '2026-09-20', area: { kind: 'polygon', ring }, recoveryLevel: Math.min(1.5, latest + 0.2) })).json().id;
    const low = (await t.api(cookie.county_manager, 'POST', '/api/care/disasters', { name: '低', kind: 'flood', occurredOn: '2026-09-20', area: { kind: 'polygon', ring }, recoveryLevel: Math.max(0.3, latest - 0.1) })).json().id;
    const run = await closeRecoveredDisasters(t.database.db, ids.orgId, TODAY);
    expect(run.closed).toContain(low);
    expect(run.closed).not.toContain(high);
    const list = (await t.api(cookie.county_manager, 'GET', '/api/care/disasters')).json().items as { id: number; status: string; latestShare: number }[];
    expect(list.find((d) => d.id === low)).toMatchObject({ status: 'closed', latestShare: latest });
    expect(list.find((d) => d.id === high)!.status).toBe('open');
  });

  it('picks shops by grid or by village', async () => {
    const [g] = await query<{ id: number; n: number }>(t.database.db, sql`select g.id, (select count(*)::int from retailers r where r.grid_id = g.id and r.status = 'active') as n from grids g where g.worker_id = ${ids.worker1} order by g.id limit 1`);
    const byGrid = (await t.api(cookie.county_manager, 'POST', '/api/care/disasters/preview', { area: { kind: 'grids', gridIds: [g.id] } })).json();
    expect(byGrid.shops).toHaveLength(g.n);
    const [v] = await query<{ id: number }>(t.database.db, sql`select id from villages where org_id = ${ids.orgId} order by id limit 1`);
    const byVillage = await t.api(cookie.county_manager, 'POST', '/api/care/disasters/preview', { area: { kind: 'villages', villageIds: [v.id], radiusKm: 5 } });
    expect(byVillage.statusCode).toBe(200);
  });
});

describe('care tasks and the demo', () => {
  it('a worker marks a task done once, audited; a second time is refused', async () => {
    const open = (await t.api(cookie.grid_worker, 'GET', '/api/care/tasks')).json().items as { id: number }[];
    expect(open.length).toBeGreaterThan(0);
    const audits = await auditCount('update', 'care_task');
    expect((await t.api(cookie.grid_worker, 'POST', `/api/care/tasks/${open[0].id}/done`, { note: '已上门' })).statusCode).toBe(200);
    expect(await auditCount('update', 'care_task')).toBe(audits + 1);
    const again = await t.api(cookie.grid_worker, 'POST', `/api/care/tasks/${open[0].id}/done`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('care_task_done');
    expect((await t.api(cookie.call_agent, 'POST', `/api/care/tasks/${open[0].id}/done`, {})).statusCode).toBe(403);
  });

  it('the demo county has a register, a flood with contacts and help, activities and care tasks', async () => {
    const db = t.database.db;
    expect(await count('care_special_groups', sql`created_by = ${ids.manager}`)).toBeGreaterThanOrEqual(5);
    const [flood] = await query<{ id: number; shops: number; contacted: number; help: number }>(db, sql`select d.id, (select count(*)::int from care_disaster_shops s where s.disaster_id = d.id) as shops,
      (select count(*)::int from care_disaster_shops s where s.disaster_id = d.id and s.contacted_at is not null) as contacted,
      (select count(*)::int from care_help h where h.disaster_id = d.id) as help from care_disasters d order by d.id limit 1`);
    expect(flood.shops).toBeGreaterThan(3);
    expect(flood.contacted).toBeGreaterThan(0);
    expect(flood.help).toBeGreaterThan(0);
    expect(await count('care_activities')).toBeGreaterThanOrEqual(3);
    expect(await count('care_tasks', sql`kind = 'proof_expired'`)).toBeGreaterThanOrEqual(1);
    expect(await count('rating_freezes', sql`reason like '灾害%'`)).toBeGreaterThan(0);
  });
});

describe('community activities', () => {
  it('records an activity with shops, staff and photos, shown on the shop file', async () => {
    const res = await t.api(cookie.grid_worker, 'POST', '/api/care/activities', {
      kind: 'practical_deeds', title: '我为群众办实事：帮老人修门头', heldOn: '2026-11-20', retailerIds: [own], staffIds: [ids.worker1, ids.station1], photos: [PNG],
    });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await t.api(cookie.grid_worker, 'POST', '/api/care/activities', { kind: 'donation', title: '捐赠', heldOn: '2026-11-20', retailerIds: [other] });
    expect(bad.statusCode).toBe(404);
    const card = (await t.api(cookie.station_head, 'GET', `/api/retailers/${own}/care`)).json();
    expect(card.activities.map((a: { title: string }) => a.title)).toContain('我为群众办实事：帮老人修门头');
    const photoId = card.activities[0].photoIds[0];
    expect((await t.api(cookie.station_head, 'GET', `/api/care/files/${photoId}`)).headers['content-type']).toBe('image/png');
  });
});
