// The one writer of product listings (decision 1930): a county lists a
// catalogue product; the catalogue (a reference table shared by all counties)
// says what the spec is, the county's `products` row what the county does
// with it. Set-based: one statement per table for any number of products;
// rows are inserted in the order given, so ids follow it.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';

type Exec = Pick<Db, 'execute'>;

/** What the catalogue holds of a spec (卷烟规格). */
export type CatalogProduct = {
  code: string;
  brand: string;
  name: string;
  /** 1 = 一类 … 5 = 五类 */
  priceClass: number;
  /** 指导零售价 per carton. */
  retailPrice: number;
  provinceMade: boolean;
};

/** A county's listing: the spec (used only if the catalogue does not know the code yet) and the county's own attributes. */
export type ProductListing = CatalogProduct & { wholesalePrice: number; scarce?: boolean; isNew?: boolean; active?: boolean };

export type ListingConflict = 'keep' | 'update';

/**
 * Lists products in a county. A code new to the catalogue enters it with the
 * listing's spec; a code the catalogue knows keeps the catalogue's brand,
 * name, class, guidance price and maker whatever the listing says — a county
 * never renames a spec for everyone. The county's row then copies the
 * catalogue's spec (products_catalog_fk holds the copies to it).
 * `onListed: 'update'` sets the county's own attributes of a code it already
 * lists; `'keep'` (default) leaves its row as it is. Returns the county's
 * product id by code.
 */
export async function listCatalogProducts(db: Exec, orgId: number, items: ProductListing[], onListed: ListingConflict = 'keep'): Promise<Map<string, number>> {
  if (items.length === 0) return new Map();
  const rows = JSON.stringify(
    items.map((p, n) => ({
      n,
      code: p.code,
      brand: p.brand,
      name: p.name,
      price_class: p.priceClass,
      retail_price: p.retailPrice,
      province_made: p.provinceMade,
      wholesale_price: p.wholesalePrice,
      scarce: p.scarce ?? false,
      is_new: p.isNew ?? false,
      active: p.active ?? true,
    })),
  );
  const input = sql`jsonb_to_recordset(${rows}::jsonb) as x(n int, code text, brand text, name text, price_class smallint, retail_price numeric, province_made boolean,
    wholesale_price numeric, scarce boolean, is_new boolean, active boolean)`;
  await db.execute(sql`
    insert into product_catalog (code, brand, name, price_class, retail_price, province_made)
    select code, brand, name, price_class, retail_price, province_made from ${input}
    order by n
    on conflict (code) do nothing`);
  const conflict =
    onListed === 'update'
      ? sql`do update set wholesale_price = excluded.wholesale_price, scarce = excluded.scarce, is_new = excluded.is_new, active = excluded.active`
      : sql`do nothing`;
  await db.execute(sql`
    insert into products (org_id, code, brand, name, price_class, retail_price, province_made, wholesale_price, scarce, is_new, active)
    select ${orgId}, c.code, c.brand, c.name, c.price_class, c.retail_price, c.province_made, x.wholesale_price, x.scarce, x.is_new, x.active
    from ${input} join product_catalog c on c.code = x.code
    order by x.n
    on conflict (org_id, code) ${conflict}`);
  const ids = (await db.execute(sql`select id, code from products where org_id = ${orgId} and code in (select code from ${input})`)) as unknown as {
    rows: { id: number; code: string }[];
  };
  return new Map(ids.rows.map((r) => [r.code, Number(r.id)]));
}
