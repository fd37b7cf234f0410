// The product catalogue (issue 19 item 2, decision 1930): two counties list the
// same catalogue spec, each at its own price; the city reads the week by
// product with both counties' lines under the spec's one name; a county cannot
// rename a spec for everyone, and the catalogue's change reaches every county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { listCatalogProducts } from '../../src/db/product-catalog.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import type { Rollup } from '../../src/shared/org-tree.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let liling: number;
let youxian: number;
let cityId: number;
const c = {} as Record<'province' | 'manager' | 'yxManager', string>;
/** The spec with the most stock-outs in the city's week, and its catalogue entry. */
let spec: { code: string; brand: string; name: string; priceClass: number; retailPrice: number; provinceMade: boolean };

const call = (cookie: string, method: string, url: string) => t.app.inject({ method: method as 'GET', url, headers: { cookie } });
const rollup = async (parentId: number) => (await call(c.province, 'GET', `/api/rollups?parentId=${parentId}`)).json() as Rollup;
const listed = async (cookie: string) =>
  ((await call(cookie, 'GET', '/api/launches/options')).json() as { products: { id: number; code: string; name: string }[] }).products.find((p) => p.code === spec.code);
async function refreshRollups() {
  const job = await t.queued(c.province, await call(c.province, 'POST', '/api/rollups/refresh'));
  expect(job.state).toBe('completed');
  await t.jobs.waitIdle();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  [{ id: liling }] = await query<{ id: number }>(db, sql`select id from orgs where code = 'liling'`);
  [{ id: cityId }] = await query<{ id: number }>(db, sql`select id from orgs where code = 'zhuzhou'`);
  ({ orgId: youxian } = await cloneCounty(db, liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: cityId, usernamePrefix: 'yx_', withOrders: true }));
  forgetOrgTree();
  c.province = await t.login(['province', 'province123']);
  c.manager = await t.login('county_manager');
  c.yxManager = await t.login(['yx_manager', 'manager123']);
  await refreshRollups();
  const top = (await rollup(liling)).products[0]!;
  [spec] = await query<typeof spec>(
    db,
    sql`select code, brand, name, price_class as "priceClass", retail_price::float8 as "retailPrice", province_made as "provinceMade" from product_catalog where code = ${top.code}`,
  );
}, 240_000);
afterAll(() => t?.close());

describe('two counties list one catalogue spec', () => {
  it('each county has its own listing and wholesale price, under the catalogue’s name', async () => {
    const db = t.database.db;
    await db.execute(sql`update products set wholesale_price = wholesale_price + 5 where org_id = ${youxian} and code = ${spec.code}`);
    const [mine, theirs] = [await listed(c.manager), await listed(c.yxManager)];
    expect(mine).toMatchObject({ code: spec.code, name: spec.name });
    expect(theirs).toMatchObject({ code: spec.code, name: spec.name });
    expect(theirs!.id).not.toBe(mine!.id);
    // The order screen of a shop in each county: same spec, the county's own price.
    const shopOf = async (org: number) => (await query<{ id: number }>(db, sql`select id from retailers where org_id = ${org} and status = 'active' order by id limit 1`))[0]!.id;
    const price = async (cookie: string, org: number) =>
      ((await call(cookie, 'GET', `/api/ordering/retailers/${await shopOf(org)}`)).json() as { products: { code: string; name: string; price: number }[] }).products.find(
        (p) => p.code === spec.code,
      )!;
    const [here, there] = [await price(c.manager, liling), await price(c.yxManager, youxian)];
    expect(there.name).toBe(here.name);
    expect(there.price).toBeCloseTo(here.price + 5, 2);
  });

  it('the city reads the week by product: both counties’ lines of the spec under its one name', async () => {
    await refreshRollups();
    const [city, a, b] = [await rollup(cityId), await rollup(liling), await rollup(youxian)];
    const at = (r: Rollup) => r.products.find((p) => p.code === spec.code)!;
    expect(at(a).demandLines).toBeGreaterThan(0);
    expect(at(city)).toMatchObject({
      code: spec.code,
      brand: spec.brand,
      name: spec.name,
      priceClass: spec.priceClass,
      counties: 2,
      demandLines: at(a).demandLines + at(b).demandLines,
      stockoutLines: at(a).stockoutLines + at(b).stockoutLines,
      orderedQty: at(a).orderedQty + at(b).orderedQty,
    });
    // One row per spec, not one per county's listing.
    expect(city.products.filter((p) => p.code === spec.code)).toHaveLength(1);
    // Every spec's lines add up to the city's stock-out figures.
    expect(city.products.reduce((s, p) => s + p.demandLines, 0)).toBe(city.total.supply.demandLines);
    expect(city.products.reduce((s, p) => s + p.stockoutLines, 0)).toBe(city.total.supply.stockoutLines);
  });
});

describe('who names a spec', () => {
  it('a county listing a known code under another name keeps the catalogue’s name, and cannot rename its copy', async () => {
    const db = t.database.db;
    const ids = await listCatalogProducts(db, youxian, [{ ...spec, name: '攸县自称', brand: '自家牌', wholesalePrice: 99 }], 'update');
    expect(ids.get(spec.code)).toBe((await listed(c.yxManager))!.id);
    expect(await listed(c.yxManager)).toMatchObject({ name: spec.name });
    const [{ name }] = await query<{ name: string }>(db, sql`select name from product_catalog where code = ${spec.code}`);
    expect(name).toBe(spec.name);
    // The county's own attribute did change.
    const [{ price }] = await query<{ price: number }>(db, sql`select wholesale_price::float8 as price from products where org_id = ${youxian} and code = ${spec.code}`);
    expect(price).toBe(99);
    // Writing the copy directly is refused by the database (products_catalog_fk).
    await expect(db.execute(sql`update products set name = '攸县自称' where org_id = ${youxian} and code = ${spec.code}`)).rejects.toThrow();
    expect(await listed(c.yxManager)).toMatchObject({ name: spec.name });
  });

  it('a change of the catalogue reaches every county’s screens and the roll-up', async () => {
    await t.database.db.execute(sql`update product_catalog set name = ${`${spec.name}（新包装）`} where code = ${spec.code}`);
    expect(await listed(c.manager)).toMatchObject({ name: `${spec.name}（新包装）` });
    expect(await listed(c.yxManager)).toMatchObject({ name: `${spec.name}（新包装）` });
    const city = await rollup(cityId);
    expect(city.products.find((p) => p.code === spec.code)).toMatchObject({ name: `${spec.name}（新包装）`, counties: 2 });
  });
});
