// The org tree (issue 19): a province and a city company above the counties.
// Province and city users read roll-ups of their subtree and, drilled into a
// county, read it as its county manager would and write nothing there; a
// county user never sees another county; rules set above are in force below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { query } from '../../src/db/client.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { seedProvince } from '../../src/app/demo/province-seed.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let liling: number; // the demo county
let youxian: number; // a second county of the same city
let hengyang: number; // a county of another city
let cityId: number;
const c = {} as Record<'province' | 'city' | 'manager' | 'yxManager' | 'hyManager', string>;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  [{ id: liling }] = await query<{ id: number }>(db, sql`select id from orgs where code = 'liling'`);
  [{ id: cityId }] = await query<{ id: number }>(db, sql`select id from orgs where code = 'zhuzhou'`);
  ({ orgId: youxian } = await cloneCounty(db, liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: cityId, usernamePrefix: 'yx_', withOrders: true }));
  const made = await seedProvince(db, { counties: 3, withOrders: 0 });
  hengyang = made.countyIds[0];
  forgetOrgTree();
  c.province = await t.login(['province', 'province123']);
  c.city = await t.login(['city', 'city123']);
  c.manager = await t.login('county_manager');
  c.yxManager = await t.login(['yx_manager', 'manager123']);
  c.hyManager = await t.login(['c003_manager', 'manager123']);
  await t.jobs.waitIdle();
});
afterAll(() => t?.close());

describe('roll-ups by city and county', () => {
  it('the province refreshes its roll-ups as jobs, one per county, and reads them by city, then by county', async () => {
    const job = await t.queued(c.province, await t.call(c.province, 'POST', '/api/rollups/refresh'));
    expect(job.state).toBe('completed');
    expect(job.result.queued).toBe(3);
    await t.jobs.waitIdle();
    const province = (await t.call(c.province, 'GET', '/api/rollups')).json();
    expect(province.parent.level).toBe('province');
    expect(province.total.counties).toBe(3);
    expect(province.total.missing).toBe(0);
    const zhuzhou = province.rows.find((r: { orgId: number }) => r.orgId === cityId);
    expect(zhuzhou).toMatchObject({ level: 'city', counties: 2 });
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers where org_id in (${liling}, ${youxian})`);
    expect(zhuzhou.retailers.total).toBe(n);

    const city = (await t.call(c.province, 'GET', `/api/rollups?parentId=${cityId}`)).json();
    expect(city.rows.map((r: { orgId: number }) => r.orgId).sort()).toEqual([liling, youxian].sort());
    // A county's row says what its own stock-out screen says.
    const own = (await t.call(c.manager, 'GET', '/api/ordering/stats')).json();
    const row = city.rows.find((r: { orgId: number }) => r.orgId === liling);
    expect(row.supply.weekStart).toBe(own.weekStart);
    expect(row.stockoutRatePct).toBe(own.stockoutRatePct);
    expect(row.sellThroughPct).toBe(own.sellThroughPct);
    // The copied county has the same history, so the city's rates are the county's.
    expect(city.total.stockoutRatePct).toBe(own.stockoutRatePct);
  });

  it('a city user sees only its own city; another city is missing to them', async () => {
    const mine = (await t.call(c.city, 'GET', '/api/rollups')).json();
    expect(mine.parent.orgId).toBe(cityId);
    expect(mine.rows).toHaveLength(2);
    const [{ id: other }] = await query<{ id: number }>(t.database.db, sql`select parent_id as id from org_units where org_id = ${hengyang}`);
    const res = await t.call(c.city, 'GET', `/api/rollups?parentId=${other}`);
    expect(res.statusCode).toBe(404);
  });

  it('the retailer search above a county counts the matches per county and lists them with their county', async () => {
    const [shop] = await query<{ name: string }>(t.database.db, sql`select shop_name as name from retailers where org_id = ${liling} order by id limit 1`);
    const res = (await t.call(c.province, 'GET', `/api/rollups/retailers?q=${encodeURIComponent(shop.name)}`)).json();
    const counties = new Map(res.counties.map((x: { orgId: number; matches: number }) => [x.orgId, x.matches]));
    expect(counties.get(liling)).toBeGreaterThan(0);
    expect(counties.get(youxian)).toBe(counties.get(liling));
    expect(res.items.every((i: { countyName: string }) => i.countyName.length > 0)).toBe(true);
    expect((await t.call(c.manager, 'GET', '/api/rollups/retailers?q=abc')).statusCode).toBe(403);
  });
});

describe('the roll-up as a file', () => {
  const csvLines = (body: string) => body.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);

  it('the province exports every city with its counties under it, the figures of the screen, audited', async () => {
    const res = await t.call(c.province, 'GET', '/api/rollups/export?format=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('省市汇总'));
    const lines = csvLines(res.body);
    expect(lines[0]).toMatch(/^级别,市公司,县局,县局数,零售户,在营/);
    const screen = (await t.call(c.province, 'GET', '/api/rollups')).json();
    // The total first, then each city followed by its counties.
    expect(lines[1].startsWith(`省,,,${screen.total.counties},${screen.total.retailers.total},`)).toBe(true);
    const zhuzhou = lines.findIndex((l) => l.startsWith('市,株洲市烟草公司,,2,'));
    expect(zhuzhou).toBeGreaterThan(1);
    const counties = lines.slice(zhuzhou + 1, zhuzhou + 3).map((l) => l.split(',')[2]).sort();
    expect(counties).toEqual(['攸县烟草专卖局（营销部）', (await query<{ name: string }>(t.database.db, sql`select name from orgs where id = ${liling}`))[0].name].sort());
    const countyLines = lines.filter((l) => l.startsWith('县,'));
    expect(countyLines).toHaveLength(screen.total.counties);
    const audits = await query<{ ids: number[] }>(
      t.database.db,
      sql`select a.entity_ids as ids from audit_log a join users u on u.id = a.user_id /* cross-org: a province user */
          where a.action = 'export' and a.entity = 'rollup' and u.username = 'province'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0].ids).toContain(liling);
  });

  it("a city's file holds its own counties only, in English on request; a county user gets none", async () => {
    const res = await t.call(c.city, 'GET', '/api/rollups/export?format=csv&lang=en');
    const lines = csvLines(res.body);
    expect(lines[0]).toMatch(/^Level,City,County,Counties,Shops/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['City', 'County', 'County']);
    expect(res.body).not.toContain('c003');
    const [{ name: other }] = await query<{ name: string }>(t.database.db, sql`select name from orgs where id = ${hengyang}`);
    expect(res.body).not.toContain(other);
    const [{ id: otherCity }] = await query<{ id: number }>(t.database.db, sql`select parent_id as id from org_units where org_id = ${hengyang}`);
    expect((await t.call(c.city, 'GET', `/api/rollups/export?parentId=${otherCity}`)).statusCode).toBe(404);
    const county = await t.call(c.manager, 'GET', '/api/rollups/export');
    expect(county.statusCode).toBe(403);
  });

  it('a county name that looks like a formula is text in both files', async () => {
    const db = t.database.db;
    const [{ name }] = await query<{ name: string }>(db, sql`select name from orgs where id = ${youxian}`);
    await db.execute(sql`update orgs set name = '=HYPERLINK("http://x.example","攸县")' where id = ${youxian}`);
    forgetOrgTree();
    try {
      const csv = await t.call(c.city, 'GET', '/api/rollups/export?format=csv');
      expect(csv.body).toContain(`"'=HYPERLINK(""http://x.example"",""攸县"")"`);
      const xlsx = await t.call(c.city, 'GET', '/api/rollups/export');
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const cells = wb.worksheets[0].getColumn(3).values.filter(Boolean);
      const cell = cells.find((v) => String(v).includes('HYPERLINK'));
      expect(typeof cell).toBe('string');
    } finally {
      await db.execute(sql`update orgs set name = ${name} where id = ${youxian}`);
      forgetOrgTree();
    }
  });
});

describe('a province or city user in a county reads it and changes nothing', () => {
  it('at home, a county screen asks for a county first', async () => {
    const res = await t.call(c.province, 'GET', '/api/retailers');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('org_county_required');
  });

  it('drilled into a county: its retailers, its stock-out screen by grid, masked phones', async () => {
    const list = (await t.call(c.province, 'GET', '/api/retailers?pageSize=5', { org: liling })).json();
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers where org_id = ${liling}`);
    expect(list.total).toBe(n);
    expect(list.items[0].phone ?? '').not.toMatch(/^\d{11}$/);
    const stats = await t.call(c.city, 'GET', '/api/ordering/stats', { org: liling });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().grids.length).toBeGreaterThan(0);
    const me = (await t.call(c.province, 'GET', '/api/me', { org: liling })).json();
    expect(me.regional).toMatchObject({ role: 'regional_marketing', level: 'province', county: { orgId: liling } });
  });

  it('every write in the county is refused with org_read_only and changes nothing', async () => {
    const [r] = await query<{ id: number; version: number; shopName: string }>(
      t.database.db,
      sql`select id, version, shop_name as "shopName" from retailers where org_id = ${liling} order by id limit 1`,
    );
    const attempts = [
      ['PATCH', `/api/retailers/${r.id}`, { version: r.version, shopName: '改名' }],
      ['POST', '/api/supply-plans', { weekStart: '2026-12-07' }],
      ['POST', '/api/ratings/runs', { month: '2026-11' }],
      ['POST', '/api/desk/cases', {}],
      ['DELETE', '/api/calendar/overrides/2026-12-24', undefined],
    ] as const;
    for (const [method, url, body] of attempts) {
      const res = await t.call(c.province, method, url, { org: liling, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('org_read_only');
      expect(res.json().message).toMatch(/只读/);
    }
    const [after] = await query<{ version: number; shopName: string }>(t.database.db, sql`select version, shop_name as "shopName" from retailers where id = ${r.id}`);
    expect(after).toEqual({ version: r.version, shopName: r.shopName });
  });

  it('tells the web it may only read there: no write permission, no screen that only writes (1920)', async () => {
    const drilled = (await t.call(c.province, 'GET', '/api/me', { org: liling })).json();
    const own = (await t.call(c.manager, 'GET', '/api/me')).json();
    // The county manager's reads, none of its writes: the web's edit, move, import and order buttons are gone.
    expect(drilled.permissions).toEqual(expect.arrayContaining(['retailer.read', 'retailer.export', 'rating.read', 'supply.read']));
    for (const p of ['retailer.update', 'retailer.identity', 'rating.manage', 'supply.manage', 'order.take', 'desk.create', 'calendar.manage', 'org.rules']) {
      expect(own.permissions).toContain(p);
      expect(drilled.permissions).not.toContain(p);
    }
    expect(own.menu).toEqual(expect.arrayContaining(['import', 'take-orders', 'notice-send']));
    expect(drilled.menu).toEqual(expect.arrayContaining(['retailers', 'ordering-stats', 'ratings']));
    expect(drilled.menu.filter((m: string) => ['import', 'take-orders', 'notice-send', 'survey-calls'].includes(m))).toEqual([]);
    // At home the province keeps its own right to set rules.
    expect((await t.call(c.province, 'GET', '/api/me')).json().permissions).toContain('org.rules');
  });

  it('logging in again or out is never refused while looking into a county', async () => {
    const again = await t.call(c.province, 'POST', '/api/auth/login', { org: liling, body: { username: 'city', password: 'city123' } });
    expect(again.statusCode).toBe(200);
    const session = again.cookies.find((k) => k.name === 'zy_session')!;
    const out = await t.call(`zy_session=${session.value}`, 'POST', '/api/auth/logout', { org: liling });
    expect(out.statusCode).toBe(200);
  });

  it('a city user cannot drill into a county of another city, nor into a city', async () => {
    const other = await t.call(c.city, 'GET', '/api/retailers', { org: hengyang });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('org_out_of_scope');
    const city = await t.call(c.province, 'GET', '/api/retailers', { org: cityId });
    expect(city.json().code).toBe('org_county_required');
    expect((await t.call(c.province, 'GET', '/api/retailers', { org: hengyang })).statusCode).toBe(200);
  });
});

describe('a county user never sees another county', () => {
  it('lists only its own retailers; another county’s shop is missing; asking for the other county is refused', async () => {
    const [{ id: lilingShop }] = await query<{ id: number }>(t.database.db, sql`select id from retailers where org_id = ${liling} order by id limit 1`);
    const [{ id: yxShop }] = await query<{ id: number }>(t.database.db, sql`select id from retailers where org_id = ${youxian} order by id limit 1`);
    const list = (await t.call(c.yxManager, 'GET', '/api/retailers?pageSize=200')).json();
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers where org_id = ${youxian}`);
    expect(list.total).toBe(n);
    const ids = new Set(list.items.map((i: { id: number }) => i.id));
    expect(ids.has(lilingShop)).toBe(false);
    expect((await t.call(c.yxManager, 'GET', `/api/retailers/${lilingShop}`)).statusCode).toBe(404);
    expect((await t.call(c.manager, 'GET', `/api/retailers/${yxShop}`)).statusCode).toBe(404);
    expect((await t.call(c.hyManager, 'GET', `/api/retailers/${lilingShop}`)).statusCode).toBe(404);
    const asked = await t.call(c.yxManager, 'GET', '/api/retailers', { org: liling });
    expect(asked.statusCode).toBe(403);
    expect(asked.json().code).toBe('org_out_of_scope');
    expect((await t.call(c.yxManager, 'GET', '/api/rollups')).statusCode).toBe(403);
    // Same names in both counties (a copy), yet the search stays in the county.
    const [shop] = await query<{ name: string }>(t.database.db, sql`select shop_name as name from retailers where id = ${lilingShop}`);
    const found = (await t.call(c.yxManager, 'GET', `/api/retailers?q=${encodeURIComponent(shop.name)}`)).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((i: { id: number }) => i.id !== lilingShop)).toBe(true);
  });
});

describe('rules set above, in force below', () => {
  it('shows which org’s version is in force; a county overrides only what may be overridden', async () => {
    const tiers = (await t.call(c.manager, 'GET', '/api/org-rules/tier_shares')).json();
    expect(tiers.inForce).toMatchObject({ orgId: liling, version: 1, overrides: '湖南省烟草公司' });
    const yx = (await t.call(c.yxManager, 'GET', '/api/org-rules/tier_shares')).json();
    expect(yx.inForce).toMatchObject({ orgName: '湖南省烟草公司', level: 'province', version: 1 });
    const policy = (await t.call(c.manager, 'GET', '/api/org-rules/complaint_policy')).json();
    expect(policy.inForce).toMatchObject({ level: 'province', overridable: false });
    const refused = await t.call(c.manager, 'PUT', '/api/org-rules/complaint_policy', { body: { body: { firstContactHours: 8 }, overridable: true } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('org_rule_not_overridable');

    // The province makes tier shares binding: its new version is in force in every county, 醴陵's own included.
    const set = await t.call(c.province, 'PUT', '/api/org-rules/tier_shares', { body: { body: { top: 5, middle: 55, bottom: 40 }, overridable: false } });
    expect(set.statusCode).toBe(200);
    expect(set.json().inForce).toMatchObject({ level: 'province', version: 2 });
    const now = (await t.call(c.manager, 'GET', '/api/org-rules/tier_shares')).json();
    expect(now.inForce).toMatchObject({ level: 'province', version: 2, body: { middle: 55 } });
    const [audit] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from audit_log where entity = 'org_rule'`);
    expect(audit.n).toBe(1);
    // Drilled into a county, the province cannot set the county's rule either.
    const drilled = await t.call(c.province, 'PUT', '/api/org-rules/tier_shares', { org: liling, body: { body: {}, overridable: true } });
    expect(drilled.json().code).toBe('org_read_only');
  });
});
