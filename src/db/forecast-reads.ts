// Weekly stated demand (需求量) from order lines, by shop, by product and by
// shop × product, with whether the limit bound (可用量 < 需求量). Orders whose
// deduction failed still state demand, so every order counts. One statement
// each, grouped in the database.
import { sql } from 'drizzle-orm';
import { query, type Db } from './client.js';

export type WeeklyDemandRow = {
  /** Retailer id, product id, or "retailer:product". */
  key: string;
  /** Monday of the order week, YYYY-MM-DD. */
  monday: string;
  demand: number;
  /** Share of the week's lines where the limit bound. */
  bound: number;
  /** 1 when every line of a scarce product asked exactly what it was allowed (the stated demand may be only a lower bound). */
  censored: number;
};

const weekly = (level: 'shop' | 'product' | 'shop_product') =>
  level === 'shop' ? sql`o.retailer_id::text` : level === 'product' ? sql`l.product_id::text` : sql`o.retailer_id::text || ':' || l.product_id::text`;

/** Weekly demand between two Mondays (inclusive) at one level, for the org; `retailerIds` narrows to some shops. */
export async function findWeeklyDemand(
  db: Db,
  orgId: number,
  level: 'shop' | 'product' | 'shop_product',
  from: string,
  to: string,
  retailerIds?: number[],
): Promise<WeeklyDemandRow[]> {
  const only = retailerIds ? sql`and o.retailer_id = any(${`{${retailerIds.join(',')}}`}::int[])` : sql``;
  return query<WeeklyDemandRow>(
    db,
    sql`select ${weekly(level)} as key, to_char(date_trunc('week', o.order_date), 'YYYY-MM-DD') as monday,
        sum(l.demand_qty)::float8 as demand,
        (count(*) filter (where l.available_qty < l.demand_qty))::float8 / count(*) as bound,
        (bool_and(p.scarce and l.demand_qty = l.available_qty) and bool_or(p.scarce))::int as censored
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
      where o.org_id = ${orgId} and o.order_date >= ${from}::date and o.order_date < ${to}::date + 7 ${only}
      group by 1, 2`,
  );
}

/**
 * Weekly demand per shop and per product in one pass over the order lines (grouping sets, decision 1813). The
 * forecast job now reads the roll-up (demand-weeks.ts, decision 1818); this scan is the definition the roll-up must
 * equal, row for row (tests/integration/forecast-rollup.test.ts).
 */
export async function findWeeklyDemandByShopAndProduct(db: Db, orgId: number, from: string, to: string): Promise<{ shop: WeeklyDemandRow[]; product: WeeklyDemandRow[] }> {
  const rows = await query<WeeklyDemandRow & { level: number }>(
    db,
    sql`select grouping(o.retailer_id) as level, coalesce(o.retailer_id, l.product_id)::text as key, to_char(w.monday, 'YYYY-MM-DD') as monday,
        sum(l.demand_qty)::float8 as demand,
        (count(*) filter (where l.available_qty < l.demand_qty))::float8 / count(*) as bound,
        (bool_and(p.scarce and l.demand_qty = l.available_qty) and bool_or(p.scarce))::int as censored
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
      cross join lateral (select date_trunc('week', o.order_date) as monday) w
      where o.org_id = ${orgId} and o.order_date >= ${from}::date and o.order_date < ${to}::date + 7
      group by grouping sets ((o.retailer_id, w.monday), (l.product_id, w.monday))`,
  );
  const shop: WeeklyDemandRow[] = [];
  const product: WeeklyDemandRow[] = [];
  for (const { level, ...r } of rows) (level === 0 ? shop : product).push(r);
  return { shop, product };
}

export type ShopAttrRow = { id: number; tier: number; format: string; market: string; gridId: number; status: string };

export async function findShopAttrs(db: Db, orgId: number): Promise<ShopAttrRow[]> {
  return query<ShopAttrRow>(
    db,
    sql`select id, tier, business_format as format, district_type as market, grid_id as "gridId", status::text as status
      from retailers where org_id = ${orgId} order by id`,
  );
}

export type ProductAttrRow = { id: number; priceClass: number; scarce: boolean; name: string };

export async function findProductAttrs(db: Db, orgId: number): Promise<ProductAttrRow[]> {
  return query<ProductAttrRow>(db, sql`select id, price_class as "priceClass", scarce, name from products where org_id = ${orgId} order by id`);
}
