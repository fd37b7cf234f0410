// Moving a shop to another county (issue 19, decision 1902) through the HTTP
// app: every row the shop owns arrives under the new org and none stays behind,
// the old county's plan rows for it end, the old card says where it went, both
// orgs audit it, and a refused move changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { CARRIED, ENDED, tableName } from '../../src/app/retailers/retailer-move-plan.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { findWeeklyDemandByShopAndProduct } from '../../src/db/forecast-reads.js';
import { findWeeklyDemandRolledUp, rollUpDemandWeeks } from '../../src/db/demand-weeks.js';
import { startTestApp, TODAY, type DemoRole, type TestApp } from '../support/test-app.js';

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let from: number;
let to: number;
let toGrid: number;
let shop: number;
let shopUser: number;

const db = () => t.database.db;
const n = async (statement: ReturnType<typeof sql>) => (await query<{ n: number }>(db(), statement))[0]!.n;

async function totals(): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(db(), sql`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and relname not like '%drizzle%' order by 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = await n(sql`select count(*)::int as n from ${sql.identifier(name)}`);
  return out;
}

/** Rows of each carried table that belong to the shop in `org`. */
async function shopRows(org: number): Promise<Record<string, number>> {
  const keys = { from: org, retailerId: shop, userId: shopUser };
  const out: Record<string, number> = {};
  for (const step of [...CARRIED, ...ENDED]) {
    out[tableName(step.table)] = await n(sql`select count(*)::int as n from ${step.table} s where s.org_id = ${org} and ${step.rows(keys)}`);
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'retailer', 'call_agent'] as DemoRole[]) cookie[role] = await t.login(role);
  [{ from, shop, shopUser }] = await query<{ from: number; shop: number; shopUser: number }>(
    db(),
    sql`select org_id as "from", retailer_id as shop, id as "shopUser" from users where username = 'retailer'`,
  );
  // The neighbouring county: its own station, grid worker and grid, and the same product catalogue.
  [{ to }] = await query<{ to: number }>(
    db(),
    sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
      select 'NEIGHBOUR', '邻县营销部', '430282', boundary, center_lat, center_lng from orgs where id = ${from} returning id as "to"`,
  );
  const [{ station }] = await query<{ station: number }>(db(), sql`insert into stations (org_id, code, name, lat, lng) values (${to}, 'N1', '邻县一站', 27.9, 113.1) returning id as station`);
  const [{ worker }] = await query<{ worker: number }>(
    db(),
    sql`insert into users (org_id, username, display_name, password_hash, role, station_id) select ${to}, 'nworker', '邻县客户经理', password_hash, 'grid_worker', ${station} from users where id = ${shopUser} returning id as worker`,
  );
  [{ toGrid }] = await query<{ toGrid: number }>(
    db(),
    sql`insert into grids (org_id, station_id, code, name, worker_id) values (${to}, ${station}, 'N1-01', '邻县一格', ${worker}) returning id as "toGrid"`,
  );
  await db().execute(sql`insert into products (org_id, code, brand, name, price_class, wholesale_price, retail_price, province_made, scarce, is_new, active)
    select ${to}, code, brand, name, price_class, wholesale_price, retail_price, province_made, scarce, is_new, active from products where org_id = ${from}`);
  forgetOrgTree(); // the neighbour is a county of the tree now
  // A complaint with events, so the service desk's tables have rows to carry too.
  const res = await t.api(cookie.call_agent, 'POST', '/api/desk/cases', { retailerId: shop, category: 'price', text: '零售价怎么定' });
  expect(res.statusCode, res.body).toBe(201);
  // A special-group record with its proof photo and an open care task: the register moves, the task ends (1921).
  const [{ photo }] = await query<{ photo: number }>(
    db(),
    sql`insert into care_files (org_id, purpose, content_type, bytes, size, sha256) values (${from}, 'special_group', 'image/png', '\\x89504e47'::bytea, 4, 'x') returning id as photo`,
  );
  const [{ group }] = await query<{ group: number }>(
    db(),
    sql`insert into care_special_groups (org_id, retailer_id, kind, authority, photo_id, valid_until, recheck_on)
      values (${from}, ${shop}, 'disabled', '县残联', ${photo}, '2027-12-31', '2027-06-30') returning id as group`,
  );
  await db().execute(sql`insert into care_tasks (org_id, kind, dedupe_key, retailer_id, due_on, title, special_group_id)
    values (${from}, 'recheck', ${`move-test-${group}`}, ${shop}, '2026-12-10', '走访', ${group})`);
});
afterAll(() => t?.close());

describe('refused moves change nothing', () => {
  it('is for administrators only, needs a reason, another county and a grid of it', async () => {
    const before = await totals();
    const body = { toOrgId: to, toGridId: toGrid, reason: '行政区划调整' };
    expect((await t.api(cookie.county_manager, 'POST', `/api/retailers/${shop}/move`, body)).statusCode).toBe(403);
    expect((await t.api(cookie.retailer, 'POST', `/api/retailers/${shop}/move`, body)).statusCode).toBe(403);
    const noReason = await t.api(cookie.admin, 'POST', `/api/retailers/${shop}/move`, { ...body, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const same = await t.api(cookie.admin, 'POST', `/api/retailers/${shop}/move`, { ...body, toOrgId: from });
    expect([same.statusCode, same.json().code]).toEqual([422, 'move_same_org']);
    const [{ ownGrid }] = await query<{ ownGrid: number }>(db(), sql`select grid_id as "ownGrid" from retailers where id = ${shop}`);
    const wrongGrid = await t.api(cookie.admin, 'POST', `/api/retailers/${shop}/move`, { ...body, toGridId: ownGrid });
    expect([wrongGrid.statusCode, wrongGrid.json().code]).toEqual([422, 'move_unknown_target']);
    expect((await t.api(cookie.admin, 'POST', `/api/retailers/99999999/move`, body)).statusCode).toBe(404);
    expect(await totals()).toEqual(before);
  });
});

describe('the move screen\'s preview', () => {
  it('lists the other counties, the chosen one\'s grids, what moves and what ends, and reads only', async () => {
    const before = await totals();
    const first = (await t.api(cookie.admin, 'GET', `/api/retailers/${shop}/move-preview`)).json();
    expect(first.counties.map((c: { orgId: number }) => c.orgId)).toContain(to);
    expect(first.counties.map((c: { orgId: number }) => c.orgId)).not.toContain(from);
    expect(first.grids).toEqual([]);
    const res = await t.api(cookie.admin, 'GET', `/api/retailers/${shop}/move-preview?toOrgId=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.refusals).toEqual([]);
    expect(p.grids).toEqual([{ id: toGrid, code: 'N1-01', name: '邻县一格', workerName: '邻县客户经理' }]);
    const mine = await shopRows(from);
    for (const step of CARRIED) expect(p.carried[tableName(step.table)] ?? 0).toBe(mine[tableName(step.table)]);
    expect(p.carried.care_special_groups).toBe(1);
    expect(p.ended.care_tasks).toBe(1);
    expect((await t.api(cookie.county_manager, 'GET', `/api/retailers/${shop}/move-preview`)).statusCode).toBe(403);
    expect(await totals()).toEqual(before);
  });

  it('shows why a shop in a community activity cannot move, in zh and en, and the move is refused the same way', async () => {
    const [{ other }] = await query<{ other: number }>(db(), sql`select id as other from retailers where org_id = ${from} and id <> ${shop} order by id limit 1`);
    const [{ activity }] = await query<{ activity: number }>(
      db(),
      sql`insert into care_activities (org_id, kind, title, held_on) values (${from}, 'volunteer', '敬老院志愿服务', '2026-11-20') returning id as activity`,
    );
    await db().execute(sql`insert into care_activity_shops (org_id, activity_id, retailer_id) values (${from}, ${activity}, ${other})`);
    const p = (await t.api(cookie.admin, 'GET', `/api/retailers/${other}/move-preview?toOrgId=${to}`)).json();
    expect(p.refusals).toEqual([expect.objectContaining({ code: 'move_has_care_records', message: expect.stringContaining('公益活动'), messageEn: expect.stringContaining('community-activity') })]);
    const before = await totals();
    const res = await t.api(cookie.admin, 'POST', `/api/retailers/${other}/move`, { toOrgId: to, toGridId: toGrid, reason: '许可证迁移' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'move_has_care_records']);
    expect(await totals()).toEqual(before);
  });
});

describe('moving a shop', () => {
  it('carries every record to the new county, leaves nothing behind but the forwarding record, and audits both', async () => {
    // Both counties' weekly demand is rolled up (decision 1818): the move must make them read their new order lines.
    for (const org of [from, to]) await rollUpDemandWeeks(db(), org, '2024-12-02', '2026-11-16', TODAY);
    const before = await totals();
    const mine = await shopRows(from);
    expect(mine.orders).toBeGreaterThan(10);
    expect(mine.order_lines).toBeGreaterThan(mine.orders);
    expect(mine.retailer_ratings).toBeGreaterThan(0);
    expect(mine.desk_cases).toBeGreaterThan(0);
    expect(mine.users).toBe(1);
    expect([mine.care_special_groups, mine.care_files, mine.care_tasks]).toEqual([1, 1, 1]);

    const res = await t.api(cookie.admin, 'POST', `/api/retailers/${shop}/move`, { toOrgId: to, toGridId: toGrid, reason: '行政区划调整：划入邻县' });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();

    const left = await shopRows(from);
    const arrived = await shopRows(to);
    for (const step of CARRIED) {
      const name = tableName(step.table);
      expect({ name, arrived: arrived[name], left: left[name] }).toEqual({ name, arrived: mine[name], left: 0 });
      expect(result.carried[name]).toBe(mine[name]);
    }
    for (const step of ENDED) {
      const name = tableName(step.table);
      expect({ name, left: left[name], arrived: arrived[name] }).toEqual({ name, left: 0, arrived: 0 });
      expect(result.ended[name]).toBe(mine[name]);
    }

    // Whole tables: the same rows, less the ended ones, plus the forwarding record, two audit rows and one
    // carried copy per rating run the shop's results came from.
    const after = await totals();
    const runs = await n(sql`select count(*)::int as n from rating_runs where org_id = ${to} and status = 'moved_in'`);
    expect(runs).toBeGreaterThan(0);
    const expected = { ...before };
    for (const [name, k] of Object.entries(result.ended as Record<string, number>)) expected[name]! -= k;
    expected.retailer_forwards! += 1;
    expected.audit_log! += 2;
    expected.rating_runs! += runs;
    const sessionsGone = before.sessions! - after.sessions!;
    expect(sessionsGone).toBeGreaterThanOrEqual(1);
    expected.sessions! -= sessionsGone;
    // The weeks the shop ordered in are forgotten in both counties' demand roll-up, to be rolled up again.
    const forgotten = before.demand_weeks! - after.demand_weeks!;
    expect(forgotten).toBeGreaterThan(mine.orders);
    expected.demand_weeks! -= forgotten;
    expect(after).toEqual(expected);
    for (const org of [from, to]) {
      const [rolled, scan] = [await findWeeklyDemandRolledUp(db(), org, '2024-12-02', '2026-11-16'), await findWeeklyDemandByShopAndProduct(db(), org, '2024-12-02', '2026-11-16')];
      const order = (rows: { key: string; monday: string }[]) => [...rows].sort((a, b) => (a.key + a.monday < b.key + b.monday ? -1 : 1));
      expect(order(rolled.shop)).toEqual(order(scan.shop));
      expect(order(rolled.product)).toEqual(order(scan.product));
    }

    // Each carried rating result points at a run of the new county for the same month.
    expect(
      await n(sql`select count(*)::int as n from retailer_ratings x join rating_runs r on r.org_id = x.org_id and r.id = x.run_id
        where x.org_id = ${to} and x.retailer_id = ${shop} and r.month = x.month`),
    ).toBe(mine.retailer_ratings);
    // The shop's file is in the new grid; its order lines point at the new county's products with the same codes.
    expect(await n(sql`select count(*)::int as n from retailers where org_id = ${to} and id = ${shop} and grid_id = ${toGrid}`)).toBe(1);
    expect(
      await n(sql`select count(*)::int as n from order_lines l join products p on p.org_id = l.org_id and p.id = l.product_id
        where l.org_id = ${to} and l.order_id in (select id from orders where org_id = ${to} and retailer_id = ${shop})`),
    ).toBe(mine.order_lines);

    const audit = await query<{ org: number; detail: { reason: string } }>(
      db(),
      sql`select org_id as org, detail from audit_log where action = 'move' and entity = 'retailer' and ${shop} = any(entity_ids) order by org_id`,
    );
    expect(audit.map((a) => a.org).sort()).toEqual([from, to].sort());
    expect(audit[0]!.detail.reason).toBe('行政区划调整：划入邻县');
  });

  it('tells the old county where the shop went, read-only, and lets the shop log in to its new county', async () => {
    const card = await t.api(cookie.admin, 'GET', `/api/retailers/${shop}`);
    expect(card.statusCode).toBe(410);
    expect(card.json()).toMatchObject({ code: 'retailer_moved', movedTo: { toOrgId: to, toOrgName: '邻县营销部', toRetailerId: shop } });
    expect((await t.api(cookie.admin, 'PATCH', `/api/retailers/${shop}`, { version: 1, shopName: '改名' })).statusCode).toBe(404);
    // The move ended the shop's sessions (a viewer cached for up to 5 s still finds nothing in the old county);
    // it logs in again and reads its own file in the new county.
    expect(await n(sql`select count(*)::int as n from sessions where user_id = ${shopUser}`)).toBe(0);
    expect([401, 404]).toContain((await t.api(cookie.retailer, 'GET', `/api/retailers/${shop}`)).statusCode);
    const again = await t.login('retailer');
    const own = await t.api(again, 'GET', `/api/retailers/${shop}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().gridId).toBe(toGrid);
  });

  it('refuses to move it twice from the old county', async () => {
    const res = await t.api(cookie.admin, 'POST', `/api/retailers/${shop}/move`, { toOrgId: to, toGridId: toGrid, reason: '再迁一次' });
    expect(res.statusCode).toBe(404);
  });
});
