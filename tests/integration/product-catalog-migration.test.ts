// Migration 0031 (decision 1930) on a copy of the demo as it was before the
// product catalogue, on the engine under test: three counties list the demo's
// specs, two of them disagreeing with the first about one spec's name and one
// about another's class. Migrated in place, every product and order line is
// kept, the catalogue has one row per code, each disagreement is settled the
// documented way (most counties, then the lowest org), and every county's
// copies are the catalogue's.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, query, type Db } from '../../src/db/client.js';
import { describeCatalog } from '../../src/db/distribution-catalog.js';
import { formatProblems, lintDistribution } from '../../src/db/distribution.js';
import { TODAY } from '../support/db-template.js';
import { emptyDatabase, migrationsUpTo, seedDemoBeforeCatalog } from '../support/old-schema.js';

const BEFORE_CATALOG = '0030_password_change_required';

const count = async (db: Db, table: string) => (await query<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

/** Another county listing the first one's specs as it likes (before 0031 nothing held the copies together). */
async function addCounty(db: Db, from: number, code: string): Promise<number> {
  const [{ id }] = await query<{ id: number }>(
    db,
    sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
        select ${code}, ${code}, adcode, boundary, center_lat, center_lng from orgs where id = ${from} returning id`,
  );
  await db.execute(sql`insert into products (org_id, code, brand, name, price_class, wholesale_price, retail_price, province_made, scarce, is_new, active)
    select ${id}, code, brand, name, price_class, wholesale_price + 1, retail_price, province_made, scarce, is_new, active from products where org_id = ${from}`);
  return id;
}

describe('migration 0031: the product catalogue from the counties’ products', () => {
  it('keeps every product and order line, settles disagreements deterministically and holds the copies to the catalogue', async () => {
    const old = migrationsUpTo(BEFORE_CATALOG);
    const { db, migrateTo, close } = await emptyDatabase();
    try {
      await migrateTo(old.folder);
      await seedDemoBeforeCatalog(db, { seed: 7, today: TODAY, retailers: 40, weeks: 3, baseline: true });
      const [{ first }] = await query<{ first: number }>(db, sql`select min(id)::int as first from orgs`);
      const b = await addCounty(db, first, 'county_b');
      const c = await addCounty(db, first, 'county_c');
      const [p, q] = await query<{ code: string; name: string; priceClass: number }>(
        db,
        sql`select code, name, price_class as "priceClass" from products where org_id = ${first} order by code limit 2`,
      );
      // Two counties of three call spec p otherwise: the majority's name wins.
      await db.execute(sql`update products set name = '改名·多数' where code = ${p.code} and org_id in (${b}, ${c})`);
      // One county of two lists spec q in another class and the third does not list it: a tie, the lowest org wins.
      await db.execute(sql`update products set price_class = ${q.priceClass === 5 ? 4 : q.priceClass + 1} where code = ${q.code} and org_id = ${b}`);
      await db.execute(sql`delete from products where code = ${q.code} and org_id = ${c}`);
      // A spec only county b lists enters the catalogue as b has it.
      await db.execute(sql`insert into products (org_id, code, brand, name, price_class, wholesale_price, retail_price) values (${b}, '43077001', '白沙', '只此一县', 4, 60, 70)`);

      const before = { products: await count(db, 'products'), orderLines: await count(db, 'order_lines'), orders: await count(db, 'orders') };
      const listings = await query<{ orgId: number; id: number; code: string; wholesale: number }>(
        db,
        sql`select org_id as "orgId", id, code, wholesale_price::float8 as wholesale from products order by org_id, id`,
      );
      expect(before.orderLines).toBeGreaterThan(200);

      await migrateTo(migrationsFolder);

      // Every listing, with its id and the county's own price, and every order line are still there.
      expect({ products: await count(db, 'products'), orderLines: await count(db, 'order_lines'), orders: await count(db, 'orders') }).toEqual(before);
      expect(
        await query(db, sql`select org_id as "orgId", id, code, wholesale_price::float8 as wholesale from products order by org_id, id`),
      ).toEqual(listings);
      const [{ codes }] = await query<{ codes: number }>(db, sql`select count(distinct code)::int as codes from products`);
      expect(await count(db, 'product_catalog')).toBe(codes);

      const catalogue = async (code: string) =>
        (await query<{ name: string; priceClass: number }>(db, sql`select name, price_class as "priceClass" from product_catalog where code = ${code}`))[0];
      expect(await catalogue(p.code)).toMatchObject({ name: '改名·多数' });
      expect(await catalogue(q.code)).toMatchObject({ priceClass: q.priceClass });
      expect(await catalogue('43077001')).toMatchObject({ name: '只此一县', priceClass: 4 });
      // Every county's copies are the catalogue's now, the first county's name of p included.
      const differing = await query(
        db,
        sql`select p.org_id, p.code from products p join product_catalog c on c.code = p.code
            where (p.brand, p.name, p.price_class, p.retail_price, p.province_made) is distinct from (c.brand, c.name, c.price_class, c.retail_price, c.province_made)`,
      );
      expect(differing).toEqual([]);
      const [{ name }] = await query<{ name: string }>(db, sql`select name from products where org_id = ${first} and code = ${p.code}`);
      expect(name).toBe('改名·多数');

      // The foreign key is in force, validated, and a county can no longer give its copy another name.
      const [fk] = await query<{ validated: boolean; def: string }>(
        db,
        sql`select convalidated as validated, pg_get_constraintdef(oid) as def from pg_constraint where conname = 'products_catalog_fk'`,
      );
      expect(fk).toMatchObject({ validated: true });
      expect(fk!.def).toContain('REFERENCES product_catalog(code, brand, name, price_class, retail_price, province_made) ON UPDATE CASCADE');
      await expect(db.execute(sql`update products set name = '县里自己改' where org_id = ${first} and code = ${p.code}`)).rejects.toThrow();
      const problems = lintDistribution(await describeCatalog(db));
      expect(problems, formatProblems(problems)).toEqual([]);
    } finally {
      await close();
      old.remove();
    }
  });
});
