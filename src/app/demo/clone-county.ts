// A county made from another (issue 19, decision 1913): the demo's second
// county and the province data set copy a generated county set-based —
// INSERT … SELECT per table, ids shifted past the table's current maximum,
// references shifted with the table they point to — under a new org, with
// its own code, name, usernames (prefixed) and position. Copying is ~100×
// faster than generating and writing each county row by row, which is what
// makes 100 counties of 3,000 shops possible in minutes.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

/** Tables copied, in order, with the tables their id columns point to. */
const PLAN: { table: string; refs: Record<string, string>; orders?: boolean }[] = [
  { table: 'stations', refs: {} },
  { table: 'users', refs: { station_id: 'stations', retailer_id: 'retailers' } },
  { table: 'villages', refs: {} },
  // The template's listings of catalogue specs: the codes are in the shared catalogue already (decision 1930).
  { table: 'products', refs: {} },
  { table: 'grids', refs: { station_id: 'stations', worker_id: 'users' } },
  { table: 'retailers', refs: { grid_id: 'grids', village_id: 'villages' } },
  { table: 'orders', refs: { retailer_id: 'retailers', created_by: 'users' }, orders: true },
  { table: 'order_lines', refs: { order_id: 'orders', product_id: 'products' }, orders: true },
];

export type CloneOptions = {
  code: string;
  name: string;
  adcode: string;
  parentId: number | null;
  /** Usernames of the copy: prefix + the template's (they are unique across the database). */
  usernamePrefix: string;
  /** Shift of every position, degrees (the copies sit side by side on a map). */
  dLat?: number;
  dLng?: number;
  /** Copy the order history too (the province benchmark; the demo's second county its last weeks). */
  withOrders?: boolean;
  /** Copy only the first `grids` grids (by id) and their shops: a small county (the demo's second). Default all. */
  grids?: number;
  /** With `withOrders`: only orders on or after this day (YYYY-MM-DD). Default all. */
  ordersSince?: string;
  /** Copy the weekly demand roll-up (demand_weeks, decision 1818) too: the forecast benchmark's two years without their order lines. */
  demandWeeks?: boolean;
};

/** Which rows of the template a table copies, when the copy is a part of it (`grids`, `ordersSince`). */
function partOf(table: string, tpl: number, o: CloneOptions): SQL | null {
  const grids = o.grids === undefined ? null : sql`(select g.id from grids g where g.org_id = ${tpl} order by g.id limit ${o.grids})`;
  const shops = grids && sql`(select r.id from retailers r where r.org_id = ${tpl} and r.grid_id in ${grids})`;
  const since = o.ordersSince ? sql`order_date >= ${o.ordersSince}::date` : null;
  const orders = sql.join([shops && sql`retailer_id in ${shops}`, since].filter((x): x is SQL => x !== null), sql` and `);
  const anyOrderFilter = shops !== null || since !== null;
  switch (table) {
    case 'grids':
      return grids && sql`id in ${grids}`;
    case 'retailers':
      return grids && sql`grid_id in ${grids}`;
    case 'users': // staff, and a shop's own login only when its shop comes along
      return shops && sql`(retailer_id is null or retailer_id in ${shops})`;
    case 'orders':
      return anyOrderFilter ? orders : null;
    case 'order_lines':
      return anyOrderFilter ? sql`order_id in (select id from orders where org_id = ${tpl} and ${orders})` : null;
    default:
      return null;
  }
}

export async function cloneCounty(db: Db, templateOrgId: number, o: CloneOptions): Promise<{ orgId: number }> {
  const dLat = o.dLat ?? 0;
  const dLng = o.dLng ?? 0;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [org] = await query<{ id: number }>(
      tx,
      sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
          select ${o.code}, ${o.name}, ${o.adcode}, boundary, center_lat + ${dLat}, center_lng + ${dLng} from orgs where id = ${templateOrgId}
          returning id`,
    );
    await tx.execute(sql`insert into org_units (org_id, parent_id, level) values (${org.id}, ${o.parentId}, 'county')`);
    const plan = PLAN.filter((p) => o.withOrders || !p.orders);
    const part = (table: string) => {
      const where = partOf(table, templateOrgId, o);
      return where ? sql` and ${where}` : sql``;
    };
    // Every offset first, so a reference to a table copied later (users.retailer_id) shifts the same way.
    const offsets = new Map<string, number>();
    for (const { table } of PLAN) {
      const [r] = await query<{ max: number }>(tx, sql`select coalesce(max(id), 0)::bigint as max from ${sql.identifier(table)}`);
      offsets.set(table, Number(r.max));
    }
    for (const { table, refs } of plan) {
      const cols = await query<{ name: string }>(
        tx,
        sql`select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by ordinal_position`,
      );
      const exprs: SQL[] = cols.map(({ name }) => {
        const col = sql.identifier(name);
        if (name === 'id') return sql`${col} + ${offsets.get(table)!}`;
        if (name === 'org_id') return sql`${org.id}`;
        if (refs[name]) return sql`${col} + ${offsets.get(refs[name])!}`;
        if (table === 'users' && name === 'username') return sql`${o.usernamePrefix} || ${col}`;
        if (name === 'lat' || name === 'center_lat') return sql`${col} + ${dLat}`;
        if (name === 'lng' || name === 'center_lng') return sql`${col} + ${dLng}`;
        return sql`${col}`;
      });
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${sql.join(cols.map((c) => sql.identifier(c.name)), sql`, `)})
            select ${sql.join(exprs, sql`, `)} from ${sql.identifier(table)} where org_id = ${templateOrgId}${part(table)}`,
      );
      await tx.execute(sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.identifier(table)}))`);
    }
    if (o.demandWeeks) {
      // Shop and product ids shift with their tables; 0 (all shops, all products) stays 0.
      const shop = offsets.get('retailers')!;
      const product = offsets.get('products')!;
      await tx.execute(sql`insert into demand_weeks (org_id, week_start, retailer_id, product_id, demand, lines, bound_lines, censored, product_ids, product_demand)
        select ${org.id}::int, week_start, case when retailer_id = 0 then 0 else retailer_id + ${shop}::int end, case when product_id = 0 then 0 else product_id + ${product}::int end,
          demand, lines, bound_lines, censored, (select array_agg(x + ${product}::int order by i) from unnest(product_ids) with ordinality u(x, i)), product_demand
        from demand_weeks where org_id = ${templateOrgId}`);
    }
    return { orgId: org.id };
  });
}
