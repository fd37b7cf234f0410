// The retailer file through the HTTP API: search, the card, masking with its
// audit trail, and edits with validation and history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { pinyinInitials } from '../../src/domain/retailers/search-tokens.js';
import { findRetailers } from '../../src/app/retailers/retailer-queries.js';
import { retailerListQuerySchema } from '../../src/shared/retailer.js';
import { findViewerBySession } from '../../src/app/auth/session-queries.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let worker: string;
let manager: string;
let head: string;
type Row = { id: number; shopName: string; phone: string; customerCode: string; licenceNo: string; address: string; version: number; lat: number; lng: number };
let target: Row;

const auditCount = async (action: string, id: number) =>
  (
    await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from audit_log where action = ${action} and ${id} = any(entity_ids)`,
    )
  )[0].n;

beforeAll(async () => {
  t = await startTestApp();
  [worker, manager, head] = await Promise.all([t.login('grid_worker'), t.login('county_manager'), t.login('station_head')]);
  [target] = await query<Row>(
    t.database.db,
    sql`select r.id, r.shop_name as "shopName", r.phone, r.customer_code as "customerCode", r.licence_no as "licenceNo",
      r.address, r.version, r.lat, r.lng
      from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
      where u.username = 'worker1' and r.status = 'active' order by r.id limit 1`,
  );
});
afterAll(() => t?.close());

describe('search', () => {
  const ids = async (q: string, cookie = worker) =>
    ((await t.api(cookie, 'GET', `/api/retailers?pageSize=200&q=${encodeURIComponent(q)}`)).json().items as { id: number }[]).map((r) => r.id);

  it('finds a retailer by shop name, pinyin initials, code, licence, phone and address', async () => {
    const name = Array.from(target.shopName);
    const queries = [
      name.slice(0, 2).join(''),
      pinyinInitials(target.shopName),
      target.customerCode,
      target.licenceNo.slice(-6),
      target.phone.slice(-4),
      Array.from(target.address).slice(-4).join(''),
    ];
    for (const q of queries) expect(await ids(q), q).toContain(target.id);
  });

  it('finds chain convenience stores by the initials users type (bldl → 便利店（来龙门店）)', async () => {
    const res = (await t.api(manager, 'GET', '/api/retailers?pageSize=200&q=bldl')).json();
    expect(res.total).toBeGreaterThan(0);
    for (const r of res.items as { shopName: string }[]) expect(pinyinInitials(r.shopName)).toContain('bldl');
  });

  it('stops counting a common term at the cap and still returns the true first page in order', async () => {
    const viewer = (await findViewerBySession(t.database.db, decodeURIComponent(manager.split('=')[1]), TODAY))!.viewer;
    for (const [q, sort, order] of [['便利', 'customerCode', 'asc'], ['醴陵', 'star', 'desc'], ['来龙门', 'customerCode', 'desc']] as const) {
      const params = retailerListQuerySchema.parse({ q, sort, order, pageSize: '5', page: '2' });
      const full = await findRetailers(t.database.db, viewer, params, 100_000);
      expect(full.total, q).toBeGreaterThan(10);
      // Paged from the matches themselves, and (as for a term with thousands of matches) along the sort index.
      for (const sortMatchesMax of [100_000, 10]) {
        const capped = await findRetailers(t.database.db, viewer, params, 10, sortMatchesMax);
        expect(capped, q).toMatchObject({ total: 10, totalCapped: true });
        expect(capped.items.map((r) => r.id), q).toEqual(full.items.map((r) => r.id));
      }
    }
    const api = (await t.api(manager, 'GET', '/api/retailers?q=bldl')).json();
    expect(api.totalCapped).toBe(false);
  });

  it('returns only matching rows and nothing for a query that matches nothing', async () => {
    const q = Array.from(target.shopName).slice(0, 2).join('');
    const res = (await t.api(worker, 'GET', `/api/retailers?pageSize=200&q=${encodeURIComponent(q)}`)).json();
    expect(res.items.every((r: { shopName: string; address: string }) => (r.shopName + r.address).includes(q))).toBe(true);
    expect(await ids('不存在的店名称啊')).toEqual([]);
  });

  it('filters, sorts and pages', async () => {
    const urban = (await t.api(manager, 'GET', '/api/retailers?network=urban&pageSize=200')).json();
    expect(urban.total).toBeGreaterThan(0);
    expect(urban.items.every((r: { network: string }) => r.network === 'urban')).toBe(true);

    const byStar = (await t.api(manager, 'GET', '/api/retailers?sort=star&order=desc&pageSize=50')).json();
    const stars = byStar.items.map((r: { star: number }) => r.star);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));

    const p1 = (await t.api(manager, 'GET', '/api/retailers?pageSize=10&page=1')).json();
    const p2 = (await t.api(manager, 'GET', '/api/retailers?pageSize=10&page=2')).json();
    expect(p1.items).toHaveLength(10);
    expect(p1.total).toBe(p2.total);
    expect(p1.items.map((r: { id: number }) => r.id)).not.toContain(p2.items[0].id);

    const tiers = (await t.api(manager, 'GET', '/api/retailers?tierMin=10&tierMax=12&pageSize=200')).json();
    expect(tiers.items.every((r: { tier: number }) => r.tier >= 10 && r.tier <= 12)).toBe(true);
  });

  it('rejects a bad filter with a clear error', async () => {
    const res = await t.api(manager, 'GET', '/api/retailers?pageSize=5000');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });
});

describe('the card (一口清)', () => {
  it('shows the file with twelve months of sales', async () => {
    const card = (await t.api(worker, 'GET', `/api/retailers/${target.id}`)).json();
    expect(card).toMatchObject({ id: target.id, customerCode: target.customerCode, shopName: target.shopName });
    expect(card.sales.months).toHaveLength(12);
    expect(card.sales.months[11].month).toBe('2026-10');
    expect(card.gridName).toBeTruthy();
    expect(card.workerName).toBeTruthy();
  });

  it('shows the phone to the grid worker, and logs that view', async () => {
    const before = await auditCount('view_pii', target.id);
    const card = (await t.api(worker, 'GET', `/api/retailers/${target.id}`)).json();
    expect(card.phone).toBe(target.phone);
    expect(card.masked.phone).toBe(false);
    expect(await auditCount('view_pii', target.id)).toBe(before + 1);
  });

  it('masks phone, family and ID number for the county manager, and logs nothing', async () => {
    const before = await auditCount('view_pii', target.id);
    const card = (await t.api(manager, 'GET', `/api/retailers/${target.id}`)).json();
    expect(card.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(card.masked).toEqual({ phone: true, family: true, idNumber: true });
    for (const m of card.familyMembers) expect(m.name).toMatch(/\*/);
    if (card.legalPersonIdNo) expect(card.legalPersonIdNo).toMatch(/\*{10}/);
    const list = (await t.api(manager, 'GET', `/api/retailers?q=${target.customerCode}`)).json();
    expect(list.items[0].phone).not.toBe(target.phone);
    expect(await auditCount('view_pii', target.id)).toBe(before);
  });

  it('a station head sees the phone but not the family', async () => {
    const card = (await t.api(head, 'GET', `/api/retailers/${target.id}`)).json();
    expect(card.phone).toBe(target.phone);
    expect(card.masked.family).toBe(true);
  });
});

describe('editing', () => {
  const version = async () => (await query<{ version: number }>(t.database.db, sql`select version from retailers where id = ${target.id}`))[0].version;
  const historyLength = async () => (await t.api(worker, 'GET', `/api/retailers/${target.id}/history`)).json().length;

  it('saves a change and shows it in the history (who, when, old → new)', async () => {
    const newAddress = `${target.address}（新址）`;
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: await version(), address: newAddress });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().address).toBe(newAddress);
    const history = (await t.api(worker, 'GET', `/api/retailers/${target.id}/history`)).json();
    expect(history[0]).toMatchObject({ source: 'edit', changes: [{ field: 'address', old: target.address, new: newAddress }] });
    expect(history[0].userName).toBeTruthy();
  });

  it('a history showing a changed phone unmasked is in the audit log; a masked one is not', async () => {
    const newPhone = '13912345678';
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: await version(), phone: newPhone });
    expect(res.statusCode, res.body).toBe(200);
    const before = await auditCount('view_pii', target.id);
    const asWorker = (await t.api(worker, 'GET', `/api/retailers/${target.id}/history`)).json();
    expect(asWorker[0].changes).toEqual([expect.objectContaining({ field: 'phone', new: newPhone })]);
    expect(await auditCount('view_pii', target.id)).toBe(before + 1);
    const asManager = (await t.api(manager, 'GET', `/api/retailers/${target.id}/history`)).json();
    expect(asManager[0].changes[0].new).not.toBe(newPhone);
    expect(await auditCount('view_pii', target.id)).toBe(before + 1);
  });

  it('a renamed shop is found by its new name and initials', async () => {
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: await version(), shopName: '知音测试便利店' });
    expect(res.statusCode, res.body).toBe(200);
    const hits = (await t.api(worker, 'GET', `/api/retailers?q=zycsbld`)).json();
    expect(hits.items.map((r: { id: number }) => r.id)).toContain(target.id);
  });

  it('rejects bad values with field errors in Chinese and changes nothing', async () => {
    const v = await version();
    const n = await historyLength();
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v, phone: '12345', licenceNo: 'ABC' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    const fields = body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['licenceNo', 'phone']);
    expect(body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(body.details[0].messageEn).toBeTruthy();
    expect(await version()).toBe(v);
    expect(await historyLength()).toBe(n);
  });

  it('refuses a position outside the county', async () => {
    const v = await version();
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v, lat: 28.2, lng: 112.9 }); // Changsha
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ code: 'outside_county', message: '坐标不在本县范围内' });
    expect(await version()).toBe(v);
  });

  it('refuses a solar birthday that does not exist (02-30), but keeps a lunar 02-30', async () => {
    const v = await version();
    const solar = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v, birthday: '1971-02-30', birthdayCalendar: 'solar' });
    expect(solar.statusCode).toBe(400);
    expect(solar.json().details[0]).toMatchObject({ field: 'birthday', code: 'date_format' });
    expect(await version()).toBe(v);
    const lunar = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v, birthday: '1971-02-30', birthdayCalendar: 'lunar' });
    expect(lunar.statusCode, lunar.body).toBe(200);
    // Switching that birthday to the solar calendar alone would make it impossible.
    const toSolar = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v + 1, birthdayCalendar: 'solar' });
    expect(toSolar.statusCode).toBe(400);
    expect(await version()).toBe(v + 1);
  });

  // Licence numbers are marketing's to change (decision 1402).
  it('refuses a licence number of another county', async () => {
    const res = await t.api(manager, 'PATCH', `/api/retailers/${target.id}`, { version: await version(), licenceNo: '430102123456' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].code).toBe('licence_area');
  });

  it('refuses an edit based on a stale version', async () => {
    const v = await version();
    const res = await t.api(worker, 'PATCH', `/api/retailers/${target.id}`, { version: v - 1, storeImage: 'D' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('version_conflict');
  });

  it('refuses a licence number that another retailer holds', async () => {
    const [other] = await query<{ licenceNo: string }>(t.database.db, sql`select licence_no as "licenceNo" from retailers where id <> ${target.id} limit 1`);
    const v = await version();
    const res = await t.api(manager, 'PATCH', `/api/retailers/${target.id}`, { version: v, licenceNo: other.licenceNo });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('duplicate_licence');
    expect(await version()).toBe(v);
  });
});
